import type { SiteRecord } from './site-record';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A cloudId read within this time is fresh: tenant_info is not fetched again. */
export const CLOUD_ID_TTL_MS = 7 * DAY;
/** After a failed read, no new attempt before this delay (on a later page load). */
export const CLOUD_ID_RETRY_DELAY_MS = 10 * MINUTE;
/** How long the one tab asked to read tenant_info has to report before another tab may try. */
export const CLOUD_ID_LEASE_MS = 60_000;

/*
 * Every "within" check also rejects times in the future beyond the window, so a clock that was
 * set back cannot make a value look fresh (or a wait look pending) for longer than intended.
 */
export function isCloudIdFresh(site: SiteRecord, now: number): boolean {
  if (site.cloudId === null || site.cloudIdFetchedAt === null) return false;
  const age = now - site.cloudIdFetchedAt;
  return age >= 0 && age < CLOUD_ID_TTL_MS;
}

export function isLeaseActive(site: SiteRecord, now: number): boolean {
  const lease = site.cloudIdLease;
  return lease !== null && now < lease.expiresAt && lease.expiresAt - now <= CLOUD_ID_LEASE_MS;
}

export function isWaitingToRetry(site: SiteRecord, now: number): boolean {
  const error = site.cloudIdError;
  return error !== null && now < error.retryAt && error.retryAt - now <= CLOUD_ID_RETRY_DELAY_MS;
}

export type CloudIdFetchDecision = 'fresh' | 'leased' | 'retry-later' | 'fetch';

/**
 * `tabId` is the tab asking. A new page load by the tab that already holds the lease means its
 * earlier read was abandoned with the page it ran in (or is still running in the same document,
 * which the content script knows and skips), so the lease is handed to it again.
 */
export function decideCloudIdFetch(site: SiteRecord, now: number, tabId?: number): CloudIdFetchDecision {
  if (isCloudIdFresh(site, now)) return 'fresh';
  if (isLeaseActive(site, now) && site.cloudIdLease?.tabId !== tabId) return 'leased';
  if (isWaitingToRetry(site, now)) return 'retry-later';
  return 'fetch';
}
