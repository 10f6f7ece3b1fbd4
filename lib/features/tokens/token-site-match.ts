import type { TokenSummary } from './token-summary';

type TokenForSite = Pick<TokenSummary, 'kind' | 'detected' | 'sites'>;

/** Whether a token is meant for a Cloud site; an empty site list means every Cloud site. */
export function tokenCoversSite(token: TokenForSite, site: string): boolean {
  if (token.kind === 'dc-pat') return false;
  const host = site.trim().toLowerCase();
  return token.sites.length === 0 || token.sites.includes(host);
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
