import type { StorageAreaLike } from '../../core/storage/storage-area';
import { StoredDataTooNewError } from '../../core/storage/versioned-area';
import { daysBetween, isoDateToDayNumber, type IsoDate } from '../tokens/iso-date';
import {
  createReminderEntriesArea,
  ENTRY_LABEL_MAX_LENGTH,
  ENTRY_USED_WHERE_MAX_LENGTH,
  REMINDER_ENTRIES_STORAGE_KEY,
  type ReminderEntry,
} from './reminder-entries-area';

/** What the options page's entry form sends: plain strings, judged here. */
export interface ReminderEntryInput {
  label: string;
  expiresOn: string;
  usedWhere?: string;
}

export type ReminderEntryField = 'label' | 'expiresOn' | 'usedWhere';
/** One sentence per field that is wrong. */
export type ReminderEntryErrors = Partial<Record<ReminderEntryField, string>>;

export type ReminderEntrySaveResult =
  | { ok: true; entry: ReminderEntry }
  | { ok: false; reason: 'invalid'; errors: ReminderEntryErrors }
  | { ok: false; reason: 'not-found'; message: string };

/** The stored entries cannot be read; the message is a sentence a page may show as it is. */
export class ReminderEntriesUnreadableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReminderEntriesUnreadableError';
  }
}

export const ENTRIES_DAMAGED_SENTENCE =
  'Your reminder-only entries are damaged and cannot be read. Nothing has been changed: you can reset them to start again, then add them again.';
export const ENTRIES_TOO_NEW_SENTENCE =
  'Your reminder-only entries were saved by a newer version of the extension and cannot be read. Update the extension; nothing has been changed.';
export const ENTRY_NOT_FOUND_SENTENCE = 'This reminder-only entry no longer exists; it may have been removed in another window.';

export interface ReminderEntries {
  /** Soonest expiry first. Rejects with ReminderEntriesUnreadableError when the stored data is damaged. */
  list(): Promise<ReminderEntry[]>;
  /** Adds an entry, or updates entry `id`. */
  save(input: ReminderEntryInput, id?: string): Promise<ReminderEntrySaveResult>;
  remove(id: string): Promise<boolean>;
  /** Empties the stored entries without reading them (the way out of damaged data). */
  reset(): Promise<void>;
}

export interface ReminderEntriesOptions {
  local: StorageAreaLike;
  /** The person's calendar date, to refuse an expiry date that has passed. */
  today(): IsoDate;
  randomBytes?: (length: number) => Uint8Array;
}

const defaultRandomBytes = (length: number) => globalThis.crypto.getRandomValues(new Uint8Array(length));

/** The entry as it will be stored, or a sentence per wrong field. `editing`: the entry as saved. */
export function validateEntryInput(
  input: ReminderEntryInput,
  context: { today: IsoDate; existing: readonly ReminderEntry[]; editing?: ReminderEntry },
): { ok: true; value: Omit<ReminderEntry, 'id'> } | { ok: false; errors: ReminderEntryErrors } {
  const errors: ReminderEntryErrors = {};
  const label = input.label.trim();
  const labelLength = [...label].length;
  if (label === '') errors.label = 'Give the entry a name, so that you can tell it apart from others.';
  else if (labelLength > ENTRY_LABEL_MAX_LENGTH) errors.label = `The name is ${labelLength} characters long; keep it to ${ENTRY_LABEL_MAX_LENGTH} or fewer.`;
  else if (context.existing.some((e) => e.id !== context.editing?.id && e.label.trim().toLowerCase() === label.toLowerCase())) {
    errors.label = 'Another reminder-only entry already has this name. Choose a different name.';
  }

  const expiresOn = input.expiresOn.trim();
  if (expiresOn === '') errors.expiresOn = 'Enter the date the token expires: the reminders count down to it.';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(expiresOn)) errors.expiresOn = 'Enter the date as YYYY-MM-DD, for example 2030-06-30.';
  else if (isoDateToDayNumber(expiresOn) === undefined) errors.expiresOn = `${expiresOn} is not a date that exists in the calendar.`;
  // A date kept while editing may have passed since; a new one must be today or later.
  else if (context.editing?.expiresOn !== expiresOn && daysBetween(context.today, expiresOn) < 0) {
    errors.expiresOn = `This date has passed. Choose ${context.today} or a later date.`;
  }

  const usedWhere = (input.usedWhere ?? '').trim();
  const usedLength = [...usedWhere].length;
  if (usedLength > ENTRY_USED_WHERE_MAX_LENGTH) {
    errors.usedWhere = `This is ${usedLength} characters long; keep where it is used to ${ENTRY_USED_WHERE_MAX_LENGTH} characters or fewer.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { label, expiresOn, usedWhere } };
}

function toUnreadable(error: unknown): Error {
  if (error instanceof ReminderEntriesUnreadableError) return error;
  // A storage or schema failure carries no stored value in the sentence; the cause keeps the detail.
  return new ReminderEntriesUnreadableError(error instanceof StoredDataTooNewError ? ENTRIES_TOO_NEW_SENTENCE : ENTRIES_DAMAGED_SENTENCE, {
    cause: error,
  });
}

const byExpiry = (a: ReminderEntry, b: ReminderEntry) => a.expiresOn.localeCompare(b.expiresOn) || a.label.localeCompare(b.label);

export function createReminderEntries(options: ReminderEntriesOptions): ReminderEntries {
  const area = createReminderEntriesArea(options.local);
  const randomBytes = options.randomBytes ?? defaultRandomBytes;
  const newId = () => Array.from(randomBytes(16), (b) => b.toString(16).padStart(2, '0')).join('');

  // One change at a time (this store is the entries' only writer); nothing is written when nothing
  // changes, and damaged data makes the read throw before anything is written.
  let queue: Promise<unknown> = Promise.resolve();
  function update<T>(change: (entries: ReminderEntry[]) => { entries: ReminderEntry[] | null; result: T }): Promise<T> {
    const run = queue.then(async () => {
      let current: ReminderEntry[];
      try {
        current = (await area.read()).entries;
      } catch (error) {
        throw toUnreadable(error);
      }
      const next = change(current);
      if (next.entries) await area.write({ entries: next.entries });
      return next.result;
    });
    queue = run.catch(() => undefined);
    return run;
  }

  return {
    async list() {
      try {
        return [...(await area.read()).entries].sort(byExpiry);
      } catch (error) {
        throw toUnreadable(error);
      }
    },
    save(input, id) {
      return update<ReminderEntrySaveResult>((entries) => {
        const editing = id === undefined ? undefined : entries.find((e) => e.id === id);
        if (id !== undefined && !editing) return { entries: null, result: { ok: false, reason: 'not-found', message: ENTRY_NOT_FOUND_SENTENCE } };
        const checked = validateEntryInput(input, { today: options.today(), existing: entries, ...(editing ? { editing } : {}) });
        if (!checked.ok) return { entries: null, result: { ok: false, reason: 'invalid', errors: checked.errors } };
        const entry: ReminderEntry = { id: editing?.id ?? newId(), ...checked.value };
        const next = editing ? entries.map((e) => (e.id === entry.id ? entry : e)) : [...entries, entry];
        return { entries: next, result: { ok: true, entry } };
      });
    },
    remove(id) {
      return update((entries) => {
        const kept = entries.filter((e) => e.id !== id);
        return kept.length === entries.length ? { entries: null, result: false } : { entries: kept, result: true };
      });
    },
    async reset() {
      await options.local.remove(REMINDER_ENTRIES_STORAGE_KEY);
    },
  };
}
