import type { ActivityEntry, ActivityFilter } from '../../lib/atlassian/activity-log';
import { PolicyMark, shownPolicy } from '../policy/OrganisationPolicy';

/*
 * Every call the extension made to Atlassian (newest first), without secrets.
 * data-testids: activity-filter, activity-table, activity-row (data-outcome), activity-empty,
 * activity-refresh, export-json, export-csv, clear-activity.
 */

const FILTERS: { value: ActivityFilter; label: string }[] = [
  { value: 'all', label: 'All calls' },
  { value: 'failures', label: 'Failures' },
  { value: 'auth', label: 'Authentication' },
  { value: 'forbidden', label: 'Forbidden or not found' },
  { value: 'rate-limited', label: 'Rate limited' },
];

export interface ActivityLogProps {
  entries: ActivityEntry[];
  filter: ActivityFilter;
  onFilter(filter: ActivityFilter): void;
  onRefresh(): void;
  onExport(format: 'json' | 'csv'): void;
  onClear(): void;
}

function time(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function ActivityLog({ entries, filter, onFilter, onRefresh, onExport, onClear }: ActivityLogProps) {
  const exportOff = shownPolicy().disableActivityExport === true;
  return (
    <div class="activity">
      <div class="buttons">
        <label for="activity-filter">Show</label>
        <select id="activity-filter" data-testid="activity-filter" value={filter} onChange={(e) => onFilter(e.currentTarget.value as ActivityFilter)}>
          {FILTERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        <button type="button" class="secondary" data-testid="activity-refresh" onClick={onRefresh}>
          Refresh
        </button>
        {exportOff ? (
          <span class="note" data-testid="activity-export-off">
            Exporting the log is turned off. <PolicyMark policyKey="disableActivityExport" />
          </span>
        ) : (
          <>
            <button type="button" class="secondary" data-testid="export-json" onClick={() => onExport('json')}>
              Export JSON
            </button>
            <button type="button" class="secondary" data-testid="export-csv" onClick={() => onExport('csv')}>
              Export CSV
            </button>
          </>
        )}
        <button type="button" class="secondary danger" data-testid="clear-activity" onClick={onClear}>
          Clear
        </button>
      </div>
      {entries.length === 0 ? (
        <p class="note" data-testid="activity-empty">
          No calls {filter === 'all' ? 'yet' : 'match this filter'}.
        </p>
      ) : (
        <div class="table-scroll">
          <table data-testid="activity-table">
            <caption class="visually-hidden">Calls to Atlassian, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Token</th>
                <th scope="col">Site</th>
                <th scope="col">Method</th>
                <th scope="col">Path</th>
                <th scope="col">Status</th>
                <th scope="col">Duration</th>
                <th scope="col">Outcome</th>
                <th scope="col">Retries</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e, i) => (
                <tr key={`${e.time}-${i}`} data-testid="activity-row" data-outcome={e.outcome}>
                  <td>{time(e.time)}</td>
                  <td>{e.tokenLabel}</td>
                  <td>{e.site}</td>
                  <td>{e.method}</td>
                  <td>
                    <code>{e.path}</code>
                    {e.note ? <div class="activity-note">{e.note}</div> : null}
                  </td>
                  <td>{e.status ?? '—'}</td>
                  <td>{Math.round(e.durationMs)} ms</td>
                  <td class={e.outcome === 'ok' ? '' : 'error-text'}>{e.outcome}</td>
                  <td>{e.retries}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
