import * as z from 'zod';
import { activityLogSchema, type ActivityEntry } from '../../atlassian/activity-log';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import {
  createVersionedArea,
  migrateEnvelope,
  type VersionedArea,
  type VersionedAreaDefinition,
} from '../../core/storage/versioned-area';

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

/**
 * The raw stored value under `activity` (unvalidated), or undefined. A failure here is storage's
 * (the read itself failed), never the data's.
 */
export async function readStoredActivity(local: StorageAreaLike): Promise<unknown> {
  return (await local.get(ACTIVITY_STORAGE_KEY))[ACTIVITY_STORAGE_KEY];
}

/**
 * Migrates and validates a stored value (see `readStoredActivity`). Throws `StoredDataTooNewError`,
 * a `ZodError` or a missing-migration error when the stored log cannot be used.
 */
export function parseStoredActivity(stored: unknown): { data: ActivityData; migrated: boolean } {
  return migrateEnvelope(activityAreaDefinition, stored);
}

/**
 * Writes `data` as the current schema version WITHOUT validating it again: only for a log built
 * from a validated log and validated entries (the activity store's in-memory copy). Validating
 * 2,000 entries on every batch is what this avoids.
 */
export function writeValidatedActivity(local: StorageAreaLike, data: ActivityData): Promise<void> {
  return local.set({ [ACTIVITY_STORAGE_KEY]: { schemaVersion: ACTIVITY_SCHEMA_VERSION, data } });
}
