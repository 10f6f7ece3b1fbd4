import * as z from 'zod';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { isIsoDate } from '../tokens/iso-date';

/**
 * Reminder-only entries (tokens kept elsewhere: a label, an expiry date, where they are used, no
 * secret), in `storage.local`, key `reminderEntries`: a key of their own, so the tokens area and
 * its migrations are untouched.
 */
export const REMINDER_ENTRIES_STORAGE_KEY = 'reminderEntries';
export const REMINDER_ENTRIES_SCHEMA_VERSION = 1;

export const ENTRY_LABEL_MAX_LENGTH = 80;
export const ENTRY_USED_WHERE_MAX_LENGTH = 500;

/** Made like token ids (32 hex digits); the same characters a token id may have. */
export const entryIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an entry id');

export const reminderEntrySchema = z.strictObject({
  id: entryIdSchema,
  label: z.string().min(1).max(ENTRY_LABEL_MAX_LENGTH * 2), // UTF-16 units: 80 characters may take 160
  expiresOn: z.string().refine(isIsoDate, 'not a calendar date'),
  /** Free text, '' when nothing was noted. */
  usedWhere: z.string().max(ENTRY_USED_WHERE_MAX_LENGTH * 2),
});
export type ReminderEntry = z.infer<typeof reminderEntrySchema>;

const reminderEntriesDataSchema = z.strictObject({ entries: z.array(reminderEntrySchema) });
export type ReminderEntriesData = z.infer<typeof reminderEntriesDataSchema>;

export const reminderEntriesAreaDefinition: VersionedAreaDefinition<ReminderEntriesData> = {
  key: REMINDER_ENTRIES_STORAGE_KEY,
  version: REMINDER_ENTRIES_SCHEMA_VERSION,
  parse: (data) => reminderEntriesDataSchema.parse(data),
  empty: () => ({ entries: [] }),
  // Version 1 is the first; data without an envelope is not ours and is refused, never rewritten.
  migrations: {},
};

export function createReminderEntriesArea(local: StorageAreaLike): VersionedArea<ReminderEntriesData> {
  return createVersionedArea(local, reminderEntriesAreaDefinition);
}
