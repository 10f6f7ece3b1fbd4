import type { TokenVault, TokenWriteResult } from '../tokens/token-vault';
import type { TokenFormInput } from '../tokens/token-form-input';
import { TOKEN_KIND_NAMES, type TokenKind } from '../tokens/token-kind';
import type { TokenRevision } from '../tokens/token-revision';
import type { TokenSummary } from '../tokens/token-summary';
import { effectiveReadOnly, tokenKindAllowed } from './merge-policy';
import type { PolicySource } from './policy-source';

/*
 * The vault as every feature sees it under a policy: with `forceReadOnly` every token is
 * read-only wherever it is read (dispatcher, health, export all start from `list`), and a kind the
 * policy does not allow cannot be added or chosen, with a sentence naming the policy.
 */

const kindName = (kind: string) => TOKEN_KIND_NAMES[kind as TokenKind] ?? kind;

export function kindRefusal(kind: string, allowed: readonly string[]): string {
  return `Your organisation allows only these kinds of token: ${allowed.map(kindName).join(', ')} (policy “allowedTokenKinds”), so a ${kindName(kind)} cannot be saved.`;
}

export function withPolicy<V extends Pick<TokenVault, 'list' | 'add' | 'update'>>(vault: V, source: PolicySource): V {
  async function refuseKind(input: TokenFormInput): Promise<TokenWriteResult | undefined> {
    const { policy } = await source.get();
    if (tokenKindAllowed(input.kind as TokenKind, policy)) return undefined;
    return { ok: false, reason: 'invalid', errors: { kind: kindRefusal(input.kind, policy.allowedTokenKinds ?? []) } };
  }
  return {
    ...vault,
    async list(): Promise<TokenSummary[]> {
      const [tokens, { policy }] = await Promise.all([vault.list(), source.get()]);
      return policy.forceReadOnly ? tokens.map((t) => ({ ...t, readOnly: effectiveReadOnly(t.readOnly, policy).readOnly })) : tokens;
    },
    async add(input: TokenFormInput) {
      return (await refuseKind(input)) ?? vault.add(input);
    },
    async update(id: string, input: TokenFormInput, revision?: TokenRevision) {
      return (await refuseKind(input)) ?? vault.update(id, input, revision);
    },
  };
}
