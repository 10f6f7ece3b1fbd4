import type { Credential, SiteRef } from '../../atlassian/client';
import type { TokenSummary } from '../tokens/token-summary';

/** How the request client receives a saved token: the summary's fields plus the secret, sent as `kind`. */
export function credentialFor(token: TokenSummary, secret: string, kind: Credential['kind']): Credential {
  return { label: token.label, kind, email: token.email, secret, readOnly: token.readOnly };
}

/** A Data Center token's server, or undefined when its base URL is missing or not a URL. */
export function dcServer(token: TokenSummary): { site: SiteRef; origin: string } | undefined {
  if (token.dcBaseUrl === undefined) return undefined;
  try {
    const url = new URL(token.dcBaseUrl);
    return { site: { host: url.host, dcBaseUrl: token.dcBaseUrl }, origin: url.origin };
  } catch {
    return undefined;
  }
}
