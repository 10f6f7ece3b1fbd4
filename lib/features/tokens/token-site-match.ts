import { dcSiteKey, type SiteKey } from '../../sites/site-key';
import type { TokenSummary } from './token-summary';

type TokenForSite = Pick<TokenSummary, 'kind' | 'detected' | 'sites' | 'dcBaseUrl'>;

/**
 * A site key as compared everywhere a token meets a site: a Data Center base URL normalised as
 * site-key.ts does (its path keeps its case), a Cloud host lowercased.
 */
export function normalisedSiteKey(site: string): SiteKey {
  const text = site.trim();
  return dcSiteKey(text) ?? text.toLowerCase();
}

/** The site a Data Center token is for: its server's key, or undefined when its base URL is none. */
export function dcTokenSiteKey(token: Pick<TokenSummary, 'dcBaseUrl'>): SiteKey | undefined {
  return token.dcBaseUrl === undefined ? undefined : dcSiteKey(token.dcBaseUrl);
}

/**
 * Whether a token is meant for a site (a site key: site-key.ts). A Data Center token is for its
 * own server only, and a Cloud token never for a Data Center server. On Cloud, only the sites the
 * person chose: anyone can create an `*.atlassian.net` site, so a token is never sent to one it
 * was not given (an empty list means "none chosen yet": the popup asks, per site, before any
 * credential goes there).
 */
export function tokenCoversSite(token: TokenForSite, site: string): boolean {
  const key = normalisedSiteKey(site);
  const dcKey = dcSiteKey(key);
  if (token.kind === 'dc-pat') return dcKey !== undefined && dcTokenSiteKey(token) === dcKey;
  if (dcKey !== undefined) return false;
  return token.sites.includes(key);
}

/** Cloud tokens the popup may offer for Cloud site `site`, which none of them is for yet. */
export function tokensToOfferFor<T extends TokenForSite>(tokens: readonly T[], site: string): T[] {
  // A Data Center server gets its token with the site, never a Cloud token offered for it.
  if (dcSiteKey(site.trim()) !== undefined) return [];
  return tokens.filter((token) => token.kind !== 'dc-pat' && !tokenCoversSite(token, site));
}

/**
 * How to send a token to a site: the kind the user chose wins (a contradicting probe shows a
 * mismatch warning instead of silently overriding them); 'auto' uses what probing that site
 * showed, and is undefined until it has been detected there.
 */
export function effectiveKind(token: TokenForSite, site: string): 'classic' | 'scoped' | 'dc-pat' | undefined {
  if (token.kind !== 'auto') return token.kind;
  const host = site.trim().toLowerCase();
  return token.detected.find((d) => d.site === host)?.kind;
}
