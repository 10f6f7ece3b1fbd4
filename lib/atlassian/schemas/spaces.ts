/** One page of v2 `/spaces` (cursor-paginated). */
import * as z from 'zod';
import { linksSchema } from './common';

export const spaceSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  type: z.string().optional(),
  status: z.string().optional(),
  homepageId: z.string().nullish(),
  _links: linksSchema.optional(),
});
export type Space = z.output<typeof spaceSchema>;

export const spacesPageSchema = z.object({
  results: z.array(spaceSchema),
  _links: linksSchema.optional(),
});
export type SpacesPage = z.output<typeof spacesPageSchema>;
