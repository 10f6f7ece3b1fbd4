import type { SiteCheckResult } from '../../lib/actions/token-check-result';
import { expiryStatus } from '../../lib/tokens/expiry-status';
import type { IsoDate } from '../../lib/tokens/iso-date';
import { TOKEN_KIND_NAMES } from '../../lib/tokens/token-kind';
import type { TokenSummary } from '../../lib/tokens/token-summary';
import { CheckResults } from '../tokens/CheckResults';

/*
 * One saved token: never its secret, only the last four characters.
 * data-testids: token-row (data-label), token-secret-hint, token-expiry, token-warning,
 * token-check, token-edit, token-remove, token-grant-permission, token-detected.
 */

export interface TokenRowProps {
  token: TokenSummary;
  today: IsoDate;
  /** The latest check of this token in this page, if any. */
  check?: { running: boolean; results?: SiteCheckResult[]; error?: string };
  onCheck(): void;
  onEdit(): void;
  onRemove(): void;
  /** Asks the browser for access to a Data Center server (needs the person's click). */
  onGrantPermission(origin: string): void;
}

export function TokenRow({ token, today, check, onCheck, onEdit, onRemove, onGrantPermission }: TokenRowProps) {
  const expiry = expiryStatus(token.expiresOn, today);
  const needsPermission = token.dcBaseUrl && check?.results?.some((r) => r.failure?.class === 'permission-needed');
  return (
    <li class="token-row" data-testid="token-row" data-label={token.label}>
      <div class="token-head">
        <h3>{token.label}</h3>
        {token.readOnly && <span class="badge">read-only</span>}
        <span class={`badge expiry-${expiry.state}`}>{expiry.state === 'ok' ? `${expiry.daysLeft} days left` : expiry.state.replace('-', ' ')}</span>
      </div>
      <dl class="fields">
        <dt>Kind</dt>
        <dd>{TOKEN_KIND_NAMES[token.kind]}</dd>
        {token.email && (
          <>
            <dt>Account</dt>
            <dd>{token.email}</dd>
          </>
        )}
        <dt>Secret</dt>
        <dd>
          <code data-testid="token-secret-hint">{token.secretHint}</code>
        </dd>
        <dt>Expiry</dt>
        <dd data-testid="token-expiry">{expiry.sentence}</dd>
        <dt>{token.dcBaseUrl ? 'Server' : 'Sites'}</dt>
        <dd>{token.dcBaseUrl ?? (token.sites.length ? token.sites.join(', ') : 'every Confluence Cloud site you open')}</dd>
        {token.detected.length > 0 && (
          <>
            <dt>Detected</dt>
            <dd data-testid="token-detected">
              {token.detected.map((d) => `${d.kind} on ${d.site}${d.identity?.displayName ? ` (${d.identity.displayName})` : ''}`).join('; ')}
            </dd>
          </>
        )}
      </dl>
      {token.mismatch.map((m) => (
        <p key={m.site} class="notice notice-warning" data-testid="token-warning">
          {m.sentence}
        </p>
      ))}
      <div class="buttons">
        <button type="button" data-testid="token-check" onClick={onCheck} disabled={check?.running}>
          {check?.running ? 'Checking…' : 'Check'}
        </button>
        <button type="button" class="secondary" data-testid="token-edit" onClick={onEdit}>
          Edit
        </button>
        <button type="button" class="secondary danger" data-testid="token-remove" onClick={onRemove}>
          Remove
        </button>
        {needsPermission && token.dcBaseUrl && (
          <button type="button" data-testid="token-grant-permission" onClick={() => onGrantPermission(new URL(token.dcBaseUrl!).origin)}>
            Allow access to {new URL(token.dcBaseUrl).host}
          </button>
        )}
      </div>
      <div aria-live="polite">
        {check?.error && (
          <p class="notice notice-error" role="alert" data-testid="token-check-result">
            {check.error}
          </p>
        )}
        {check?.results && <CheckResults results={check.results} />}
      </div>
    </li>
  );
}
