import type { TokenField, TokenFieldErrors } from '../../lib/features/tokens/token-form-input';
import { cloudExpiryRange } from '../../lib/features/tokens/expiry-dates';
import { ExpiryQuickPicks } from './ExpiryQuickPicks';
import type { IsoDate } from '../../lib/features/tokens/iso-date';
import type { TokenKind } from '../../lib/features/tokens/token-kind';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import type { EditConflict } from './edit-conflict';
import { EditConflictNotice } from './EditConflictNotice';
import type { TokenDraft } from './token-draft';
import { PolicyMark, shownPolicy } from '../policy/OrganisationPolicy';

/*
 * The token form as a pure view: the draft, the messages and callbacks come in (TokenForm holds
 * them). Every message sits under its control, tied to it by aria-describedby and aria-invalid.
 * data-testids: token-form, field-label, field-kind (fieldset), field-kind-<kind> (each radio),
 * field-email, field-secret, field-expiry, field-dc-base-url, field-read-only, field-sites,
 * field-site-<host>, field-other-sites, quick-pick-30|90|365, save-token, cancel-edit,
 * field-error-<field> (label, kind, email, secret, expiresOn, sites, dcBaseUrl), form-error,
 * form-locked; and EditConflictNotice's (form-stale, reload-token, form-reloaded, form-removed).
 */

export const KIND_CHOICES: { kind: TokenKind; label: string; help: string }[] = [
  { kind: 'auto', label: 'Detect automatically', help: 'Tries the site, then the api.atlassian.com gateway, and tells you which kind the token is.' },
  { kind: 'classic', label: 'Classic API token', help: '“API token” on Atlassian’s page, created without scopes: called on https://<site>.atlassian.net.' },
  { kind: 'scoped', label: 'Scoped API token', help: '“API token with scopes”: only works through api.atlassian.com/ex/confluence/<cloudId>.' },
  { kind: 'dc-pat', label: 'Data Center personal access token', help: 'From your profile on a Confluence Data Center server; sent as a Bearer token to that server only.' },
];

export interface TokenFormViewProps {
  /** The token being edited, as the form was filled from it; absent when adding. */
  editing?: TokenSummary;
  knownCloudSites: string[];
  today: IsoDate;
  locked: boolean;
  draft: TokenDraft;
  /** The messages to show now (see visibleErrors). */
  errors: TokenFieldErrors;
  /** A problem with the whole form (locked, not found, no answer). */
  formError: string | null;
  saving: boolean;
  /** The token changed or went away in another window; `removed` makes Save add a new token. */
  conflict: EditConflict | null;
  reloading: boolean;
  onReload(): void;
  onField<K extends keyof TokenDraft>(key: K, value: TokenDraft[K]): void;
  /** The person left a control: its message may show now. */
  onLeave(field: TokenField): void;
  onSubmit(): void;
  onCancel(): void;
}

function FieldError({ field, errors }: { field: TokenField; errors: TokenFieldErrors }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p class="field-error" id={`error-${field}`} data-testid={`field-error-${field}`} role="alert">
      {message}
    </p>
  );
}

/** aria attributes tying a control to its help and its message. */
function describedBy(field: TokenField, errors: TokenFieldErrors, help?: string) {
  const ids = [help, errors[field] ? `error-${field}` : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': errors[field] ? ('true' as const) : undefined, 'aria-describedby': ids || undefined };
}

export function TokenFormView(props: TokenFormViewProps) {
  const { editing, knownCloudSites, today, locked, draft, errors, formError, saving, conflict, reloading, onReload, onField, onLeave, onSubmit, onCancel } = props;
  const isDc = draft.kind === 'dc-pat';
  // A token removed elsewhere is saved as a new one: no saved secret to keep any more.
  const removed = editing !== undefined && conflict?.kind === 'removed';
  const keepsSecret = editing !== undefined && !removed;
  const range = cloudExpiryRange(today);
  const siteChoices = [...new Set([...knownCloudSites, ...draft.sites])];
  const policy = shownPolicy();
  const forcedReadOnly = policy.forceReadOnly === true;

  return (
    <form
      class="token-form"
      data-testid="token-form"
      noValidate
      aria-labelledby="token-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 id="token-form-heading">{!editing ? 'Add a token' : removed ? `Save “${editing.label}” as a new token` : `Edit “${editing.label}”`}</h3>
      {locked && (
        <p class="notice notice-warning" role="status" data-testid="form-locked">
          {keepsSecret
            ? 'Your tokens are locked: you can change the other fields, but unlock first to replace the secret.'
            : 'Unlock first: your tokens are locked, and a new secret is encrypted with the same key.'}
        </p>
      )}

      <label for="field-label">Label</label>
      <input
        id="field-label"
        data-testid="field-label"
        type="text"
        value={draft.label}
        onInput={(e) => onField('label', e.currentTarget.value)}
        onBlur={() => onLeave('label')}
        {...describedBy('label', errors)}
      />
      <FieldError field="label" errors={errors} />

      <fieldset class="kind-choices" data-testid="field-kind" aria-describedby={errors.kind ? 'error-kind' : undefined}>
        <legend>Kind</legend>
        {KIND_CHOICES.map((c) => (
          <div class="choice" key={c.kind}>
            <input
              type="radio"
              name="token-kind"
              id={`field-kind-${c.kind}`}
              data-testid={`field-kind-${c.kind}`}
              value={c.kind}
              checked={draft.kind === c.kind}
              aria-describedby={`kind-help-${c.kind}`}
              onChange={() => onField('kind', c.kind)}
            />
            <label for={`field-kind-${c.kind}`}>{c.label}</label>
            <p class="help" id={`kind-help-${c.kind}`}>
              {c.help}
            </p>
          </div>
        ))}
        {policy.allowedTokenKinds && (
          <p class="help" data-testid="policy-kinds">
            Your organisation allows only: {policy.allowedTokenKinds.map((k) => KIND_CHOICES.find((c) => c.kind === k)?.label ?? k).join(', ')}.{' '}
            <PolicyMark policyKey="allowedTokenKinds" />
          </p>
        )}
        <FieldError field="kind" errors={errors} />
      </fieldset>

      {!isDc && (
        <>
          <label for="field-email">Atlassian account email</label>
          <input
            id="field-email"
            data-testid="field-email"
            type="email"
            autocomplete="email"
            value={draft.email}
            onInput={(e) => onField('email', e.currentTarget.value)}
            onBlur={() => onLeave('email')}
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
            onInput={(e) => onField('dcBaseUrl', e.currentTarget.value)}
            onBlur={() => onLeave('dcBaseUrl')}
            {...describedBy('dcBaseUrl', errors, 'dc-help')}
          />
          <FieldError field="dcBaseUrl" errors={errors} />
          <p class="help" id="dc-help">
            The address you open Confluence at, with its context path if it has one (https only).
          </p>
        </>
      )}

      <label for="field-secret">{isDc ? 'Personal access token' : 'API token'}</label>
      <input
        id="field-secret"
        data-testid="field-secret"
        type="password"
        autocomplete="off"
        spellcheck={false}
        placeholder={keepsSecret ? `Leave empty to keep the saved one (${editing.secretHint})` : ''}
        value={draft.secret}
        onInput={(e) => onField('secret', e.currentTarget.value)}
        onBlur={() => onLeave('secret')}
        {...describedBy('secret', errors, 'secret-help')}
      />
      <FieldError field="secret" errors={errors} />
      <p class="help" id="secret-help">
        {keepsSecret ? 'Leave empty to keep the saved secret. ' : removed ? 'The saved secret went with the removed token: paste it again. ' : ''}Kept only in this browser's extension storage; after saving, only its last four
        characters are shown.
      </p>

      <label for="field-expiry">Expiry date{isDc ? ' (optional)' : ''}</label>
      <input
        id="field-expiry"
        data-testid="field-expiry"
        type="date"
        min={isDc ? undefined : range.earliest}
        max={isDc ? undefined : range.latest}
        value={draft.expiresOn}
        onInput={(e) => onField('expiresOn', e.currentTarget.value)}
        onBlur={() => onLeave('expiresOn')}
        {...describedBy('expiresOn', errors, 'expiry-help')}
      />
      <FieldError field="expiresOn" errors={errors} />
      <p class="help" id="expiry-help">
        {isDc
          ? 'If your administrator set one.'
          : `Atlassian does not tell it: enter the date you chose when creating the token (${range.earliest} to ${range.latest}).`}
      </p>
      {!isDc && (
        <ExpiryQuickPicks
          today={today}
          chosen={draft.expiresOn}
          testIdPrefix="quick-pick"
          onPick={(expiresOn) => {
            onField('expiresOn', expiresOn);
            onLeave('expiresOn');
          }}
        />
      )}

      {!isDc && (
        <fieldset data-testid="field-sites" aria-describedby="sites-help">
          <legend>Sites</legend>
          <p class="help" id="sites-help">
            The token is sent only to the sites ticked or typed here. On any other site the popup asks first.
          </p>
          {policy.allowedSites && (
            <p class="help" data-testid="policy-sites">
              Your organisation allows only: {policy.allowedSites.join(', ')}. <PolicyMark policyKey="allowedSites" />
            </p>
          )}
          {siteChoices.map((host) => (
            <label class="inline" key={host}>
              <input
                type="checkbox"
                data-testid={`field-site-${host}`}
                checked={draft.sites.includes(host)}
                onChange={(e) => onField('sites', e.currentTarget.checked ? [...draft.sites, host] : draft.sites.filter((s) => s !== host))}
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
            onInput={(e) => onField('otherSites', e.currentTarget.value)}
            onBlur={() => onLeave('sites')}
            {...describedBy('sites', errors)}
          />
          <FieldError field="sites" errors={errors} />
        </fieldset>
      )}

      <label class="inline">
        <input
          type="checkbox"
          data-testid="field-read-only"
          checked={forcedReadOnly || draft.readOnly}
          disabled={forcedReadOnly}
          onChange={(e) => onField('readOnly', e.currentTarget.checked)}
        />{' '}
        Read-only: the extension refuses any change (watching, writing) with this token
        {/* Locked on: the person's own choice stays saved and applies again without the policy. */}
        {forcedReadOnly && (
          <>
            {' '}
            <PolicyMark policyKey="forceReadOnly" />
          </>
        )}
      </label>

      <EditConflictNotice conflict={conflict} reloading={reloading} onReload={onReload} />
      {formError && (
        <p class="notice notice-error" role="alert" data-testid="form-error">
          {formError}
        </p>
      )}
      <div class="buttons">
        <button type="submit" data-testid="save-token" disabled={saving}>
          {saving ? 'Saving…' : removed ? 'Save as a new token' : editing ? 'Save changes' : 'Save token'}
        </button>
        <button type="button" class="secondary" data-testid="cancel-edit" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
