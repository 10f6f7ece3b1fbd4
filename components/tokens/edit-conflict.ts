import type { TokenFormInput } from '../../lib/features/tokens/token-form-input';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import { initialDraft, type TokenDraft } from './token-draft';

/*
 * A token form and the token it was filled from, when another window changes that token first.
 * The form keeps the summary it was filled from (its `revision` goes with the save), so a save
 * from a stale form is refused by the background instead of undoing the other window's change.
 */

/** Said under the form when its token disappeared from the list (or a save found it gone). */
export const REMOVED_ELSEWHERE = 'This token was removed in another window; what you typed is kept: save it as a new token or cancel.';

/** Said after Reload has put the other window's values into the fields the person had not changed. */
export const RELOADED =
  'Reloaded: the fields you had not changed now show what the other window saved; the ones you changed keep what you typed. Check them, then save again.';

/**
 * - `stale`: the background refused the save (`message`: its sentence); Reload is offered.
 * - `reloaded`: Reload merged the token as it is now into the form, which is now based on it.
 * - `removed`: the token is gone; saving adds a new token with what was typed.
 */
export type EditConflict = { kind: 'stale'; message: string } | { kind: 'reloaded' } | { kind: 'removed' };

/** What a Save sends: a new token, or an update based on the revision the form was filled from. */
export type TokenWrite = { kind: 'add'; input: TokenFormInput } | { kind: 'update'; id: string; revision: string; input: TokenFormInput };

export function tokenWrite(basedOn: TokenSummary | undefined, removed: boolean, input: TokenFormInput): TokenWrite {
  return basedOn && !removed ? { kind: 'update', id: basedOn.id, revision: basedOn.revision, input } : { kind: 'add', input };
}

function sameValue(a: TokenDraft[keyof TokenDraft], b: TokenDraft[keyof TokenDraft]): boolean {
  // Ticking and unticking sites reorders them without changing which are chosen.
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((site) => b.includes(site));
  return a === b;
}

/**
 * The draft after Reload: each field the person changed keeps what they typed; each field they
 * left as it was takes the token's value as it is now. The secret and the extra sites start
 * empty, so they are kept exactly when something was typed there.
 */
export function mergeReloaded(filledFrom: TokenSummary, typed: TokenDraft, now: TokenSummary): TokenDraft {
  const before = initialDraft(filledFrom);
  const after = initialDraft(now);
  const merged = { ...typed };
  for (const key of Object.keys(typed) as (keyof TokenDraft)[]) {
    if (sameValue(typed[key], before[key])) (merged as Record<keyof TokenDraft, unknown>)[key] = after[key];
  }
  return merged;
}
