/** One page of v2 `/pages/{id}/attachments` (cursor-paginated). */
import * as z from 'zod';
import { linksSchema } from './common';

export const attachmentSchema = z.object({
  id: z.string(),
  status: z.string().optional(),
  title: z.string(),
  createdAt: z.string().optional(),
  pageId: z.string().optional(),
  mediaType: z.string().optional(),
  mediaTypeDescription: z.string().optional(),
  comment: z.string().optional(),
  fileId: z.string().optional(),
  fileSize: z.number().optional(),
  webuiLink: z.string().optional(),
  // Kept for display only: these links no longer accept API tokens (use downloadAttachment).
  downloadLink: z.string().optional(),
  version: z.object({ number: z.number() }).partial().optional(),
  _links: linksSchema.optional(),
});
export type Attachment = z.output<typeof attachmentSchema>;

export const attachmentsPageSchema = z.object({
  results: z.array(attachmentSchema),
  _links: linksSchema.optional(),
});
export type AttachmentsPage = z.output<typeof attachmentsPageSchema>;
