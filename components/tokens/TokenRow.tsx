import type { SiteCheckResult } from '../../lib/features/token-checks/token-check-result';
import { expiryStatus } from '../../lib/features/tokens/expiry-status';
import type { IsoDate } from '../../lib/features/tokens/iso-date';
import { TOKEN_KIND_NAMES } from '../../lib/features/tokens/token-kind';
import type { TokenSummary } from '../../lib/features/tokens/token-summary';
import { CheckResults } from '../token-checks/CheckResults';
import { HealthReportView } from '../token-checks/HealthReportView';
import type { HealthReport } from '../../lib/features/token-checks/health/health-report';
import { DateTime } from '../shared/DateTime';
import { detectionSentence } from '../token-checks/detection-sentence';
import { PolicyMark } from '../policy/OrganisationPolicy';

/*
 * One saved token: never its secret, only the last four characters.
 * data-testids: token-row (data-label), token-kind, token-secret-hint, token-expiry (data-state),
 * token-sites, token-read-only, token-detected (each site: data-site, data-kind), token-warning,
 * token-check, token-unlock-first, token-edit, token-replace, token-remove, token-grant-permission,
 * token-replaced (after "Replace token"), and in the check's result token-check-result,
 * token-kind-sentence (see CheckResults); token-health (the health report button), token-health-report
 * (each site's report, see HealthReportView), token-health-error.
 */

export interface TokenRowProps {
  token: TokenSummary;
  today: IsoDate;
  /** The vault is locked: a check needs the secret, so it waits for the passphrase. */
  locked?: boolean;
  /** The latest check of this token in this page, if any. */
  check?: { running: boolean; results?: SiteCheckResult[]; error?: string };
  onCheck(): void;
  /** The token's health reports (stored, then fresh); absent with `onHealth`: no such button. */
  health?: { running: boolean; reports?: HealthReport[]; now?: number; error?: string } | undefined;
  onHealth?(): void;
  onEdit(): void;
  /** Opens "Replace token": a renewed token's new secret and expiry, everything else kept. */
  onReplace?(): void;
  /** The token was just replaced in this page: said until the page reloads. */
  replaced?: boolean;
  onRemove(): void;
  /** Asks the browser for access to a Data Center server (needs the person's click). */
  onGrantPermission(origin: string): void;
}

export function TokenRow({ token, today, locked = false, check, onCheck, health, onHealth, onEdit, onReplace, replaced = false, onRemove, onGrantPermission }: TokenRowProps) {
  const expiry = expiryStatus(token.expiresOn, today);
  const needsPermission = token.dcBaseUrl && check?.results?.some((r) => r.failure?.class === 'permission-needed');
  return (
    <li class="token-row" data-testid="token-row" data-label={token.label}>
      <div class="token-head">
        <h3>{token.label}</h3>
        {token.readOnly && (
          <span class="badge" data-testid="token-read-only">
            read-only
          </span>
        )}
        {token.readOnlyBy === 'organisation' && <PolicyMark policyKey="forceReadOnly" />}
        {expiry.state !== 'no-expiry' && (
          <span class={`badge expiry-${expiry.state}`}>{expiry.state === 'ok' ? `${expiry.daysLeft} days left` : expiry.state.replace('-', ' ')}</span>
        )}
      </div>
      <dl class="fields">
        <dt>Kind</dt>
        <dd data-testid="token-kind" data-kind={token.kind}>
          {TOKEN_KIND_NAMES[token.kind]}
        </dd>
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
        <dd data-testid="token-expiry" data-state={expiry.state} class={expiry.state === 'expired' ? 'error-text' : expiry.state === 'expiring-soon' ? 'warning-text' : undefined}>
          {expiry.sentence}
        </dd>
        <dt>{token.dcBaseUrl ? 'Server' : 'Sites'}</dt>
        <dd data-testid="token-sites">{token.dcBaseUrl ?? (token.sites.length ? token.sites.join(', ') : 'none chosen yet: the popup asks on each site before using it')}</dd>
        {token.detected.length > 0 && (
          <>
            <dt>Detected</dt>
            <dd>
              <ul class="plain">
                {token.detected.map((d) => (
                  <li key={d.site} data-testid="token-detected" data-site={d.site} data-kind={d.kind}>
                    {detectionSentence(d)}
                    {Number.isFinite(Date.parse(d.checkedAt)) && (
                      <span class="muted">
                        {' '}
                        (checked <DateTime ms={Date.parse(d.checkedAt)} />)
                      </span>
                    )}
                  </li>
                ))}
              </ul>
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
        <button
          type="button"
          data-testid="token-check"
          onClick={onCheck}
          disabled={check?.running || locked}
          aria-describedby={locked ? `unlock-first-${token.id}` : undefined}
        >
          {check?.running ? 'Checking…' : 'Check'}
        </button>
        {onHealth && (
          <button type="button" class="secondary" data-testid="token-health" onClick={onHealth} disabled={health?.running || locked}>
            {health?.running ? 'Checking health…' : 'Health report'}
          </button>
        )}
        <button type="button" class="secondary" data-testid="token-edit" onClick={onEdit}>
          Edit
        </button>
        {onReplace && (
          <button type="button" class="secondary" data-testid="token-replace" onClick={onReplace}>
            Replace token
          </button>
        )}
        <button type="button" class="secondary danger" data-testid="token-remove" onClick={onRemove}>
          Remove
        </button>
        {needsPermission && token.dcBaseUrl && (
          <button type="button" data-testid="token-grant-permission" onClick={() => onGrantPermission(new URL(token.dcBaseUrl!).origin)}>
            Allow access to {new URL(token.dcBaseUrl).host}
          </button>
        )}
        {locked && (
          <span class="note" id={`unlock-first-${token.id}`} data-testid="token-unlock-first">
            Unlock first (under Passphrase lock) to check this token.
          </span>
        )}
      </div>
      <div aria-live="polite">
        {replaced && (
          <p class="notice" role="status" data-testid="token-replaced">
            {check?.running ? 'Token replaced; checking it now…' : 'Token replaced.'}
          </p>
        )}
        {check?.error && (
          <p class="notice notice-error" role="alert" data-testid="token-check-result">
            {check.error}
          </p>
        )}
        {check?.results && <CheckResults results={check.results} />}
        {health?.error && (
          <p class="notice notice-error" role="alert" data-testid="token-health-error">
            {health.error}
          </p>
        )}
        {health?.reports?.map((report) => (
          <HealthReportView key={report.site} report={report} now={health.now ?? report.checkedAt} refreshing={health.running} testId="token-health-report" />
        ))}
      </div>
    </li>
  );
}
