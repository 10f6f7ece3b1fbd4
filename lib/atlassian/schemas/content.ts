/** v1 Content (`/content/{id}`) and the lists of it (`/child/{type}`, `/descendant/{type}`), Cloud and DC. */
import * as z from 'zod';
import { bodyRepresentationSchema, link, linksSchema, list, text } from './common';

export const contentSchema = z.object({
  id: text(),
  type: text(),
  status: text().optional(),
  title: text().optional(),
  space: z.object({ id: z.union([z.number(), text()]).optional(), key: text(), name: text().optional() }).optional(),
  version: z
    .object({
      number: z.number(),
      when: text().optional(),
      minorEdit: z.boolean().optional(),
      /** Who made this version (a Cloud user, or a Data Center one by username). */
      by: z.object({ displayName: text().nullish(), publicName: text().optional(), accountId: text().optional(), username: text().optional() }).partial().optional(),
    })
    .optional(),
  ancestors: list(z.object({ id: text(), type: text().optional(), title: text().optional() })).optional(),
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
      labels: z.object({ results: list(z.object({ name: text(), prefix: text().optional(), id: text().optional() })) }).optional(),
    })
    .optional(),
  /** An attachment's page or blog post (`expand=container`): whose file it is. A page's is its space, whose id is a number. */
  container: z.object({ id: z.union([text(), z.number()]), type: text().optional(), title: text().optional() }).optional(),
  /** An attachment's file facts. */
  extensions: z.object({ mediaType: text().optional(), fileSize: z.number().optional(), comment: link().optional() }).partial().optional(),
  /** `_links.download` of an attachment is its servlet path on Data Center (downloadAttachmentDc). */
  _links: linksSchema.optional(),
});
export type Content = z.output<typeof contentSchema>;

export const contentListSchema = z.object({
  results: list(contentSchema),
  start: z.number().optional(),
  limit: z.number().optional(),
  size: z.number().optional(),
  _links: linksSchema.optional(),
});
export type ContentList = z.output<typeof contentListSchema>;
