import { API_TOKENS_URL } from '../../lib/atlassian/api-tokens-url';
import { cloudExpiryRange } from '../../lib/features/tokens/expiry-dates';
import { ExpiryQuickPicks } from './ExpiryQuickPicks';
import type { IsoDate } from '../../lib/features/tokens/iso-date';
import { TOKEN_KIND_NAMES } from '../../lib/features/tokens/token-kind';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import type { ReplaceDraft, ReplaceErrors, ReplaceField } from './replace-draft';
import { REPLACE_RELOADED, REPLACE_REMOVED } from './replace-draft';

/*
 * "Replace token" as a pure view (ReplaceTokenForm holds the state): what the token keeps, shown
 * and not editable, and the two fields a renewed token changes. data-testids: replace-form,
 * replace-kept (with replace-kept-label, -kind, -email, -sites, -read-only, -secret, -expiry),
 * replace-tokens-page (the link to Atlassian), replace-secret, replace-expiry,
 * replace-quick-pick-30|90|365, replace-error-secret, replace-error-expiresOn, replace-locked,
 * replace-stale (with replace-reload), replace-reloaded, replace-removed, replace-error,
 * replace-save, replace-cancel.
 */

/** Something about the form as a whole, said above its buttons. */
export type ReplaceNotice = { kind: 'stale'; message: string } | { kind: 'reloaded' } | { kind: 'error'; message: string };

export interface ReplaceTokenViewProps {
  /** The token as the form was opened on it (or reloaded): what is kept. */
  token: TokenSummary;
  /** The token is gone from the list: the button saves what was typed as a new token. */
  removed: boolean;
  today: IsoDate;
  locked: boolean;
  draft: ReplaceDraft;
  errors: ReplaceErrors;
  notice: ReplaceNotice | null;
  saving: boolean;
  reloading: boolean;
  onField(field: ReplaceField, value: string): void;
  onLeave(field: ReplaceField): void;
  onSubmit(): void;
  onReload(): void;
  onCancel(): void;
}

const CONTROL_IDS: Record<ReplaceField, string> = { secret: 'replace-secret', expiresOn: 'replace-expiry' };

export function replaceControlId(field: ReplaceField): string {
  return CONTROL_IDS[field];
}

function FieldError({ field, errors }: { field: ReplaceField; errors: ReplaceErrors }) {
  const message = errors[field];
  if (!message) return null;
  return (
    <p class="field-error" id={`replace-error-${field}`} data-testid={`replace-error-${field}`} role="alert">
      {message}
    </p>
  );
}

function describedBy(field: ReplaceField, errors: ReplaceErrors, help: string) {
  return {
    'aria-invalid': errors[field] ? ('true' as const) : undefined,
    'aria-describedby': [help, errors[field] ? `replace-error-${field}` : undefined].filter(Boolean).join(' '),
  };
}

const SAVE_ID = 'replace-save';

export function ReplaceTokenView(props: ReplaceTokenViewProps) {
  const { token, removed, today, locked, draft, errors, notice, saving, reloading, onField, onLeave, onSubmit, onReload, onCancel } = props;
  // Focus going to the Replace button: its click shows every message anyway, and one appearing on
  // the way would move the button out from under the pointer before the click lands.
  const leave = (field: ReplaceField, event: FocusEvent) => {
    if ((event.relatedTarget as { id?: string } | null)?.id !== SAVE_ID) onLeave(field);
  };
  const isDc = token.kind === 'dc-pat';
  const range = cloudExpiryRange(today);
  return (
    <form
      class="token-form replace-form"
      data-testid="replace-form"
      noValidate
      aria-labelledby="replace-heading"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 id="replace-heading">Replace “{token.label}”</h3>
      <p class="help">
        For a renewed token: paste the new one and its expiry date. Everything else stays as it is, and the token is checked again at once.
      </p>

      <dl class="fields replace-kept" data-testid="replace-kept" aria-label="Kept as it is">
        <dt>Label</dt>
        <dd data-testid="replace-kept-label">{token.label}</dd>
        <dt>Kind</dt>
        <dd data-testid="replace-kept-kind">{TOKEN_KIND_NAMES[token.kind]}</dd>
        {token.email !== undefined && (
          <>
            <dt>Account</dt>
            <dd data-testid="replace-kept-email">{token.email}</dd>
          </>
        )}
        <dt>{isDc ? 'Server' : 'Sites'}</dt>
        <dd data-testid="replace-kept-sites">{token.dcBaseUrl ?? (token.sites.length > 0 ? token.sites.join(', ') : 'none chosen yet')}</dd>
        <dt>Read-only</dt>
        <dd data-testid="replace-kept-read-only">{token.readOnly ? 'yes: changes are refused with this token' : 'no'}</dd>
        <dt>Replaces</dt>
        <dd data-testid="replace-kept-secret">
          the saved token <code>{token.secretHint}</code>
          {token.expiresOn !== undefined && <>, expiring {token.expiresOn}</>}
        </dd>
      </dl>

      {locked && (
        <p class="notice notice-warning" role="status" data-testid="replace-locked">
          Your tokens are locked: unlock them under Passphrase lock first, since the new secret is encrypted with the same key. What you type here stays.
        </p>
      )}

      <label for="replace-secret">{isDc ? 'New personal access token' : 'New API token'}</label>
      <input
        id="replace-secret"
        data-testid="replace-secret"
        type="password"
        autocomplete="off"
        spellcheck={false}
        required
        value={draft.secret}
        onInput={(e) => onField('secret', e.currentTarget.value)}
        onBlur={(e) => leave('secret', e)}
        {...describedBy('secret', errors, 'replace-secret-help')}
      />
      <FieldError field="secret" errors={errors} />
      <p class="help" id="replace-secret-help">
        {isDc ? (
          'Create it under Personal access tokens in your profile on the server, then paste it here.'
        ) : (
          <>
            Create it on{' '}
            <a href={API_TOKENS_URL} target="_blank" rel="noopener noreferrer" data-testid="replace-tokens-page">
              Atlassian’s API tokens page
            </a>{' '}
            (the same kind as before), then paste it here. Revoke the old one there once nothing else uses it.
          </>
        )}
      </p>

      <label for="replace-expiry">{isDc ? 'New expiry date (optional)' : 'New expiry date'}</label>
      <input
        id="replace-expiry"
        data-testid="replace-expiry"
        type="date"
        required={!isDc}
        min={isDc ? undefined : range.earliest}
        max={isDc ? undefined : range.latest}
        value={draft.expiresOn}
        onInput={(e) => onField('expiresOn', e.currentTarget.value)}
        onBlur={(e) => leave('expiresOn', e)}
        {...describedBy('expiresOn', errors, 'replace-expiry-help')}
      />
      <FieldError field="expiresOn" errors={errors} />
      <p class="help" id="replace-expiry-help">
        {isDc
          ? 'If your administrator set one; leave it empty if the new token does not expire.'
          : `The date you chose when creating the new token (${range.earliest} to ${range.latest}): Atlassian does not tell it afterwards.`}
      </p>
      {!isDc && (
        <ExpiryQuickPicks
          today={today}
          chosen={draft.expiresOn}
          testIdPrefix="replace-quick-pick"
          onPick={(expiresOn) => {
            onField('expiresOn', expiresOn);
            onLeave('expiresOn');
          }}
        />
      )}

      {removed && (
        <p class="notice notice-warning" role="alert" data-testid="replace-removed">
          {REPLACE_REMOVED}
        </p>
      )}
      {!removed && notice?.kind === 'stale' && (
        <p class="notice notice-error" role="alert" data-testid="replace-stale">
          {notice.message}{' '}
          <button type="button" class="secondary" data-testid="replace-reload" disabled={reloading} onClick={onReload}>
            {reloading ? 'Reloading…' : 'Reload'}
          </button>
        </p>
      )}
      {!removed && notice?.kind === 'reloaded' && (
        <p class="notice" role="status" data-testid="replace-reloaded">
          {REPLACE_RELOADED}
        </p>
      )}
      {notice?.kind === 'error' && (
        <p class="notice notice-error" role="alert" data-testid="replace-error">
          {notice.message}
        </p>
      )}
      <div class="buttons">
        <button type="submit" id={SAVE_ID} data-testid="replace-save" disabled={saving}>
          {saving ? 'Saving…' : removed ? 'Save as a new token' : 'Replace token'}
        </button>
        <button type="button" class="secondary" data-testid="replace-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
