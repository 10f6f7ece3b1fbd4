import * as z from 'zod/mini';
import type { TokenFieldErrors, TokenFormInput } from '../token-form-input';
import type { PassphraseResult, TokenWriteResult } from '../token-vault';
import type { Same } from '../../../messages/schemas/same-type';
import { tokenIdSchema, tokenSummarySchema } from './token-view';

/*
 * What only the options page sends or reads: token forms (the one place a secret travels,
 * towards the background) and the answers to writes. Kept apart from ./token-view.ts so the
 * popup, which never writes, does not bundle them.
 */

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

/** The only message, with `tokens-update`, that carries a secret (inside `input`). */
export const tokensAddMessageSchema = z.strictObject({ type: z.literal('tokens-add'), input: tokenFormInputSchema });
export type TokensAddMessage = z.infer<typeof tokensAddMessageSchema>;

export const tokensUpdateMessageSchema = z.strictObject({
  type: z.literal('tokens-update'),
  id: tokenIdSchema,
  input: tokenFormInputSchema,
});
export type TokensUpdateMessage = z.infer<typeof tokensUpdateMessageSchema>;



const checks: [
  Same<z.infer<typeof tokenFormInputSchema>, TokenFormInput>,
  Same<z.infer<typeof tokenFieldErrorsSchema>, TokenFieldErrors>,
  Same<z.infer<typeof tokenWriteResultSchema>, TokenWriteResult>,
  Same<z.infer<typeof passphraseResultSchema>, PassphraseResult>,
] = [true, true, true, true];
void checks;
