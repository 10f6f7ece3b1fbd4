import type { TokenFormInput } from '../../lib/features/tokens/token-form-input';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';

/*
 * "Replace token": what its form holds while the person types, and what its button sends. Only
 * the new secret and expiry are typed; everything else comes from the token as the form was
 * opened on it, whose revision goes with the replacement (a change saved meanwhile elsewhere
 * makes it `stale` instead of being undone).
 */

export interface ReplaceDraft {
  secret: string;
  expiresOn: string;
}

export type ReplaceField = keyof ReplaceDraft;
export type ReplaceErrors = Partial<Record<ReplaceField, string>>;

export const EMPTY_REPLACE_DRAFT: ReplaceDraft = { secret: '', expiresOn: '' };

/**
 * - `replace`: the new secret and expiry for the token the form was opened on.
 * - `add`: that token was removed meanwhile; what it kept plus what was typed make a new token.
 */
export type ReplaceWrite =
  | { kind: 'replace'; id: string; revision: string; secret: string; expiresOn?: string }
  | { kind: 'add'; input: TokenFormInput };

export function replaceWrite(basedOn: TokenSummary, removed: boolean, draft: ReplaceDraft): ReplaceWrite {
  const expiresOn = draft.expiresOn.trim();
  if (!removed) return { kind: 'replace', id: basedOn.id, revision: basedOn.revision, secret: draft.secret, ...(expiresOn ? { expiresOn } : {}) };
  const input: TokenFormInput = {
    label: basedOn.label,
    kind: basedOn.kind,
    ...(basedOn.email !== undefined ? { email: basedOn.email } : {}),
    secret: draft.secret,
    ...(expiresOn ? { expiresOn } : {}),
    sites: [...basedOn.sites],
    ...(basedOn.dcBaseUrl !== undefined ? { dcBaseUrl: basedOn.dcBaseUrl } : {}),
    readOnly: basedOn.readOnly,
  };
  return { kind: 'add', input };
}

/** Only the messages of fields the person has left (all of them after a click on Replace). */
export function visibleReplaceErrors(errors: ReplaceErrors, shown: ReadonlySet<ReplaceField> | 'all'): ReplaceErrors {
  if (shown === 'all') return errors;
  return Object.fromEntries(Object.entries(errors).filter(([field]) => shown.has(field as ReplaceField)));
}

/** Said when the token went away while its form was open (or a replacement found it gone). */
export const REPLACE_REMOVED =
  'This token was removed in another window. What you typed is still here: save it as a new token with the same label, sites and settings, or cancel.';

export const REPLACE_RELOADED = 'Reloaded: the form now keeps the token as the other window saved it; what you typed is unchanged. Replace it again.';
