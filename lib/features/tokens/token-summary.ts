import * as z from 'zod';
import { mismatchWarning } from './kind-mismatch';
import { siteDetectionSchema, type SiteDetection } from './site-detection';
import type { TokenRecord } from './token-record';
import { tokenRevision, tokenRevisionSchema } from './token-revision';
import { CLOUD_KINDS, TOKEN_KINDS } from './token-kind';

export const kindMismatchSchema = z.strictObject({ site: z.string(), detected: z.enum(CLOUD_KINDS), sentence: z.string() });
export type KindMismatch = z.infer<typeof kindMismatchSchema>;

/**
 * A token without its secret: the only shape of a token that may leave the background.
 * The schema is strict so that a message carrying any extra field (a secret) is refused.
 */
export const tokenSummarySchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  email: z.string().optional(),
  kind: z.enum(TOKEN_KINDS),
  /** '…abcd': the last four characters of the secret. */
  secretHint: z.string(),
  detected: z.array(siteDetectionSchema),
  /** Computed from `kind` and `detected`, so it is never stale after an edit. */
  mismatch: z.array(kindMismatchSchema),
  expiresOn: z.string().optional(),
  createdAt: z.string(),
  sites: z.array(z.string()),
  dcBaseUrl: z.string().optional(),
  readOnly: z.boolean(),
  /** Set when the organisation's policy makes it read-only whatever the person chose (lib/features/policy/). */
  readOnlyBy: z.literal('organisation').optional(),
  /** Changes with every edit of the record (token-revision.ts); `tokens-update` sends it back. */
  revision: tokenRevisionSchema,
});
export type TokenSummary = z.infer<typeof tokenSummarySchema>;

/**
 * A record with the detections that hold for it (stored apart: token-detections.ts). Copies
 * field by field (never spreads the record) so that a secret cannot slip through.
 */
export function toTokenSummary(record: TokenRecord, detected: readonly SiteDetection[]): TokenSummary {
  const mismatch: KindMismatch[] = [];
  for (const detection of detected) {
    const sentence = mismatchWarning(record.kind, detection.kind, detection.site);
    if (sentence) mismatch.push({ site: detection.site, detected: detection.kind, sentence });
  }
  return {
    id: record.id,
    label: record.label,
    ...(record.email !== undefined ? { email: record.email } : {}),
    kind: record.kind,
    secretHint: record.secretHint,
    detected: detected.map((d) => structuredClone(d)),
    mismatch,
    ...(record.expiresOn !== undefined ? { expiresOn: record.expiresOn } : {}),
    createdAt: record.createdAt,
    sites: [...record.sites],
    ...(record.dcBaseUrl !== undefined ? { dcBaseUrl: record.dcBaseUrl } : {}),
    readOnly: record.readOnly,
    revision: tokenRevision(record),
  };
}
