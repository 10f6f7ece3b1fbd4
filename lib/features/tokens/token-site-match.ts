import type { TokenSummary } from './token-summary';

type TokenForSite = Pick<TokenSummary, 'kind' | 'detected' | 'sites'>;

/**
 * Whether a token is meant for a Cloud site: only the sites the person chose. Anyone can create
 * an `*.atlassian.net` site, so a token is never sent to one it was not given (an empty list
 * means "none chosen yet": the popup asks, per site, before any credential goes there).
 */
export function tokenCoversSite(token: TokenForSite, site: string): boolean {
  if (token.kind === 'dc-pat') return false;
  return token.sites.includes(site.trim().toLowerCase());
}

/** Cloud tokens the popup may offer for `site`, which none of them is for yet. */
export function tokensToOfferFor<T extends TokenForSite>(tokens: readonly T[], site: string): T[] {
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
