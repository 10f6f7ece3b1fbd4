import * as z from 'zod';
import { defineMessages } from '../../core/messaging/define-message';
import { RejectedMessageError } from '../../core/messaging/reply';
import { TokenVaultError } from './token-vault-error';
import { siteHostSchema } from '../../sites/site-host-schema';
import { tokenFieldErrorsSchema, tokenFormInputSchema, type TokenFormInput } from './token-form-input';
import { tokenRevisionSchema } from './token-revision';
import type { TokenSummary } from './token-summary';
import { tokenSummarySchema } from './token-summary';
import type { TokenVault, TokenWriteResult } from './token-vault';

/* The saved tokens and the passphrase lock, for extension pages only. docs/messages.md describes each. */

export interface TokensDeps {
  /** The saved tokens; secrets stay inside it and the request client. */
  vault: TokenVault;
  /** Cloud sites the extension has seen a Confluence page of, most recently seen first. */
  knownCloudSites(): Promise<string[]>;
  /** Empties the stored tokens and detections without reading them (reset-token-storage.ts). */
  resetTokens(): Promise<void>;
}

const message = defineMessages<TokensDeps>();

/** Token ids are made by the vault (32 hex characters); anything else names no token. */
export const tokenIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a token id');
const lockStateSchema = z.enum(['none', 'locked', 'unlocked']);
const passphrase = z.string().max(1024);

const tokenWriteResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), token: tokenSummarySchema }),
  z.strictObject({ ok: z.literal(false), reason: z.literal('invalid'), errors: tokenFieldErrorsSchema }),
  z.strictObject({ ok: z.literal(false), reason: z.enum(['locked', 'not-found', 'stale']), message: z.string() }),
]);

/** The reply to every vault message but `vault-state`; the passphrase is judged, never echoed. */
const vaultResultSchema = z.union([
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({
    ok: z.literal(false),
    reason: z.enum(['wrong-passphrase', 'weak-passphrase', 'no-passphrase', 'already-set']),
    message: z.string(),
  }),
]);
type VaultResult = z.infer<typeof vaultResultSchema>;

export const tokensList = message({
  type: 'tokens-list',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('tokens-list') }),
  output: z.strictObject({
    tokens: z.array(tokenSummarySchema),
    lock: lockStateSchema,
    knownCloudSites: z.array(z.string()),
    /** Saved records that are not valid tokens: kept as they are, never listed. */
    damaged: z.number().int().nonnegative(),
    /** Ids of listed tokens whose secret this browser can no longer decrypt (its device key is gone). */
    undecryptable: z.array(z.string()),
  }),
  async handle(_message, _sender, deps) {
    try {
      const [tokens, lock, knownCloudSites, problems] = await Promise.all([
        deps.vault.list(),
        deps.vault.lockState(),
        deps.knownCloudSites(),
        deps.vault.problems(),
      ]);
      return { tokens, lock, knownCloudSites, damaged: problems.damaged, undecryptable: problems.undecryptable };
    } catch (error) {
      // The stored tokens as a whole cannot be read: say so; the page offers tokens-reset.
      if (error instanceof TokenVaultError) throw new RejectedMessageError(TOKENS_DAMAGED_SENTENCE);
      throw error;
    }
  },
});

export const TOKENS_DAMAGED_SENTENCE =
  'Your saved tokens are damaged and cannot be read. Nothing has been changed: you can reset them to start again, then enter their secrets again.';

/** Empties damaged (or any) saved tokens, on the person's explicit request; nothing else is touched. */
export const tokensReset = message({
  type: 'tokens-reset',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('tokens-reset') }),
  output: z.strictObject({ reset: z.literal(true) }),
  async handle(_message, _sender, deps) {
    await deps.resetTokens();
    return { reset: true as const };
  },
});

/** With `tokens-update` and `tokens-replace`, the only messages that carry a secret, towards the background. */
export const tokensAdd = message({
  type: 'tokens-add',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('tokens-add'), input: tokenFormInputSchema }),
  output: tokenWriteResultSchema,
  handle: (added, _sender, deps) => deps.vault.add(added.input),
});

/**
 * An empty secret keeps the saved one. `revision`: the one the form was filled from (the options
 * page always sends it); a token changed since is left as it is and the answer is `stale`.
 */
export const tokensUpdate = message({
  type: 'tokens-update',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('tokens-update'), id: tokenIdSchema, revision: tokenRevisionSchema.optional(), input: tokenFormInputSchema }),
  output: tokenWriteResultSchema,
  handle: (update, _sender, deps) => deps.vault.update(update.id, update.input, update.revision),
});

/**
 * "Replace token" (the renew flow): a new secret and expiry date, everything else kept. Bounds as
 * the form's; the vault judges the values and answers per field. `revision` as for `tokens-update`.
 */
export const tokensReplace = message({
  type: 'tokens-replace',
  from: 'extension-page',
  input: z.strictObject({
    type: z.literal('tokens-replace'),
    id: tokenIdSchema,
    revision: tokenRevisionSchema.optional(),
    secret: z.string().max(8192),
    expiresOn: z.string().max(40).optional(),
  }),
  output: tokenWriteResultSchema,
  handle: ({ id, secret, expiresOn, revision }, _sender, deps) =>
    deps.vault.replace(id, { secret, ...(expiresOn !== undefined ? { expiresOn } : {}) }, revision),
});

/** The form input that keeps everything `token` has, plus `site` (no secret: the saved one stays). */
function withSite(token: TokenSummary, site: string): TokenFormInput {
  return {
    label: token.label,
    kind: token.kind,
    ...(token.email !== undefined ? { email: token.email } : {}),
    ...(token.expiresOn !== undefined ? { expiresOn: token.expiresOn } : {}),
    sites: [...token.sites, site],
    readOnly: token.readOnly,
  };
}

/** Adds `site` to the token as it is now, based on the revision just read (never undoes another edit). */
async function allowSite(vault: TokenVault, id: string, site: string): Promise<TokenWriteResult> {
  const token = await vault.get(id);
  if (!token) return { ok: false, reason: 'not-found', message: 'This token no longer exists; it may have been removed in another window.' };
  if (token.kind === 'dc-pat') throw new RejectedMessageError('A Data Center token cannot be used on a Cloud site.');
  if (token.sites.includes(site)) return { ok: true, token };
  return vault.update(id, withSite(token, site), token.revision);
}

/**
 * The person's answer to "use this token on this site?": adds the site to the token's list. An
 * edit saved between reading the token and writing it makes the write `stale`; the answer still
 * holds for the token as it is then, so it is read and tried once more.
 */
export const tokensAllowSite = message({
  type: 'tokens-allow-site',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('tokens-allow-site'), id: tokenIdSchema, site: siteHostSchema }),
  output: tokenWriteResultSchema,
  async handle({ id, site }, _sender, deps) {
    const first = await allowSite(deps.vault, id, site);
    return first.ok || first.reason !== 'stale' ? first : allowSite(deps.vault, id, site);
  },
});

export const tokensRemove = message({
  type: 'tokens-remove',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('tokens-remove'), id: tokenIdSchema }),
  /** `removed: false`: there was no such token. */
  output: z.strictObject({ removed: z.boolean() }),
  handle: async ({ id }, _sender, deps) => ({ removed: await deps.vault.remove(id) }),
});

export const vaultState = message({
  type: 'vault-state',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('vault-state') }),
  output: z.strictObject({ lock: lockStateSchema }),
  handle: async (_message, _sender, deps) => ({ lock: await deps.vault.lockState() }),
});

/** Set, remove and unlock each take one passphrase and answer a VaultResult. */
function passphraseMessage<const Type extends string>(type: Type, run: (vault: TokenVault, passphrase: string) => Promise<VaultResult>) {
  return message({
    type,
    from: 'extension-page',
    input: z.strictObject({ type: z.literal(type), passphrase }),
    output: vaultResultSchema,
    handle: (sent, _sender, deps) => run(deps.vault, sent.passphrase),
  });
}

export const vaultSetPassphrase = passphraseMessage('vault-set-passphrase', (vault, p) => vault.setPassphrase(p));
export const vaultRemovePassphrase = passphraseMessage('vault-remove-passphrase', (vault, p) => vault.removePassphrase(p));
export const vaultUnlock = passphraseMessage('vault-unlock', (vault, p) => vault.unlock(p));

export const vaultChangePassphrase = message({
  type: 'vault-change-passphrase',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('vault-change-passphrase'), oldPassphrase: passphrase, newPassphrase: passphrase }),
  output: vaultResultSchema,
  handle: (change, _sender, deps) => deps.vault.changePassphrase(change.oldPassphrase, change.newPassphrase),
});

export const vaultLock = message({
  type: 'vault-lock',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('vault-lock') }),
  output: vaultResultSchema,
  async handle(_message, _sender, deps) {
    await deps.vault.lock();
    return { ok: true as const };
  },
});

export const tokensMessages = [
  tokensList,
  tokensAdd,
  tokensUpdate,
  tokensReplace,
  tokensAllowSite,
  tokensRemove,
  tokensReset,
  vaultState,
  vaultSetPassphrase,
  vaultChangePassphrase,
  vaultRemovePassphrase,
  vaultUnlock,
  vaultLock,
] as const;
