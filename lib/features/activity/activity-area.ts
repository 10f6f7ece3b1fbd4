import * as z from 'zod';
import { activityLogSchema, type ActivityEntry } from '../../atlassian/activity-log';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';

/** The activity log in `storage.local`, key `activity`: kept across restarts, never synced. */
export const ACTIVITY_STORAGE_KEY = 'activity';
export const ACTIVITY_SCHEMA_VERSION = 1;

const activityDataSchema = z.object({ entries: activityLogSchema });
export interface ActivityData {
  /** Oldest first, at most ACTIVITY_LOG_LIMIT. */
  entries: ActivityEntry[];
}

export const activityAreaDefinition: VersionedAreaDefinition<ActivityData> = {
  key: ACTIVITY_STORAGE_KEY,
  version: ACTIVITY_SCHEMA_VERSION,
  parse: (data) => activityDataSchema.parse(data),
  empty: () => ({ entries: [] }),
  migrations: {},
};

export function createActivityArea(local: StorageAreaLike): VersionedArea<ActivityData> {
  return createVersionedArea(local, activityAreaDefinition);
}
