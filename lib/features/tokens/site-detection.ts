import * as z from 'zod';
import { MAX_TEXT_CHARS } from '../../atlassian/schemas/bounds';
import { CLOUD_KINDS } from './token-kind';

// Bounded (lib/atlassian/schemas/bounds.ts): an identity is stored and shown on every render, and
// a 4 MB displayName froze the options page. Cut rather than refused, so that a detection stored
// before the bound still reads (and is stored cut the next time detections are written).
const cut = (text: string) => (text.length > MAX_TEXT_CHARS ? text.slice(0, MAX_TEXT_CHARS) : text);
export const detectedIdentitySchema = z.strictObject({ accountId: z.string().min(1).transform(cut), displayName: z.string().transform(cut).optional() });
export type DetectedIdentity = z.infer<typeof detectedIdentitySchema>;

/** What probing one site showed about a token, as a summary lists it. */
export const siteDetectionSchema = z.strictObject({
  site: z.string().min(1),
  kind: z.enum(CLOUD_KINDS),
  checkedAt: z.string(),
  identity: detectedIdentitySchema.optional(),
});
export type SiteDetection = z.infer<typeof siteDetectionSchema>;
