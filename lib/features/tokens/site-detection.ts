import * as z from 'zod';
import { CLOUD_KINDS } from './token-kind';

export const detectedIdentitySchema = z.strictObject({ accountId: z.string().min(1), displayName: z.string().optional() });
export type DetectedIdentity = z.infer<typeof detectedIdentitySchema>;

/** What probing one site showed about a token, as a summary lists it. */
export const siteDetectionSchema = z.strictObject({
  site: z.string().min(1),
  kind: z.enum(CLOUD_KINDS),
  checkedAt: z.string(),
  identity: detectedIdentitySchema.optional(),
});
export type SiteDetection = z.infer<typeof siteDetectionSchema>;
