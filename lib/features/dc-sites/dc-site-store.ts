import type { VersionedArea } from '../../core/storage/versioned-area';
import type { DcSiteRecord, DcSitesData } from './dc-site-record';

export interface DcSiteStore {
  list(): Promise<DcSiteRecord[]>;
  get(baseUrl: string): Promise<DcSiteRecord | null>;
  /** Adds the site, or replaces the record with the same base URL. */
  save(site: DcSiteRecord): Promise<void>;
  /** False when there was no such site. */
  remove(baseUrl: string): Promise<boolean>;
  /** Records a page of a known site seen at `now`; false (nothing written) for an unknown site. */
  seen(baseUrl: string, now: number, version: string | null): Promise<boolean>;
}

const sorted = (sites: DcSiteRecord[]) => [...sites].sort((a, b) => a.baseUrl.localeCompare(b.baseUrl));

export function createDcSiteStore(area: VersionedArea<DcSitesData>): DcSiteStore {
  return {
    async list() {
      return (await area.read()).sites;
    },
    async get(baseUrl) {
      return (await area.read()).sites.find((s) => s.baseUrl === baseUrl) ?? null;
    },
    async save(site) {
      await area.update((data) => ({ sites: sorted([...data.sites.filter((s) => s.baseUrl !== site.baseUrl), site]) }));
    },
    async remove(baseUrl) {
      let removed = false;
      await area.update((data) => {
        removed = data.sites.some((s) => s.baseUrl === baseUrl);
        return removed ? { sites: data.sites.filter((s) => s.baseUrl !== baseUrl) } : data;
      });
      return removed;
    },
    async seen(baseUrl, now, version) {
      const existing = (await area.read()).sites.find((s) => s.baseUrl === baseUrl);
      if (!existing) return false;
      // A page load is not worth a write when nothing a person sees changes (minute precision).
      if (existing.lastSeenAt !== null && now - existing.lastSeenAt < 60_000 && (version === null || version === existing.version)) return true;
      await area.update((data) => ({
        sites: data.sites.map((s) => (s.baseUrl === baseUrl ? { ...s, lastSeenAt: Math.max(s.lastSeenAt ?? 0, now), version: version ?? s.version } : s)),
      }));
      return true;
    },
  };
}
