import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import { CLOUD_ID_LEASE_MS, CLOUD_ID_RETRY_DELAY_MS, CLOUD_ID_TTL_MS } from './cloud-id-policy';
import { createSiteRegistry } from './site-registry';
import { createSitesArea } from './sites-area';

const HOST = 'acme.atlassian.net';
const CLOUD_ID = 'a436116f-02ce-4520-8fbb-7301462a1674';
const GOOD_BODY = `{"cloudId":"${CLOUD_ID}"}`;
const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const MIN = 60_000;

function setup() {
  const storage = createMemoryStorageArea();
  const registry = createSiteRegistry(createSitesArea(storage));
  return { storage, registry };
}

describe('site registry: first and last seen', () => {
  it('records a new site on its first page load and updates only last seen later', async () => {
    const { registry } = setup();
    await registry.pageSeen(HOST, 1, T0);
    await registry.pageSeen(HOST, 2, T0 + 5 * MIN);
    expect(await registry.get(HOST)).toMatchObject({ host: HOST, firstSeenAt: T0, lastSeenAt: T0 + 5 * MIN, cloudId: null });
    expect(await registry.get('other.atlassian.net')).toBeNull();
  });

  it('keeps sites apart and lists them all', async () => {
    const { registry } = setup();
    await registry.pageSeen('zeta.atlassian.net', 1, T0);
    await registry.pageSeen(HOST, 2, T0 + 1);
    expect((await registry.list()).map((s) => s.host)).toEqual([HOST, 'zeta.atlassian.net']);
  });

  it('stores the registry under its own key with a schema version', async () => {
    const { storage, registry } = setup();
    await registry.pageSeen(HOST, 1, T0);
    expect(storage.dump()).toEqual({ sites: { schemaVersion: 2, data: { sites: [expect.objectContaining({ host: HOST })] } } });
  });
});

describe('site registry: the cloudId fetch lease', () => {
  it('asks exactly one of ten concurrent page loads (several tabs) to fetch tenant_info', async () => {
    const { registry } = setup();
    const replies = await Promise.all(Array.from({ length: 10 }, (_, tab) => registry.pageSeen(HOST, tab, T0 + tab)));
    expect(replies.filter((r) => r.fetchCloudId)).toHaveLength(1);
    expect(replies[0]).toEqual({ fetchCloudId: true });
  });

  it('fetches once for ten page loads when the fetch succeeds', async () => {
    const { registry } = setup();
    let fetches = 0;
    for (let i = 0; i < 10; i++) {
      const now = T0 + i * MIN;
      if ((await registry.pageSeen(HOST, 7, now)).fetchCloudId) {
        fetches++;
        await registry.cloudIdResult(HOST, 7, { ok: true, bodyText: GOOD_BODY }, now + 100);
      }
    }
    expect(fetches).toBe(1);
    expect(await registry.get(HOST)).toMatchObject({ cloudId: CLOUD_ID, cloudIdFetchedAt: T0 + 100, cloudIdLease: null });
  });

  it('survives a service-worker restart: a new registry on the same storage respects the lease', async () => {
    const { storage, registry } = setup();
    expect(await registry.pageSeen(HOST, 1, T0)).toEqual({ fetchCloudId: true });
    const restarted = createSiteRegistry(createSitesArea(storage));
    expect(await restarted.pageSeen(HOST, 2, T0 + 1000)).toEqual({ fetchCloudId: false });
  });

  it('hands the lease to another tab when the holder never reports', async () => {
    const { registry } = setup();
    expect(await registry.pageSeen(HOST, 1, T0)).toEqual({ fetchCloudId: true });
    expect(await registry.pageSeen(HOST, 2, T0 + CLOUD_ID_LEASE_MS - 1)).toEqual({ fetchCloudId: false });
    expect(await registry.pageSeen(HOST, 2, T0 + CLOUD_ID_LEASE_MS)).toEqual({ fetchCloudId: true });
    // The first tab's late answer no longer counts; the second tab's does.
    expect(await registry.cloudIdResult(HOST, 1, { ok: true, bodyText: GOOD_BODY }, T0 + CLOUD_ID_LEASE_MS + 1)).toEqual({ recorded: false });
    expect(await registry.cloudIdResult(HOST, 2, { ok: true, bodyText: GOOD_BODY }, T0 + CLOUD_ID_LEASE_MS + 2)).toEqual({ recorded: true });
  });

  it('hands the lease again to its holder when that tab loads another page (the first read was abandoned)', async () => {
    const { registry } = setup();
    expect(await registry.pageSeen(HOST, 1, T0)).toEqual({ fetchCloudId: true });
    expect(await registry.pageSeen(HOST, 2, T0 + 500)).toEqual({ fetchCloudId: false });
    expect(await registry.pageSeen(HOST, 1, T0 + 1000)).toEqual({ fetchCloudId: true });
    expect(await registry.cloudIdResult(HOST, 1, { ok: true, bodyText: GOOD_BODY }, T0 + 1500)).toEqual({ recorded: true });
    expect(await registry.pageSeen(HOST, 1, T0 + 2000)).toEqual({ fetchCloudId: false });
  });

  it('ignores results from tabs without the lease, and results nobody asked for', async () => {
    const { registry } = setup();
    expect(await registry.cloudIdResult(HOST, 1, { ok: true, bodyText: GOOD_BODY }, T0)).toEqual({ recorded: false });
    expect(await registry.get(HOST)).toBeNull();
    await registry.pageSeen(HOST, 1, T0);
    expect(await registry.cloudIdResult(HOST, 2, { ok: true, bodyText: GOOD_BODY }, T0 + 1)).toEqual({ recorded: false });
    expect(await registry.cloudIdResult(HOST, 1, { ok: true, bodyText: GOOD_BODY }, T0 + CLOUD_ID_LEASE_MS)).toEqual({ recorded: false });
    expect((await registry.get(HOST))?.cloudId).toBeNull();
  });

  it('does not let a lease set in the future (clock set back) block fetching for long', async () => {
    const { registry } = setup();
    await registry.pageSeen(HOST, 1, T0 + 30 * 24 * 60 * MIN);
    expect(await registry.pageSeen(HOST, 2, T0)).toEqual({ fetchCloudId: true });
  });
});

describe('site registry: freshness', () => {
  async function withCloudId(at: number) {
    const s = setup();
    await s.registry.pageSeen(HOST, 1, at);
    await s.registry.cloudIdResult(HOST, 1, { ok: true, bodyText: GOOD_BODY }, at);
    return s;
  }

  it('does not fetch again within the TTL, and does after it', async () => {
    const { registry } = await withCloudId(T0);
    expect(await registry.pageSeen(HOST, 2, T0 + CLOUD_ID_TTL_MS - 1)).toEqual({ fetchCloudId: false });
    expect(await registry.pageSeen(HOST, 2, T0 + CLOUD_ID_TTL_MS)).toEqual({ fetchCloudId: true });
  });

  it('treats a fetch time in the future (clock set back) as not fresh', async () => {
    const { registry } = await withCloudId(T0 + CLOUD_ID_TTL_MS * 3);
    expect(await registry.pageSeen(HOST, 2, T0)).toEqual({ fetchCloudId: true });
  });

  it('keeps the known cloudId when a refresh fails, and records the failure', async () => {
    const { registry } = await withCloudId(T0);
    const later = T0 + CLOUD_ID_TTL_MS + MIN;
    expect(await registry.pageSeen(HOST, 3, later)).toEqual({ fetchCloudId: true });
    await registry.cloudIdResult(HOST, 3, { ok: false, reason: 'HTTP 503' }, later + 1);
    expect(await registry.get(HOST)).toMatchObject({
      cloudId: CLOUD_ID,
      cloudIdFetchedAt: T0,
      cloudIdError: { reason: 'HTTP 503', at: later + 1, retryAt: later + 1 + CLOUD_ID_RETRY_DELAY_MS },
    });
  });

  it('replaces the cloudId and clears the error after a successful refresh', async () => {
    const { registry } = await withCloudId(T0);
    const later = T0 + CLOUD_ID_TTL_MS;
    await registry.pageSeen(HOST, 3, later);
    const otherId = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';
    await registry.cloudIdResult(HOST, 3, { ok: true, bodyText: `{"cloudId":"${otherId}"}` }, later + 1);
    expect(await registry.get(HOST)).toMatchObject({ cloudId: otherId, cloudIdFetchedAt: later + 1, cloudIdError: null });
  });
});

describe('site registry: failures', () => {
  it.each([
    ['a failed request', { ok: false as const, reason: 'HTTP 404' }, 'HTTP 404'],
    ['an HTML body', { ok: true as const, bodyText: '<html></html>' }, 'the tenant_info response was not JSON'],
    ['a non-UUID cloudId', { ok: true as const, bodyText: '{"cloudId":"1234"}' }, 'the cloudId in tenant_info was not a UUID'],
    ['no cloudId', { ok: true as const, bodyText: '{"tenantId":"a436116f-02ce-4520-8fbb-7301462a1674"}' }, 'the tenant_info response had no cloudId'],
  ])('records %s as an error, never as a cloudId, and retries after the delay', async (_name, outcome, reason) => {
    const { registry } = setup();
    await registry.pageSeen(HOST, 1, T0);
    expect(await registry.cloudIdResult(HOST, 1, outcome, T0 + 10)).toEqual({ recorded: true });
    expect(await registry.get(HOST)).toMatchObject({
      cloudId: null,
      cloudIdFetchedAt: null,
      cloudIdLease: null,
      cloudIdError: { reason, at: T0 + 10, retryAt: T0 + 10 + CLOUD_ID_RETRY_DELAY_MS },
    });
    expect(await registry.pageSeen(HOST, 2, T0 + 10 + CLOUD_ID_RETRY_DELAY_MS - 1)).toEqual({ fetchCloudId: false });
    expect(await registry.pageSeen(HOST, 2, T0 + 10 + CLOUD_ID_RETRY_DELAY_MS)).toEqual({ fetchCloudId: true });
  });

  it('bounds the stored reason', async () => {
    const { registry } = setup();
    await registry.pageSeen(HOST, 1, T0);
    await registry.cloudIdResult(HOST, 1, { ok: false, reason: 'x'.repeat(500) }, T0);
    expect((await registry.get(HOST))?.cloudIdError?.reason).toHaveLength(200);
  });
});

describe('site registry: cloudIds the background reads itself', () => {
  it('stores a valid cloudId for a known site and clears an earlier error', async () => {
    const { registry } = setup();
    await registry.pageSeen(HOST, 1, T0);
    await registry.cloudIdResult(HOST, 1, { ok: false, reason: 'HTTP 500' }, T0 + 1);
    expect(await registry.cloudIdRead(HOST, CLOUD_ID, T0 + 2)).toEqual({ recorded: true });
    expect(await registry.get(HOST)).toMatchObject({ cloudId: CLOUD_ID, cloudIdFetchedAt: T0 + 2, cloudIdError: null });
  });

  it('ignores unknown sites and values that are not a cloudId', async () => {
    const { registry } = setup();
    expect(await registry.cloudIdRead(HOST, CLOUD_ID, T0)).toEqual({ recorded: false });
    expect(await registry.get(HOST)).toBeNull();
    await registry.pageSeen(HOST, 1, T0);
    expect(await registry.cloudIdRead(HOST, 'not-a-uuid', T0 + 1)).toEqual({ recorded: false });
    expect((await registry.get(HOST))?.cloudId).toBeNull();
  });
});
