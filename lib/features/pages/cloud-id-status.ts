import { isCloudIdFresh, isLeaseActive, isWaitingToRetry } from './cloud-id-policy';
import type { SiteRecord } from './site-record';

export type CloudIdState = 'known' | 'pending' | 'error' | 'unknown';

/** What the popup shows about a site's cloudId. */
export interface CloudIdStatus {
  state: CloudIdState;
  /** A sentence for people, complete on its own. */
  sentence: string;
  cloudId: string | null;
  fetchedAt: number | null;
  /** When the last attempt failed: the earliest time a page load tries again. */
  retryAt: number | null;
}

/** "3 minutes", "1 hour", "2 days": rounded up, so a wait is never understated. */
export function describeDuration(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  const [n, unit] =
    minutes < 60 ? [minutes, 'minute'] : minutes < 48 * 60 ? [Math.ceil(minutes / 60), 'hour'] : [Math.ceil(minutes / 1440), 'day'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

function describeAge(fetchedAt: number, now: number): string {
  const age = now - fetchedAt;
  return age < 60_000 ? 'just now' : `${describeDuration(age)} ago`;
}

function retrySentence(retryAt: number, now: number): string {
  return retryAt > now
    ? `It will be retried on a page load of this site in about ${describeDuration(retryAt - now)}.`
    : 'It will be retried on the next page load of this site.';
}

export function describeCloudIdStatus(site: SiteRecord | null, now: number): CloudIdStatus {
  if (!site) {
    return {
      state: 'unknown',
      sentence: "This site's cloudId has not been read yet: it is read when a Confluence page of the site is opened.",
      cloudId: null,
      fetchedAt: null,
      retryAt: null,
    };
  }
  const error = site.cloudIdError;
  const retryAt = error && isWaitingToRetry(site, now) ? error.retryAt : null;
  const base = { cloudId: site.cloudId, fetchedAt: site.cloudIdFetchedAt, retryAt };

  if (site.cloudId !== null && site.cloudIdFetchedAt !== null) {
    let sentence = `Read from this site ${describeAge(site.cloudIdFetchedAt, now)}.`;
    if (!isCloudIdFresh(site, now)) {
      sentence += error
        ? ` Refreshing it failed (${error.reason}). ${retrySentence(error.retryAt, now)}`
        : ' It will be refreshed on the next page load of this site.';
    }
    return { ...base, state: 'known', sentence };
  }
  if (isLeaseActive(site, now)) {
    return { ...base, state: 'pending', sentence: "Reading this site's cloudId…" };
  }
  if (error) {
    return {
      ...base,
      state: 'error',
      sentence: `Could not read this site's cloudId (${error.reason}). ${retrySentence(error.retryAt, now)}`,
    };
  }
  return {
    ...base,
    state: 'unknown',
    sentence: "This site's cloudId has not been read yet: it is read on the next page load of this site.",
  };
}
