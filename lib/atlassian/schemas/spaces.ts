/** One page of v2 `/spaces` (cursor-paginated). */
import * as z from 'zod';
import { linksSchema, list, text } from './common';

export const spaceSchema = z.object({
  id: text(),
  key: text(),
  name: text(),
  type: text().optional(),
  status: text().optional(),
  homepageId: text().nullish(),
  _links: linksSchema.optional(),
});
export type Space = z.output<typeof spaceSchema>;

export const spacesPageSchema = z.object({
  results: list(spaceSchema),
  _links: linksSchema.optional(),
});
export type SpacesPage = z.output<typeof spacesPageSchema>;
