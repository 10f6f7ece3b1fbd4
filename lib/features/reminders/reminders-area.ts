import * as z from 'zod';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { DEFAULT_REMINDER_THRESHOLDS, MAX_THRESHOLD_DAYS } from './thresholds';

/** Reminder settings and what was sent, in `storage.local`, key `reminders`: kept across restarts and updates. */
export const REMINDERS_STORAGE_KEY = 'reminders';
export const REMINDERS_SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const remindersDataSchema = z.strictObject({
  // Whole days; before issue 12 only the usual choices were stored, which this still reads.
  thresholds: z.array(z.number().int().min(0).max(MAX_THRESHOLD_DAYS)),
  /**
   * The person ticked their own thresholds (absent in data from before: then they count as chosen
   * when they differ from the usual defaults), so an organisation's defaults no longer apply.
   */
  thresholdsChosen: z.boolean().optional(),
  /** `token@expiry#threshold` → the local date the reminder was sent. */
  sent: z.record(z.string(), isoDate),
  /** `token@expiry` → the local date reminders resume on. */
  snoozedUntil: z.record(z.string(), isoDate),
});
export type RemindersData = z.infer<typeof remindersDataSchema>;

export const remindersAreaDefinition: VersionedAreaDefinition<RemindersData> = {
  key: REMINDERS_STORAGE_KEY,
  version: REMINDERS_SCHEMA_VERSION,
  parse: (data) => remindersDataSchema.parse(data),
  empty: () => ({ thresholds: [...DEFAULT_REMINDER_THRESHOLDS], sent: {}, snoozedUntil: {} }),
  migrations: {},
};

export function createRemindersArea(local: StorageAreaLike): VersionedArea<RemindersData> {
  return createVersionedArea(local, remindersAreaDefinition);
}
