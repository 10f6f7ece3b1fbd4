import { CAPABILITY_NAMES, type CapabilityRow, type HealthReport, type RowState } from '../../lib/features/token-checks/health/health-report';
import { reportAge } from './report-age';

import { OrganisationHelp } from '../policy/OrganisationPolicy';
/*
 * One token's health on one site: the headline, who it signs in as, how it is sent, a row per
 * feature with what to do when it does not work, rate-limit headroom and days to expiry.
 * data-testids: `testId` (the report; data-ok, data-site), health-age, token-kind-sentence,
 * health-identity, token-warning, health-row (data-capability, data-state), health-fix,
 * health-rate-limit, health-expiry.
 */

const STATE_LABELS: Record<RowState, string> = {
  works: 'works',
  'missing-scope': 'missing scope',
  'not-permitted': 'not permitted',
  'not-yet-used': 'not yet used',
  failed: 'failed',
  'not-checked': 'not checked',
};

const STATE_CLASSES: Record<RowState, string> = {
  works: 'badge badge-ok',
  'missing-scope': 'badge badge-error',
  'not-permitted': 'badge badge-warning',
  'not-yet-used': 'badge',
  failed: 'badge badge-error',
  'not-checked': 'badge',
};

const KIND_NAMES: Record<HealthReport['kind'], string> = { classic: 'classic', scoped: 'scoped', 'dc-pat': 'Data Center personal access', unknown: 'not yet known' };

function Row({ row }: { row: CapabilityRow }) {
  return (
    <li data-testid="health-row" data-capability={row.capability} data-state={row.state}>
      <span class="health-name">{CAPABILITY_NAMES[row.capability]}</span> <span class={STATE_CLASSES[row.state]}>{STATE_LABELS[row.state]}</span>
      {row.latencyMs !== undefined && <span class="note"> {row.latencyMs} ms</span>}
      {/* A working row's name says it all; the others say what was found. */}
      {row.state !== 'works' && <p class="note">{row.sentence}</p>}
      {row.fix && row.state !== 'works' && (
        <>
          <p class="health-fix" data-testid="health-fix">
            {row.fix}
          </p>
          <OrganisationHelp />
        </>
      )}
    </li>
  );
}

function rateLimitText(rateLimit: NonNullable<HealthReport['rateLimit']>): string {
  const parts: string[] = [];
  if (rateLimit.remaining !== undefined) parts.push(rateLimit.limit !== undefined ? `${rateLimit.remaining} of ${rateLimit.limit} calls left` : `${rateLimit.remaining} calls left`);
  if (rateLimit.nearLimit) parts.push('Atlassian says it is near the limit');
  return `Rate limit: ${parts.join('; ')}.`;
}

function expiryText(expiry: NonNullable<HealthReport['expiry']>): string {
  if (expiry.daysLeft < 0) return `Expired on ${expiry.expiresOn}.`;
  if (expiry.daysLeft === 0) return `Expires today (${expiry.expiresOn}).`;
  return `Expires in ${expiry.daysLeft === 1 ? '1 day' : `${expiry.daysLeft} days`}, on ${expiry.expiresOn}.`;
}

export interface HealthReportViewProps {
  report: HealthReport;
  /** The background's clock when the report was read, for its age. */
  now: number;
  /** A fresh report is being made meanwhile. */
  refreshing?: boolean;
  testId?: string;
}

export function HealthReportView({ report, now, refreshing = false, testId = 'health-report' }: HealthReportViewProps) {
  const { identity } = report;
  return (
    <div class={report.healthy ? 'health ok' : 'health failed'} data-testid={testId} data-ok={String(report.healthy)} data-site={report.site}>
      <p>
        <strong>{report.site}</strong>{' '}
        <span class={report.healthy ? 'badge badge-ok' : 'badge badge-error'}>{report.healthy ? 'healthy' : 'not healthy'}</span>{' '}
        <span class="note" data-testid="health-age">
          checked {reportAge(report.checkedAt, now)}
          {refreshing ? ', checking again…' : ''}
        </span>
      </p>
      <p>{report.headline}</p>
      {report.baseUrl && report.kind !== 'unknown' && (
        <p class="note" data-testid="token-kind-sentence">
          This is a {KIND_NAMES[report.kind]} token: calls go to {report.baseUrl}.
        </p>
      )}
      {identity.sentence !== report.headline && (
        <p class={identity.state === 'confirmed' ? 'note' : 'notice notice-error'} data-testid="health-identity" data-state={identity.state}>
          {identity.sentence}
          {identity.fix && <span> {identity.fix}</span>}
        </p>
      )}
      {identity.state !== 'confirmed' && identity.sentence === report.headline && identity.fix && (
        <p class="health-fix" data-testid="health-fix">
          {identity.fix}
        </p>
      )}
      {identity.state !== 'confirmed' && identity.fix && <OrganisationHelp />}
      {report.warning && (
        <p class="notice notice-warning" data-testid="token-warning">
          {report.warning}
        </p>
      )}
      <ul class="health-rows">
        {report.rows.map((row) => (
          <Row key={row.capability} row={row} />
        ))}
      </ul>
      {report.probePage && (
        <p class="note">
          Tried on page {report.probePage.title ? `“${report.probePage.title}” ` : ''}({report.probePage.id}
          {report.probePage.source === 'tab' ? ', the one open in the tab' : ''}).
        </p>
      )}
      <p class="note" data-testid="health-rate-limit">
        {report.rateLimit ? rateLimitText(report.rateLimit) : 'Rate limit: the answers did not say.'}
      </p>
      {report.expiry && (
        <p class={report.expiry.daysLeft <= 7 ? 'notice notice-warning' : 'note'} data-testid="health-expiry">
          {expiryText(report.expiry)}
        </p>
      )}
    </div>
  );
}
