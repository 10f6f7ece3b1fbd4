/** One feature and the granular scopes a scoped token needs for it (derived from the specs). */
export interface FeatureScopeRow {
  feature: string;
  scopes: string[];
  /** Operations of the feature no scoped token can call (an ungrantable scope); said plainly. */
  unavailable: string[];
}

export const API_TOKENS_PAGE = 'https://id.atlassian.com/manage-profile/security/api-tokens';

/**
 * How to create a token, which kind to pick, and the scopes each feature needs.
 * data-testid: token-guidance, scope-row (each feature, with data-feature).
 */
export function ScopeGuide({ rows, compact = false }: { rows: FeatureScopeRow[]; compact?: boolean }) {
  return (
    <div class="scope-guide" data-testid="token-guidance">
      <p>
        Create a token on{' '}
        <a href={API_TOKENS_PAGE} target="_blank" rel="noreferrer">
          Atlassian's API token page
        </a>
        .
      </p>
      <ul class="kinds">
        <li>
          <strong>API token with scopes</strong> (recommended): a <em>scoped</em> token. Its calls go through{' '}
          <code>api.atlassian.com/ex/confluence/&lt;cloudId&gt;</code>; grant the scopes below.
        </li>
        <li>
          <strong>API token</strong> (without scopes): a <em>classic</em> token, called on your site's own address with
          everything your account may do.
        </li>
        {!compact && (
          <li>
            <strong>Data Center</strong>: a personal access token from your profile on your own server.
          </li>
        )}
      </ul>
      <h3>Scopes a scoped token needs, by feature</h3>
      <dl class="scopes">
        {rows.map((row) => (
          <div key={row.feature} data-testid="scope-row" data-feature={row.feature}>
            <dt>{row.feature}</dt>
            <dd>
              {row.scopes.map((s) => (
                <code key={s} class="scope">
                  {s}
                </code>
              ))}
              {!compact && row.unavailable.length > 0 && (
                <p class="note">Not possible with a scoped token (needs a scope it cannot be given): {row.unavailable.join(', ')}.</p>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
