import * as z from 'zod/mini';
import type { TokenFieldErrors, TokenFormInput } from '../../tokens/token-form-input';
import { CLOUD_KINDS, TOKEN_KINDS } from '../../tokens/token-kind';
import type { TokenSummary } from '../../tokens/token-summary';
import type { LockState, PassphraseResult, TokenWriteResult } from '../../tokens/token-vault';
import type { Same } from './same-type';

/*
 * Tokens as they cross between the background and extension pages, in zod/mini (the popup
 * imports these). Each schema is checked against the type lib/tokens/ defines, so the two
 * cannot drift apart. Only `tokenFormInputSchema` may carry a secret, and only towards the
 * background; every reply shape is strict, so a reply carrying any extra field is refused.
 */

/** Token ids are made by the vault (32 hex characters); anything else names no token. */
export const tokenIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a token id'));

export const lockStateSchema = z.enum(['none', 'locked', 'unlocked']);

/**
 * What the token form sends. Loose strings on purpose: the vault's validation turns bad values
 * into a sentence per field, which a schema failure could not. The bounds only stop absurd sizes.
 */
export const tokenFormInputSchema = z.strictObject({
  label: z.string().check(z.maxLength(1000)),
  kind: z.string().check(z.maxLength(40)),
  email: z.optional(z.string().check(z.maxLength(1000))),
  /** Empty or absent when editing means "keep the saved secret". */
  secret: z.optional(z.string().check(z.maxLength(8192))),
  expiresOn: z.optional(z.string().check(z.maxLength(40))),
  sites: z.optional(z.array(z.string().check(z.maxLength(2048))).check(z.maxLength(200))),
  dcBaseUrl: z.optional(z.string().check(z.maxLength(2048))),
  readOnly: z.optional(z.boolean()),
});

export const tokenFieldErrorsSchema = z.strictObject({
  label: z.optional(z.string()),
  kind: z.optional(z.string()),
  email: z.optional(z.string()),
  secret: z.optional(z.string()),
  expiresOn: z.optional(z.string()),
  sites: z.optional(z.string()),
  dcBaseUrl: z.optional(z.string()),
});

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

export const tokenWriteResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), token: tokenSummarySchema }),
  z.strictObject({ ok: z.literal(false), reason: z.literal('invalid'), errors: tokenFieldErrorsSchema }),
  z.strictObject({ ok: z.literal(false), reason: z.enum(['locked', 'not-found']), message: z.string() }),
]);

export const passphraseResultSchema = z.union([
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({
    ok: z.literal(false),
    reason: z.enum(['wrong-passphrase', 'weak-passphrase', 'no-passphrase', 'already-set']),
    message: z.string(),
  }),
]);

const checks: [
  Same<z.infer<typeof tokenFormInputSchema>, TokenFormInput>,
  Same<z.infer<typeof tokenFieldErrorsSchema>, TokenFieldErrors>,
  Same<z.infer<typeof tokenSummarySchema>, TokenSummary>,
  Same<z.infer<typeof lockStateSchema>, LockState>,
  Same<z.infer<typeof tokenWriteResultSchema>, TokenWriteResult>,
  Same<z.infer<typeof passphraseResultSchema>, PassphraseResult>,
] = [true, true, true, true, true, true];
void checks;
