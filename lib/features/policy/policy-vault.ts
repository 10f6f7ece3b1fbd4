import type { TokenVault, TokenWriteResult } from '../tokens/token-vault';
import type { TokenFieldErrors, TokenFormInput } from '../tokens/token-form-input';
import { TOKEN_KIND_NAMES, type TokenKind } from '../tokens/token-kind';
import type { TokenRevision } from '../tokens/token-revision';
import type { TokenSummary } from '../tokens/token-summary';
import { normalisedSiteKey } from '../tokens/token-site-match';
import { siteAllowed, tokenKindAllowed } from './merge-policy';
import type { Policy } from './policy';
import type { PolicySource } from './policy-source';
import { policySentences } from './policy-sentences';

/*
 * The vault as every feature sees it under a policy: with `forceReadOnly` every token is
 * read-only wherever it is read (dispatcher, health, export all start from `list` or `get`), and
 * a kind or a site the policy does not allow cannot be saved, with a sentence naming the policy.
 * The person's own read-only choice stays stored as they set it: it applies again when the
 * policy goes.
 */

const kindName = (kind: string) => TOKEN_KIND_NAMES[kind as TokenKind] ?? kind;

export function kindRefusal(kind: string, allowed: readonly string[]): string {
  return policySentences.kindNotSaved(kindName(kind), allowed.map(kindName));
}

/** Field errors for what the policy does not allow in `input` (none: it may be saved). */
export function policyFieldErrors(input: TokenFormInput, policy: Policy): TokenFieldErrors {
  const errors: TokenFieldErrors = {};
  if (!tokenKindAllowed(input.kind as TokenKind, policy)) errors.kind = kindRefusal(input.kind, policy.allowedTokenKinds ?? []);
  if (input.kind === 'dc-pat') {
    const base = input.dcBaseUrl?.trim();
    if (base && !siteAllowed(normalisedSiteKey(base), policy)) errors.dcBaseUrl = policySentences.sitesNotSaved([base]);
  } else {
    const refused = (input.sites ?? []).map((s) => s.trim().toLowerCase()).filter((s) => s !== '' && !siteAllowed(s, policy));
    if (refused.length > 0) errors.sites = policySentences.sitesNotSaved(refused);
  }
  return errors;
}

function forced<T extends TokenSummary | undefined>(token: T, policy: Policy): T {
  return token && policy.forceReadOnly ? { ...token, readOnly: true, readOnlyBy: 'organisation' as const } : token;
}

export function withPolicy<V extends Pick<TokenVault, 'list' | 'get' | 'add' | 'update'>>(vault: V, source: PolicySource): V {
  async function refuse(input: TokenFormInput): Promise<TokenWriteResult | undefined> {
    const { policy } = await source.get();
    const errors = policyFieldErrors(input, policy);
    return Object.keys(errors).length > 0 ? { ok: false, reason: 'invalid', errors } : undefined;
  }
  return {
    ...vault,
    async list(): Promise<TokenSummary[]> {
      const [tokens, { policy }] = await Promise.all([vault.list(), source.get()]);
      return tokens.map((t) => forced(t, policy));
    },
    async get(id: string) {
      const [token, { policy }] = await Promise.all([vault.get(id), source.get()]);
      return forced(token, policy);
    },
    async add(input: TokenFormInput) {
      return (await refuse(input)) ?? vault.add(input);
    },
    async update(id: string, input: TokenFormInput, revision?: TokenRevision) {
      const refused = await refuse(input);
      if (refused) return refused;
      // A form filled under `forceReadOnly` shows the switch locked on: the stored choice is kept.
      const { policy } = await source.get();
      const stored = policy.forceReadOnly ? await vault.get(id) : undefined;
      return vault.update(id, stored ? { ...input, readOnly: stored.readOnly } : input, revision);
    },
  };
}
