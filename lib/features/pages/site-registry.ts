import type { VersionedArea } from '../../core/storage/versioned-area';
import { CLOUD_ID_LEASE_MS, CLOUD_ID_RETRY_DELAY_MS, decideCloudIdFetch } from './cloud-id-policy';
import { newSiteRecord, type SiteRecord, type SitesData } from './site-record';
import { parseTenantInfo } from './tenant-info';

/** What a content script reports after trying `/_edge/tenant_info`. */
export type TenantInfoOutcome = { ok: true; bodyText: string } | { ok: false; reason: string };

export interface SiteRegistry {
  /**
   * Records a page load of a Confluence site by a tab, and says whether that tab should read
   * tenant_info. At most one tab at a time is told to (it holds the lease).
   */
  pageSeen(host: string, tabId: number, now: number): Promise<{ fetchCloudId: boolean }>;
  /**
   * Records what the tab holding the lease read. Results from any other tab, or after the lease
   * ran out, are ignored (`recorded: false`). A body without a valid cloudId is never stored.
   */
  cloudIdResult(host: string, tabId: number, outcome: TenantInfoOutcome, now: number): Promise<{ recorded: boolean }>;
  /**
   * Records a cloudId the background read itself (through the request client, validated there),
   * as confirmed for the host. Known sites only: a site enters the registry when one of its
   * pages is seen.
   */
  cloudIdRead(host: string, cloudId: string, now: number): Promise<{ recorded: boolean }>;
  get(host: string): Promise<SiteRecord | null>;
  list(): Promise<SiteRecord[]>;
  /** Writes an empty registry without reading the stored one first, so it works on damaged data. */
  reset(): Promise<void>;
}

function replaceSite(data: SitesData, site: SiteRecord): SitesData {
  const others = data.sites.filter((s) => s.host !== site.host);
  return { sites: [...others, site].sort((a, b) => a.host.localeCompare(b.host)) };
}

/**
 * Give the registry one area per background: its updates are serialised in that instance, which
 * is what makes the lease exclusive when several tabs load at once.
 */
export function createSiteRegistry(area: VersionedArea<SitesData>): SiteRegistry {
  return {
    async pageSeen(host, tabId, now) {
      let fetchCloudId = false;
      await area.update((data) => {
        const existing = data.sites.find((s) => s.host === host);
        const site: SiteRecord = existing ? { ...existing, lastSeenAt: Math.max(existing.lastSeenAt, now) } : newSiteRecord(host, now);
        fetchCloudId = decideCloudIdFetch(site, now, tabId) === 'fetch';
        if (fetchCloudId) site.cloudIdLease = { tabId, expiresAt: now + CLOUD_ID_LEASE_MS };
        return replaceSite(data, site);
      });
      return { fetchCloudId };
    },

    async cloudIdResult(host, tabId, outcome, now) {
      let recorded = false;
      await area.update((data) => {
        const existing = data.sites.find((s) => s.host === host);
        const lease = existing?.cloudIdLease;
        if (!existing || !lease || lease.tabId !== tabId || now >= lease.expiresAt) return data;
        recorded = true;
        const parsed = outcome.ok ? parseTenantInfo(outcome.bodyText) : { ok: false as const, reason: outcome.reason };
        const site: SiteRecord = { ...existing, cloudIdLease: null };
        if (parsed.ok && existing.cloudIdConfirmedAt !== null && parsed.cloudId !== existing.cloudId) {
          // The page's side contradicts what the background read itself: keep the confirmed one.
          site.cloudIdError = null;
        } else if (parsed.ok) {
          if (parsed.cloudId !== existing.cloudId) site.cloudIdConfirmedAt = null;
          site.cloudId = parsed.cloudId;
          site.cloudIdFetchedAt = now;
          site.cloudIdError = null;
        } else {
          // A previously read cloudId stays: a failed refresh does not make it wrong.
          site.cloudIdError = { reason: parsed.reason.slice(0, 200), at: now, retryAt: now + CLOUD_ID_RETRY_DELAY_MS };
        }
        return replaceSite(data, site);
      });
      return { recorded };
    },

    async cloudIdRead(host, cloudId, now) {
      const parsed = parseTenantInfo(JSON.stringify({ cloudId }));
      let recorded = false;
      if (!parsed.ok) return { recorded };
      await area.update((data) => {
        const existing = data.sites.find((s) => s.host === host);
        if (!existing) return data;
        recorded = true;
        return replaceSite(data, { ...existing, cloudId: parsed.cloudId, cloudIdFetchedAt: now, cloudIdConfirmedAt: now, cloudIdError: null, cloudIdLease: null });
      });
      return { recorded };
    },

    async get(host) {
      return (await area.read()).sites.find((s) => s.host === host) ?? null;
    },

    async list() {
      return (await area.read()).sites;
    },

    reset() {
      return area.write({ sites: [] });
    },
  };
}
