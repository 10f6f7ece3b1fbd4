import { describe, expect, it } from 'vitest';
import { CLOUD_ID_LEASE_MS, CLOUD_ID_RETRY_DELAY_MS, CLOUD_ID_TTL_MS, decideCloudIdFetch } from './cloud-id-policy';
import { describeCloudIdStatus, describeDuration } from './cloud-id-status';
import { newSiteRecord, type SiteRecord } from './site-record';

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const MIN = 60_000;
const CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';
const site = (patch: Partial<SiteRecord> = {}): SiteRecord => ({ ...newSiteRecord('acme.atlassian.net', T0), ...patch });

describe('describeCloudIdStatus', () => {
  it('says a site never seen is unknown', () => {
    expect(describeCloudIdStatus(null, T0)).toMatchObject({ state: 'unknown', cloudId: null });
    expect(describeCloudIdStatus(site(), T0)).toMatchObject({ state: 'unknown', cloudId: null });
  });

  it('reports a fresh cloudId as known', () => {
    const status = describeCloudIdStatus(site({ cloudId: CLOUD_ID, cloudIdFetchedAt: T0 }), T0 + 3 * 24 * 60 * MIN);
    expect(status).toEqual({
      state: 'known',
      cloudId: CLOUD_ID,
      fetchedAt: T0,
      retryAt: null,
      sentence: 'Read from this site 3 days ago.',
    });
  });

  it('says a stale cloudId will be refreshed', () => {
    const status = describeCloudIdStatus(site({ cloudId: CLOUD_ID, cloudIdFetchedAt: T0 }), T0 + CLOUD_ID_TTL_MS + MIN);
    expect(status.state).toBe('known');
    expect(status.sentence).toMatch(/will be refreshed on the next page load/);
  });

  it('reports a read in progress as pending', () => {
    const status = describeCloudIdStatus(site({ cloudIdLease: { tabId: 1, expiresAt: T0 + CLOUD_ID_LEASE_MS } }), T0);
    expect(status).toMatchObject({ state: 'pending', cloudId: null });
  });

  it('explains a failure and when it will be retried', () => {
    const error = { reason: 'HTTP 404', at: T0, retryAt: T0 + CLOUD_ID_RETRY_DELAY_MS };
    const status = describeCloudIdStatus(site({ cloudIdError: error }), T0 + MIN);
    expect(status).toEqual({
      state: 'error',
      cloudId: null,
      fetchedAt: null,
      retryAt: T0 + CLOUD_ID_RETRY_DELAY_MS,
      sentence: "Could not read this site's cloudId (HTTP 404). It will be retried on a page load of this site in about 9 minutes.",
    });
    const due = describeCloudIdStatus(site({ cloudIdError: error }), T0 + CLOUD_ID_RETRY_DELAY_MS);
    expect(due).toMatchObject({ state: 'error', retryAt: null });
    expect(due.sentence).toMatch(/retried on the next page load/);
  });

  it('mentions a failed refresh of a known cloudId', () => {
    const fetchedAt = T0 - CLOUD_ID_TTL_MS - MIN;
    const error = { reason: 'HTTP 503', at: T0, retryAt: T0 + CLOUD_ID_RETRY_DELAY_MS };
    const status = describeCloudIdStatus(site({ cloudId: CLOUD_ID, cloudIdFetchedAt: fetchedAt, cloudIdError: error }), T0);
    expect(status.state).toBe('known');
    expect(status.cloudId).toBe(CLOUD_ID);
    expect(status.sentence).toMatch(/Refreshing it failed \(HTTP 503\)/);
  });
});

describe('decideCloudIdFetch', () => {
  it('decides in order: fresh, leased, waiting to retry, fetch', () => {
    expect(decideCloudIdFetch(site(), T0)).toBe('fetch');
    expect(decideCloudIdFetch(site({ cloudId: CLOUD_ID, cloudIdFetchedAt: T0 }), T0 + 1)).toBe('fresh');
    expect(decideCloudIdFetch(site({ cloudIdLease: { tabId: 1, expiresAt: T0 + 1 } }), T0)).toBe('leased');
    expect(decideCloudIdFetch(site({ cloudIdError: { reason: 'x', at: T0, retryAt: T0 + 5 } }), T0)).toBe('retry-later');
    // A retry time implausibly far ahead (clock set back) does not block.
    expect(decideCloudIdFetch(site({ cloudIdError: { reason: 'x', at: T0, retryAt: T0 + 2 * CLOUD_ID_RETRY_DELAY_MS } }), T0)).toBe('fetch');
  });
});

describe('describeDuration', () => {
  it('rounds up and picks a unit', () => {
    expect(describeDuration(1)).toBe('1 minute');
    expect(describeDuration(61_000)).toBe('2 minutes');
    expect(describeDuration(90 * MIN)).toBe('2 hours');
    expect(describeDuration(3 * 24 * 60 * MIN)).toBe('3 days');
  });
});
