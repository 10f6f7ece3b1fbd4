import { describe, expect, it } from 'vitest';
import { createMemoryStorageArea } from '../../core/storage/storage-area';
import { createCloudIdSource } from './cloud-id-source';
import { createSiteRegistry } from './site-registry';
import { createSitesArea } from './sites-area';

/*
 * A cloudId is bound to the host it was read from: only the background's own read of that
 * host's tenant_info carries a scoped token's credentials, never a content script's report.
 */
const HOST = 'acme.atlassian.net';
const REAL = 'a436116f-02ce-4520-8fbb-7301462a1674';
const FORGED = 'b7d0e2a4-1f3c-4e5a-8b6d-2c9f4a7e1d02'; // another site's cloudId
const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

/** A frozen sample of the `sites` key as version 1 stored it. */
const SITES_V1 = {
  schemaVersion: 1,
  data: {
    sites: [
      {
        host: HOST,
        firstSeenAt: T0,
        lastSeenAt: T0 + 1000,
        cloudId: REAL,
        cloudIdFetchedAt: T0,
        cloudIdError: null,
        cloudIdLease: null,
      },
      {
        host: 'globex.atlassian.net',
        firstSeenAt: T0,
        lastSeenAt: T0,
        cloudId: null,
        cloudIdFetchedAt: null,
        cloudIdError: { reason: 'HTTP 503', at: T0, retryAt: T0 + 600_000 },
        cloudIdLease: { tabId: 7, expiresAt: T0 + 60_000 },
      },
    ],
  },
};

function setup(initial: Record<string, unknown> = {}, tenantInfo: string = REAL) {
  const storage = createMemoryStorageArea(initial);
  const sites = createSiteRegistry(createSitesArea(storage));
  const reads: string[] = [];
  const client = {
    readTenantInfo: async (host: string) => {
      reads.push(host);
      return { ok: true as const, data: { cloudId: tenantInfo }, status: 200, meta: {} as never };
    },
  };
  return { storage, sites, reads, cloudIds: createCloudIdSource({ sites, client, now: () => T0 + 5000 }) };
}

async function forge(sites: ReturnType<typeof setup>['sites'], cloudId: string) {
  await sites.pageSeen(HOST, 3, T0 + 2000);
  return sites.cloudIdResult(HOST, 3, { ok: true, bodyText: JSON.stringify({ cloudId }) }, T0 + 2001);
}

describe('cloudId bound to its host', () => {
  it('migrates v1 sites keeping every field, with no cloudId counted as confirmed', async () => {
    const { sites, storage } = setup({ sites: SITES_V1 });
    const listed = await sites.list();
    expect(listed).toEqual(SITES_V1.data.sites.map((site) => ({ ...site, cloudIdConfirmedAt: null })));
    expect(await sites.get('globex.atlassian.net')).toMatchObject({ cloudIdError: { reason: 'HTTP 503' }, cloudIdLease: { tabId: 7 } });
    await sites.pageSeen(HOST, 1, T0 + 9000);
    expect((storage.dump().sites as { schemaVersion: number }).schemaVersion).toBe(2);
  });

  it('never hands out a content script’s cloudId: the background reads the host’s own first, then keeps it', async () => {
    const { sites, reads, cloudIds } = setup();
    await forge(sites, FORGED);
    expect((await sites.get(HOST))?.cloudId).toBe(FORGED);
    expect(await cloudIds.get(HOST)).toEqual({ ok: true, cloudId: REAL });
    expect(reads).toEqual([HOST]);
    expect(await sites.get(HOST)).toMatchObject({ cloudId: REAL, cloudIdConfirmedAt: T0 + 5000 });
    expect(await cloudIds.get(HOST)).toEqual({ ok: true, cloudId: REAL });
    expect(reads, 'confirmed once').toHaveLength(1);
  });

  it('keeps a confirmed cloudId when a content script later reports another one', async () => {
    const { sites, reads, cloudIds } = setup();
    await sites.pageSeen(HOST, 1, T0);
    await cloudIds.get(HOST);
    await forge(sites, FORGED);
    expect(await sites.get(HOST)).toMatchObject({ cloudId: REAL, cloudIdConfirmedAt: T0 + 5000 });
    expect(await cloudIds.get(HOST)).toEqual({ ok: true, cloudId: REAL });
    expect(reads).toHaveLength(1);
  });

  it('a v1 cloudId is confirmed by a read before it is used', async () => {
    const { reads, cloudIds } = setup({ sites: SITES_V1 });
    expect(await cloudIds.get(HOST)).toEqual({ ok: true, cloudId: REAL });
    expect(reads).toEqual([HOST]);
  });
});
