/** v1 Content (`/content/{id}`) and the lists of it (`/child/{type}`, `/descendant/{type}`), Cloud and DC. */
import * as z from 'zod';
import { bodyRepresentationSchema, linksSchema } from './common';

export const contentSchema = z.object({
  id: z.string(),
  type: z.string(),
  status: z.string().optional(),
  title: z.string().optional(),
  space: z.object({ id: z.union([z.number(), z.string()]).optional(), key: z.string(), name: z.string().optional() }).optional(),
  version: z.object({ number: z.number(), when: z.string().optional(), minorEdit: z.boolean().optional() }).optional(),
  ancestors: z.array(z.object({ id: z.string(), type: z.string().optional(), title: z.string().optional() })).optional(),
  body: z
    .object({
      storage: bodyRepresentationSchema,
      view: bodyRepresentationSchema,
      export_view: bodyRepresentationSchema,
      styled_view: bodyRepresentationSchema,
      anonymous_export_view: bodyRepresentationSchema,
      atlas_doc_format: bodyRepresentationSchema,
    })
    .partial()
    .optional(),
  metadata: z
    .object({
      labels: z
        .object({ results: z.array(z.object({ name: z.string(), prefix: z.string().optional(), id: z.string().optional() })) })
        .optional(),
    })
    .optional(),
  _links: linksSchema.optional(),
});
export type Content = z.output<typeof contentSchema>;

export const contentListSchema = z.object({
  results: z.array(contentSchema),
  start: z.number().optional(),
  limit: z.number().optional(),
  size: z.number().optional(),
  _links: linksSchema.optional(),
});
export type ContentList = z.output<typeof contentListSchema>;
