/** v2 Page (`/pages/{id}`) and the v2 descendants list. */
import * as z from 'zod';
import { bodyRepresentationSchema, linksSchema } from './common';

export const pageSchema = z.object({
  id: z.string(),
  status: z.string().optional(),
  title: z.string(),
  spaceId: z.string().optional(),
  parentId: z.string().nullish(),
  parentType: z.string().nullish(),
  authorId: z.string().optional(),
  createdAt: z.string().optional(),
  version: z.object({ number: z.number(), createdAt: z.string().optional(), authorId: z.string().optional() }).partial().optional(),
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

export const descendantSchema = z.object({
  id: z.string(),
  status: z.string().optional(),
  title: z.string().optional(),
  type: z.string().optional(),
  parentId: z.string().nullish(),
  depth: z.number().optional(),
  childPosition: z.number().nullish(),
});

export const descendantsPageSchema = z.object({
  results: z.array(descendantSchema),
  _links: linksSchema.optional(),
});
export type DescendantsPage = z.output<typeof descendantsPageSchema>;
