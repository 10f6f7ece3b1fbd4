import type { AtlassianClient } from '../../atlassian/client';
import type { SiteRegistry } from './site-registry';
import type { ActionFailure } from '../../atlassian/failure-view';

export type CloudIdLookup = { ok: true; cloudId: string } | { ok: false; failure: ActionFailure };

/** Where the background gets a site's cloudId, which scoped tokens need in every URL. */
export interface CloudIdSource {
  get(host: string): Promise<CloudIdLookup>;
  /** Reads the host's tenant_info again now, whatever is known ("Read again" in the popup). */
  refresh(host: string): Promise<CloudIdLookup>;
}

/**
 * A cloudId every caller sends credentials through (the gateway), so only one the background
 * read itself from the host's tenant_info, without credentials and without following redirects:
 * the registry's value once confirmed that way, else a fresh read, stored in the registry as
 * confirmed for sites it knows (kept in memory too, for sites a token names that no page of has
 * been seen yet). A content script's report alone is never used: the page's side can forge it.
 */
export function createCloudIdSource(deps: {
  sites: Pick<SiteRegistry, 'get' | 'cloudIdRead'>;
  client: Pick<AtlassianClient, 'readTenantInfo'>;
  now?: () => number;
}): CloudIdSource {
  const read = new Map<string, string>();
  const inFlight = new Map<string, Promise<CloudIdLookup>>();

  async function fetchCloudId(host: string): Promise<CloudIdLookup> {
    const result = await deps.client.readTenantInfo(host);
    if (result.ok) {
      read.set(host, result.data.cloudId);
      await deps.sites.cloudIdRead(host, result.data.cloudId, (deps.now ?? Date.now)());
      return { ok: true, cloudId: result.data.cloudId };
    }
    return {
      ok: false,
      failure: {
        class: 'no-cloud-id',
        message: `The cloudId of ${host}, which calls through api.atlassian.com need, could not be read: ${result.failure.message}`,
        fix: `${result.failure.fix} Opening a Confluence page of ${host} also lets the extension read it.`,
      },
    };
  }

  function shared(host: string): Promise<CloudIdLookup> {
    let pending = inFlight.get(host);
    if (!pending) {
      pending = fetchCloudId(host).finally(() => inFlight.delete(host));
      inFlight.set(host, pending);
    }
    return pending;
  }

  return {
    async get(rawHost) {
      const host = rawHost.trim().toLowerCase();
      const record = await deps.sites.get(host);
      const known = (record?.cloudIdConfirmedAt != null ? record.cloudId : null) ?? read.get(host);
      if (known) return { ok: true, cloudId: known };
      // Concurrent checks of one site share one tenant_info request.
      return shared(host);
    },
    refresh: (rawHost) => shared(rawHost.trim().toLowerCase()),
  };
}
