import type { Credential } from '../../atlassian/client';
import { dataCenterSite, type DataCenterSite } from '../../sites/site';
import type { TokenSummary } from '../tokens/token-summary';

/** How the request client receives a saved token: the summary's fields plus the secret, sent as `kind`. */
export function credentialFor(token: TokenSummary, secret: string, kind: Credential['kind']): Credential {
  return { label: token.label, kind, email: token.email, secret, readOnly: token.readOnly, readOnlyBy: token.readOnlyBy };
}

/** A Data Center token's server, or undefined when its base URL is missing or not a URL. */
export function dcServer(token: TokenSummary): DataCenterSite | undefined {
  return token.dcBaseUrl === undefined ? undefined : dataCenterSite(token.dcBaseUrl);
}
