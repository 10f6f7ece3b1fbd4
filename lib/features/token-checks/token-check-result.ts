import type { TokenSummary } from '../tokens/token-summary';
import type { ActionFailure } from '../../atlassian/failure-view';

/** What checking a token on one site found. */
export interface SiteCheckResult {
  /** Cloud site host, or for a Data Center token the host of its base URL. */
  site: string;
  /** How the token is sent there: the chosen kind, or what detection found ('unknown': not found out). */
  kind: 'classic' | 'scoped' | 'dc-pat' | 'unknown';
  /** True when the site accepted the token and said whose it is. */
  ok: boolean;
  /** One or two sentences for people, complete on their own. */
  sentence: string;
  identity?: { displayName: string; accountId?: string; email?: string };
  failure?: ActionFailure;
  /** The kind chosen for the token contradicts what the site showed (mismatchWarning). */
  warning?: string;
}

export interface TokenCheckReport {
  /** The token after the check (with what detection recorded). */
  token: TokenSummary;
  results: SiteCheckResult[];
}
