import * as z from 'zod';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { DEFAULT_REMINDER_THRESHOLDS, REMINDER_THRESHOLD_CHOICES } from './thresholds';

/** Reminder settings and what was sent, in `storage.local`, key `reminders`: kept across restarts and updates. */
export const REMINDERS_STORAGE_KEY = 'reminders';
export const REMINDERS_SCHEMA_VERSION = 1;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const remindersDataSchema = z.strictObject({
  thresholds: z.array(z.union(REMINDER_THRESHOLD_CHOICES.map((n) => z.literal(n)))),
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
