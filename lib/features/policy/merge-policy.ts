import type { TokenKind } from '../tokens/token-kind';
import type { Policy } from './policy';

/* What a policy makes of a person's own settings: policy wins wherever it says something. */

/**
 * The host a site key names: a Cloud key is its host; a Data Center base URL's host (with a port,
 * if any). Parsed here rather than through siteOfKey: the popup imports this, and site-key's
 * judging would add half a KiB to its budget.
 */
function hostOfKey(key: string): string | undefined {
  if (!key.startsWith('https://')) return key;
  try {
    return new URL(key).host;
  } catch {
    return undefined;
  }
}

/**
 * Whether a site (a Cloud host or a Data Center base URL, lib/sites/site-key.ts) is allowed.
 * A base URL pattern matches that base URL only; a host pattern matches every site on that host
 * (Cloud, or Data Center at any context path); `*.acme.atlassian.net` matches hosts below it,
 * never `acme.atlassian.net.evil.example`. Patterns come normalised from read-policy.ts.
 */
export function siteAllowed(siteKey: string, policy: Policy): boolean {
  const allowed = policy.allowedSites;
  if (!allowed) return true;
  const key = siteKey.trim().toLowerCase().replace(/\/+$/, '');
  const host = hostOfKey(key);
  return allowed.some((pattern) => {
    if (pattern.startsWith('https://')) return key === pattern;
    if (host === undefined) return false;
    return pattern.startsWith('*.') ? host.endsWith(pattern.slice(1)) : host === pattern;
  });
}

export function tokenKindAllowed(kind: TokenKind, policy: Policy): boolean {
  return !policy.allowedTokenKinds || policy.allowedTokenKinds.includes(kind);
}

/**
 * Whether a call may send a token as `kind` (never `auto`: detection has found the kind by then).
 * `auto` in the list allows detecting among the Cloud kinds listed with it, or both when it is
 * listed without either: `['auto', 'scoped']` never sends a token as classic.
 */
export function sentKindAllowed(kind: Exclude<TokenKind, 'auto'>, policy: Policy): boolean {
  const allowed = policy.allowedTokenKinds;
  if (!allowed || allowed.includes(kind)) return true;
  const cloudListed = allowed.includes('classic') || allowed.includes('scoped');
  return kind !== 'dc-pat' && allowed.includes('auto') && !cloudListed;
}
