import { useState } from 'preact/hooks';
import type { TokenFieldErrors, TokenFormInput } from '../../lib/tokens/token-form-input';
import { cloudExpiryRange, expiryQuickPicks } from '../../lib/tokens/expiry-dates';
import type { IsoDate } from '../../lib/tokens/iso-date';
import type { TokenKind } from '../../lib/tokens/token-kind';
import type { TokenSummary } from '../../lib/tokens/token-summary';
import type { TokenWriteResult } from '../../lib/tokens/token-vault';

/*
 * Adding or editing one token. The background validates and answers with one sentence per field;
 * what the person typed stays in the form whatever the answer, so a mistake loses nothing.
 * data-testids: token-form, field-label, field-email, field-secret, field-kind, field-expiry,
 * field-dc-base-url, field-read-only, field-sites, field-site-<host>, quick-pick-30|90|365,
 * save-token, cancel-edit, field-error-<field>, form-error.
 */

const KIND_CHOICES: { kind: TokenKind; label: string; help: string }[] = [
  { kind: 'auto', label: 'Detect automatically', help: 'The extension tries the site, then the api.atlassian.com gateway, and tells you which kind it is.' },
  { kind: 'classic', label: 'Classic API token', help: 'Created without scopes; called on https://<site>.atlassian.net.' },
  { kind: 'scoped', label: 'Scoped API token', help: 'Created with scopes; only works through api.atlassian.com/ex/confluence/<cloudId>.' },
  { kind: 'dc-pat', label: 'Data Center personal access token', help: 'From your profile on a Confluence Data Center server; sent as a Bearer token.' },
];

export interface TokenFormProps {
  /** The token being edited; absent when adding. */
  editing?: TokenSummary;
  knownCloudSites: string[];
  today: IsoDate;
  locked: boolean;
  onSubmit(input: TokenFormInput): Promise<TokenWriteResult>;
  onCancel(): void;
}

interface Draft {
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

function initialDraft(editing: TokenSummary | undefined): Draft {
  return {
    label: editing?.label ?? '',
    kind: editing?.kind ?? 'auto',
    email: editing?.email ?? '',
    secret: '',
    expiresOn: editing?.expiresOn ?? '',
    sites: editing?.sites ?? [],
    otherSites: '',
    dcBaseUrl: editing?.dcBaseUrl ?? '',
    readOnly: editing?.readOnly ?? false,
  };
}

function toInput(draft: Draft): TokenFormInput {
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

function FieldError({ field, errors }: { field: keyof TokenFieldErrors; errors: TokenFieldErrors }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p class="field-error" id={`error-${field}`} data-testid={`field-error-${field}`} role="alert">
      {message}
    </p>
  );
}

/** aria attributes tying a control to its error sentence. */
function describedBy(field: keyof TokenFieldErrors, errors: TokenFieldErrors, help?: string) {
  const ids = [help, errors[field] ? `error-${field}` : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': errors[field] ? true : undefined, 'aria-describedby': ids || undefined };
}

export function TokenForm({ editing, knownCloudSites, today, locked, onSubmit, onCancel }: TokenFormProps) {
  const [draft, setDraft] = useState<Draft>(() => initialDraft(editing));
  const [errors, setErrors] = useState<TokenFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const isDc = draft.kind === 'dc-pat';
  const range = cloudExpiryRange(today);
  const siteChoices = [...new Set([...knownCloudSites, ...draft.sites])];
  const kindHelp = KIND_CHOICES.find((c) => c.kind === draft.kind)?.help;

  async function submit(event: Event) {
    event.preventDefault();
    setSaving(true);
    setFormError(null);
    try {
      const result = await onSubmit(toInput(draft));
      if (result.ok) return; // the parent closes the form
      if (result.reason === 'invalid') setErrors(result.errors);
      else setFormError(result.message);
    } catch (error) {
      setFormError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="token-form" data-testid="token-form" onSubmit={submit} noValidate aria-labelledby="token-form-heading">
      <h3 id="token-form-heading">{editing ? `Edit “${editing.label}”` : 'Add a token'}</h3>
      {locked && (
        <p class="notice notice-warning" role="status">
          Your tokens are locked. Unlock them first to save a new secret.
        </p>
      )}

      <label for="field-label">Label</label>
      <input
        id="field-label"
        data-testid="field-label"
        type="text"
        value={draft.label}
        maxLength={200}
        onInput={(e) => set('label', e.currentTarget.value)}
        {...describedBy('label', errors)}
      />
      <FieldError field="label" errors={errors} />

      <label for="field-kind">Kind</label>
      <select id="field-kind" data-testid="field-kind" value={draft.kind} onChange={(e) => set('kind', e.currentTarget.value as TokenKind)} {...describedBy('kind', errors, 'kind-help')}>
        {KIND_CHOICES.map((c) => (
          <option key={c.kind} value={c.kind}>
            {c.label}
          </option>
        ))}
      </select>
      <p class="help" id="kind-help">
        {kindHelp}
      </p>
      <FieldError field="kind" errors={errors} />

      {!isDc && (
        <>
          <label for="field-email">Atlassian account email</label>
          <input
            id="field-email"
            data-testid="field-email"
            type="email"
            autocomplete="email"
            value={draft.email}
            onInput={(e) => set('email', e.currentTarget.value)}
            {...describedBy('email', errors)}
          />
          <FieldError field="email" errors={errors} />
        </>
      )}

      {isDc && (
        <>
          <label for="field-dc-base-url">Data Center base URL</label>
          <input
            id="field-dc-base-url"
            data-testid="field-dc-base-url"
            type="url"
            placeholder="https://confluence.example.com/confluence"
            value={draft.dcBaseUrl}
            onInput={(e) => set('dcBaseUrl', e.currentTarget.value)}
            {...describedBy('dcBaseUrl', errors, 'dc-help')}
          />
          <p class="help" id="dc-help">
            The address you open Confluence at, with its context path if it has one.
          </p>
          <FieldError field="dcBaseUrl" errors={errors} />
        </>
      )}

      <label for="field-secret">{isDc ? 'Personal access token' : 'API token'}</label>
      <input
        id="field-secret"
        data-testid="field-secret"
        type="password"
        autocomplete="off"
        spellcheck={false}
        placeholder={editing ? `Leave empty to keep the saved one (${editing.secretHint})` : ''}
        value={draft.secret}
        onInput={(e) => set('secret', e.currentTarget.value)}
        {...describedBy('secret', errors, 'secret-help')}
      />
      <p class="help" id="secret-help">
        Kept only in this browser's extension storage; after saving, only its last four characters are shown.
      </p>
      <FieldError field="secret" errors={errors} />

      <label for="field-expiry">Expiry date{isDc ? ' (optional)' : ''}</label>
      <input
        id="field-expiry"
        data-testid="field-expiry"
        type="date"
        min={isDc ? undefined : range.earliest}
        max={isDc ? undefined : range.latest}
        value={draft.expiresOn}
        onInput={(e) => set('expiresOn', e.currentTarget.value)}
        {...describedBy('expiresOn', errors, 'expiry-help')}
      />
      <p class="help" id="expiry-help">
        {isDc
          ? 'If your administrator set one.'
          : `Atlassian does not tell it: copy the date you chose when creating the token (${range.earliest} to ${range.latest}).`}
      </p>
      {!isDc && (
        <div class="quick-picks" role="group" aria-label="Expiry quick picks">
          {expiryQuickPicks(today).map((pick) => (
            <button type="button" class="secondary" key={pick.days} data-testid={`quick-pick-${pick.days}`} onClick={() => set('expiresOn', pick.expiresOn)}>
              {pick.label}
            </button>
          ))}
        </div>
      )}
      <FieldError field="expiresOn" errors={errors} />

      {!isDc && (
        <fieldset data-testid="field-sites" {...describedBy('sites', errors)}>
          <legend>Sites</legend>
          <p class="help">None ticked: every Confluence Cloud site you open.</p>
          {siteChoices.map((host) => (
            <label class="inline" key={host}>
              <input
                type="checkbox"
                data-testid={`field-site-${host}`}
                checked={draft.sites.includes(host)}
                onChange={(e) => set('sites', e.currentTarget.checked ? [...draft.sites, host] : draft.sites.filter((s) => s !== host))}
              />{' '}
              {host}
            </label>
          ))}
          <label for="field-other-sites">Other sites (comma-separated)</label>
          <input
            id="field-other-sites"
            data-testid="field-other-sites"
            type="text"
            placeholder="example.atlassian.net"
            value={draft.otherSites}
            onInput={(e) => set('otherSites', e.currentTarget.value)}
          />
          <FieldError field="sites" errors={errors} />
        </fieldset>
      )}

      <label class="inline">
        <input type="checkbox" data-testid="field-read-only" checked={draft.readOnly} onChange={(e) => set('readOnly', e.currentTarget.checked)} /> Read-only: the
        extension refuses any change (watching, writing) with this token
      </label>

      {formError && (
        <p class="notice notice-error" role="alert" data-testid="form-error">
          {formError}
        </p>
      )}
      <div class="buttons">
        <button type="submit" data-testid="save-token" disabled={saving}>
          {saving ? 'Saving…' : editing ? 'Save changes' : 'Save token'}
        </button>
        <button type="button" class="secondary" data-testid="cancel-edit" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
