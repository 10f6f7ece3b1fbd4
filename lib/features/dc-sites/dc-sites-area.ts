import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { dcSitesDataSchema, type DcSitesData } from './dc-site-record';

/** The Data Center sites a person added, in `storage.local`, key `dcSites`. */
export const dcSitesAreaDefinition: VersionedAreaDefinition<DcSitesData> = {
  key: 'dcSites',
  version: 1,
  parse: (data) => dcSitesDataSchema.parse(data),
  empty: () => ({ sites: [] }),
  migrations: {},
};

export function createDcSitesArea(storage: StorageAreaLike): VersionedArea<DcSitesData> {
  return createVersionedArea(storage, dcSitesAreaDefinition);
}
