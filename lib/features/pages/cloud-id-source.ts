import type { AtlassianClient } from '../../atlassian/client';
import type { SiteRegistry } from './site-registry';
import type { ActionFailure } from '../../atlassian/failure-view';

export type CloudIdLookup = { ok: true; cloudId: string } | { ok: false; failure: ActionFailure };

/** Where the background gets a site's cloudId, which scoped tokens need in every URL. */
export interface CloudIdSource {
  get(host: string): Promise<CloudIdLookup>;
}

/**
 * The site registry's cloudId (read by a content script from the site's own tenant_info) when
 * there is one; otherwise the background reads tenant_info itself, without credentials, through
 * the request client, and stores it in the registry for sites it knows (kept in memory too, for
 * sites a token names that no page of has been seen yet).
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

  return {
    async get(rawHost) {
      const host = rawHost.trim().toLowerCase();
      const known = (await deps.sites.get(host))?.cloudId ?? read.get(host);
      if (known) return { ok: true, cloudId: known };
      // Concurrent checks of one site share one tenant_info request.
      let pending = inFlight.get(host);
      if (!pending) {
        pending = fetchCloudId(host).finally(() => inFlight.delete(host));
        inFlight.set(host, pending);
      }
      return pending;
    },
  };
}
