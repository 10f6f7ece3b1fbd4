/**
 * The v1 content answer an export reads: the default content schema plus `history` (who created
 * the page and when), which only the export asks for.
 */
import * as z from 'zod';
import { contentSchema } from '../../../atlassian/schemas/content';
import { text } from '../../../atlassian/schemas/common';

const userSchema = z.object({ displayName: text().nullish(), publicName: text().optional(), accountId: text().optional(), username: text().optional() }).partial();

export const exportContentSchema = contentSchema.extend({
  history: z.object({ createdDate: text().optional(), createdBy: userSchema.optional() }).partial().optional(),
});
export type ExportContent = z.output<typeof exportContentSchema>;

/**
 * Every body the converters can use, with the page's facts, in one call: 8 expansions, the most
 * v1 allows (API-FACTS). Data Center has no ADF.
 */
export const EXPORT_EXPANSIONS_CLOUD = 'body.storage,body.atlas_doc_format,body.export_view,version,space,history,metadata.labels,ancestors';
export const EXPORT_EXPANSIONS_DC = 'body.storage,body.export_view,version,space,history,metadata.labels,ancestors';
