import type { TokenField, TokenFieldErrors, TokenFormInput } from '../../lib/features/tokens/token-form-input';
import type { TokenKind } from '../../lib/features/tokens/token-kind';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';

/**
 * What the token form holds while the person types. Fields that do not apply to the chosen kind
 * (email and sites for Data Center, the base URL for Cloud) stay in the draft, so switching the
 * kind back and forth loses nothing.
 */
export interface TokenDraft {
  label: string;
  kind: TokenKind;
  email: string;
  secret: string;
  expiresOn: string;
  sites: string[];
  otherSites: string;
  dcBaseUrl: string;
  readOnly: boolean;
}

/** A new token starts with every known Cloud site ticked: the person unticks what it is not for. */
export function initialDraft(editing: TokenSummary | undefined, knownCloudSites: readonly string[] = []): TokenDraft {
  return {
    label: editing?.label ?? '',
    kind: editing?.kind ?? 'auto',
    email: editing?.email ?? '',
    secret: '',
    expiresOn: editing?.expiresOn ?? '',
    sites: editing ? [...editing.sites] : [...knownCloudSites],
    otherSites: '',
    dcBaseUrl: editing?.dcBaseUrl ?? '',
    readOnly: editing?.readOnly ?? false,
  };
}

/** The message for the background: only the fields of the chosen kind; an empty secret means "keep". */
export function draftToInput(draft: TokenDraft): TokenFormInput {
  const isDc = draft.kind === 'dc-pat';
  const extra = draft.otherSites
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    label: draft.label,
    kind: draft.kind,
    ...(isDc ? { dcBaseUrl: draft.dcBaseUrl } : { email: draft.email, sites: [...draft.sites, ...extra] }),
    ...(draft.secret ? { secret: draft.secret } : {}),
    ...(draft.expiresOn ? { expiresOn: draft.expiresOn } : {}),
    readOnly: draft.readOnly,
  };
}

/** The control each field's message belongs to (the sites fieldset's text box takes focus for it). */
export const FIELD_CONTROL_IDS: Record<TokenField, string> = {
  label: 'field-label',
  kind: 'field-kind',
  email: 'field-email',
  secret: 'field-secret',
  expiresOn: 'field-expiry',
  sites: 'field-other-sites',
  dcBaseUrl: 'field-dc-base-url',
};

/** The draft key a form field edits, for "which messages to show once the person left a field". */
export const DRAFT_FIELD: Partial<Record<keyof TokenDraft, TokenField>> = {
  label: 'label',
  kind: 'kind',
  email: 'email',
  secret: 'secret',
  expiresOn: 'expiresOn',
  sites: 'sites',
  otherSites: 'sites',
  dcBaseUrl: 'dcBaseUrl',
};

/** Only the messages of fields in `shown` (the ones the person has already left, or all after Save). */
export function visibleErrors(errors: TokenFieldErrors, shown: ReadonlySet<TokenField> | 'all'): TokenFieldErrors {
  if (shown === 'all') return errors;
  const visible: TokenFieldErrors = {};
  for (const [field, message] of Object.entries(errors) as [TokenField, string][]) if (shown.has(field)) visible[field] = message;
  return visible;
}
