import type { SiteCheckResult } from '../../lib/features/token-checks/token-check-result';
import { FailureNotice } from '../shared/FailureNotice';

/**
 * What a token check found, one site per item. Failures carry the fix, and for a missing scope
 * the scopes to grant, so the person can act without guessing what a 401 meant.
 * data-testids: token-check-result (each site), token-kind-sentence, token-warning.
 */
export function CheckResults({ results, testId = 'token-check-result' }: { results: SiteCheckResult[]; testId?: string }) {
  if (results.length === 0) {
    return (
      <p class="note" data-testid={testId}>
        No site to check yet: open a Confluence page of a site, or name the token's sites.
      </p>
    );
  }
  return (
    <ul class="check-results">
      {results.map((r) => (
        <li key={r.site} class={r.ok ? 'check ok' : 'check failed'} data-testid={testId} data-ok={String(r.ok)} data-site={r.site}>
          <strong>{r.site}</strong>{' '}
          <span class={r.ok ? 'badge badge-ok' : 'badge badge-error'}>{r.ok ? 'works' : 'failed'}</span>
          <p data-testid="token-kind-sentence">{r.sentence}</p>
          {r.identity && !r.sentence.includes(r.identity.displayName) && <p class="note">Signed in as {r.identity.displayName}.</p>}
          {r.warning && (
            <p class="notice notice-warning" data-testid="token-warning">
              {r.warning}
            </p>
          )}
          {r.failure && <FailureNotice failure={r.failure} />}
        </li>
      ))}
    </ul>
  );
}
