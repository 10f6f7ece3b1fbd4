/** v2 Page (`/pages/{id}`) and the v2 descendants list. */
import * as z from 'zod';
import { bodyRepresentationSchema, linksSchema, list, text } from './common';

export const pageSchema = z.object({
  id: text(),
  status: text().optional(),
  title: text(),
  spaceId: text().optional(),
  parentId: text().nullish(),
  parentType: text().nullish(),
  authorId: text().optional(),
  createdAt: text().optional(),
  version: z.object({ number: z.number(), createdAt: text().optional(), authorId: text().optional() }).partial().optional(),
  body: z
    .object({
      storage: bodyRepresentationSchema,
      atlas_doc_format: bodyRepresentationSchema,
      view: bodyRepresentationSchema,
      export_view: bodyRepresentationSchema,
      anonymous_export_view: bodyRepresentationSchema,
      styled_view: bodyRepresentationSchema,
      editor: bodyRepresentationSchema,
    })
    .partial()
    .optional(),
  _links: linksSchema.optional(),
});
export type Page = z.output<typeof pageSchema>;

/** One page of v2 `/pages` (cursor-paginated). */
export const pagesListSchema = z.object({
  results: list(pageSchema),
  _links: linksSchema.optional(),
});
export type PagesList = z.output<typeof pagesListSchema>;

export const descendantSchema = z.object({
  id: text(),
  status: text().optional(),
  title: text().optional(),
  type: text().optional(),
  parentId: text().nullish(),
  depth: z.number().optional(),
  childPosition: z.number().nullish(),
});

export const descendantsPageSchema = z.object({
  results: list(descendantSchema),
  _links: linksSchema.optional(),
});
export type DescendantsPage = z.output<typeof descendantsPageSchema>;
