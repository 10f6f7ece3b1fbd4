import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { sitesDataSchema, type SitesData } from './site-record';

/** The known-sites registry in `storage.local`, key `sites`. */
export const sitesAreaDefinition: VersionedAreaDefinition<SitesData> = {
  key: 'sites',
  version: 2,
  parse: (data) => sitesDataSchema.parse(data),
  empty: () => ({ sites: [] }),
  migrations: {
    // v2 binds a cloudId to the background's own read of its host; none from v1 counts as that.
    1: (old: { sites: Record<string, unknown>[] }) => ({ sites: old.sites.map((site) => ({ ...site, cloudIdConfirmedAt: null })) }),
  },
};

export function createSitesArea(storage: StorageAreaLike): VersionedArea<SitesData> {
  return createVersionedArea(storage, sitesAreaDefinition);
}
