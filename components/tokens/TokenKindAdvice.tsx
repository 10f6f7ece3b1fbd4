import { API_TOKENS_URL } from '../../lib/atlassian/api-tokens-url';

/** Under its earlier name, which the guides and their tests use. */
export const API_TOKENS_PAGE = API_TOKENS_URL;

/**
 * Where to create a token and which kind to pick on Atlassian's page; shared by the popup's
 * short guide and the options page's full one. data-testid: api-token-link.
 */
export function TokenKindAdvice({ withDataCenter = false }: { withDataCenter?: boolean }) {
  return (
    <>
      <p>
        Create a token on{' '}
        <a href={API_TOKENS_PAGE} target="_blank" rel="noreferrer" data-testid="api-token-link">
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
          <strong>API token</strong> (without scopes): a <em>classic</em> token, called on your site's own address with everything your account may
          do.
        </li>
        {withDataCenter && (
          <li>
            <strong>Data Center</strong>: a personal access token from your profile on your own server.
          </li>
        )}
      </ul>
    </>
  );
}
