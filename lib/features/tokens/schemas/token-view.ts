import * as z from 'zod/mini';
import { CLOUD_KINDS, TOKEN_KINDS } from '../token-kind';
import type { TokenSummary } from '../token-summary';
import type { LockState } from '../token-vault';
import type { Same } from '../../../messages/schemas/same-type';

/*
 * Tokens as they cross between the background and extension pages, in zod/mini (the popup
 * imports these). Each schema is checked against the type lib/tokens/ defines, so the two
 * cannot drift apart. Every reply shape is strict, so a reply carrying any extra field (a secret)
 * is refused. What only the options page sends or reads is in ./token-write.ts.
 */

/** Token ids are made by the vault (32 hex characters); anything else names no token. */
export const tokenIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a token id'));

export const lockStateSchema = z.enum(['none', 'locked', 'unlocked']);

const siteDetectionSchema = z.strictObject({
  site: z.string(),
  kind: z.enum(CLOUD_KINDS),
  checkedAt: z.string(),
  identity: z.optional(z.strictObject({ accountId: z.string(), displayName: z.optional(z.string()) })),
});

/** A token without its secret: the only shape of a token that leaves the background. */
export const tokenSummarySchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  email: z.optional(z.string()),
  kind: z.enum(TOKEN_KINDS),
  secretHint: z.string(),
  detected: z.array(siteDetectionSchema),
  mismatch: z.array(z.strictObject({ site: z.string(), detected: z.enum(CLOUD_KINDS), sentence: z.string() })),
  expiresOn: z.optional(z.string()),
  createdAt: z.string(),
  sites: z.array(z.string()),
  dcBaseUrl: z.optional(z.string()),
  readOnly: z.boolean(),
});

const checks: [Same<z.infer<typeof tokenSummarySchema>, TokenSummary>, Same<z.infer<typeof lockStateSchema>, LockState>] = [true, true];
void checks;
