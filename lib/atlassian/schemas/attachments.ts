/** One page of v2 `/pages/{id}/attachments` (cursor-paginated). */
import * as z from 'zod';
import { link, linksSchema, list, text } from './common';

export const attachmentSchema = z.object({
  id: text(),
  status: text().optional(),
  title: text(),
  createdAt: text().optional(),
  pageId: text().optional(),
  mediaType: text().optional(),
  mediaTypeDescription: text().optional(),
  comment: link().optional(),
  fileId: text().optional(),
  fileSize: z.number().optional(),
  webuiLink: link().optional(),
  // Kept for display only: these links no longer accept API tokens (use downloadAttachment).
  downloadLink: link().optional(),
  version: z.object({ number: z.number() }).partial().optional(),
  _links: linksSchema.optional(),
});
export type Attachment = z.output<typeof attachmentSchema>;

export const attachmentsPageSchema = z.object({
  results: list(attachmentSchema),
  _links: linksSchema.optional(),
});
export type AttachmentsPage = z.output<typeof attachmentsPageSchema>;
