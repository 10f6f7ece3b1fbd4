import type { TokenKind } from '../tokens/token-kind';
import type { Policy } from './policy';

/* What a policy makes of a person's own settings: policy wins wherever it says something. */

/** A token's read-only switch as it applies: locked on by `forceReadOnly`. */
export function effectiveReadOnly(own: boolean, policy: Policy): { readOnly: boolean; setByOrganisation: boolean } {
  return policy.forceReadOnly ? { readOnly: true, setByOrganisation: true } : { readOnly: own, setByOrganisation: false };
}

/**
 * Whether a site (a Cloud host or a Data Center base URL, lib/sites/site-key.ts) is allowed.
 * `*.acme.atlassian.net` matches hosts below it, never `acme.atlassian.net.evil.example`; a base
 * URL matches itself only.
 */
export function siteAllowed(siteKey: string, policy: Policy): boolean {
  const allowed = policy.allowedSites;
  if (!allowed) return true;
  const key = siteKey.trim().toLowerCase().replace(/\/+$/, '');
  return allowed.some((pattern) => (pattern.startsWith('*.') ? key.endsWith(pattern.slice(1)) && !key.includes('/') : key === pattern));
}

export function tokenKindAllowed(kind: TokenKind, policy: Policy): boolean {
  return !policy.allowedTokenKinds || policy.allowedTokenKinds.includes(kind);
}

/**
 * The reminder thresholds that apply: the person's own (or the policy's defaults when they chose
 * none), and never without a reminder at least `minimumReminderDays` before expiry.
 */
export function effectiveThresholds(own: readonly number[] | undefined, policy: Policy): { thresholds: number[]; floorAdded: boolean } {
  const base = [...(own ?? policy.reminderThresholdsDays ?? [])];
  const floor = policy.minimumReminderDays;
  const floorAdded = floor !== undefined && !base.some((d) => d >= floor);
  if (floorAdded) base.push(floor);
  return { thresholds: [...new Set(base)].sort((a, b) => b - a), floorAdded };
}
