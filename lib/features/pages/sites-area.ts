import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { sitesDataSchema, type SitesData } from './site-record';

/** The known-sites registry in `storage.local`, key `sites`. */
export const sitesAreaDefinition: VersionedAreaDefinition<SitesData> = {
  key: 'sites',
  version: 1,
  parse: (data) => sitesDataSchema.parse(data),
  empty: () => ({ sites: [] }),
  migrations: {},
};

export function createSitesArea(storage: StorageAreaLike): VersionedArea<SitesData> {
  return createVersionedArea(storage, sitesAreaDefinition);
}
