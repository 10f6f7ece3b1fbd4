import * as z from 'zod';
import { defineMessages } from '../../core/messaging/define-message';
import { RejectedMessageError } from '../../core/messaging/reply';
import { ReminderEntriesUnreadableError, type ReminderEntries } from './reminder-entries';
import { entryIdSchema } from './reminder-entries-area';
import type { ReminderService } from './reminder-service';
import { MAX_THRESHOLD_DAYS } from './thresholds';

/* Expiry reminder settings and reminder-only entries, for extension pages. docs/messages.md describes each. */

export interface RemindersDeps {
  reminders: ReminderService;
  /** Tokens kept elsewhere, reminded of without a secret. */
  reminderEntries: ReminderEntries;
}

const message = defineMessages<RemindersDeps>();

const thresholdSchema = z.number().int().min(0).max(MAX_THRESHOLD_DAYS);
const settingsSchema = z.strictObject({
  /** Days before expiry a reminder is sent at, largest first; 0 is the expiry day. */
  thresholds: z.array(thresholdSchema),
  /** Every threshold that may be chosen (the usual ones and any the organisation's policy names). */
  choices: z.array(thresholdSchema),
  /** The organisation's floor, ticked and not to be unticked. */
  locked: z.array(thresholdSchema),
  /** The thresholds are the organisation's defaults: the person has not chosen their own. */
  defaultsFromOrganisation: z.boolean(),
});

export const remindersSettings = message({
  type: 'reminders-settings',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('reminders-settings') }),
  output: settingsSchema,
  handle: (_message, _sender, deps) => deps.reminders.settings(),
});

export const remindersSetThresholds = message({
  type: 'reminders-set-thresholds',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('reminders-set-thresholds'), thresholds: z.array(thresholdSchema).max(40) }),
  output: settingsSchema,
  async handle({ thresholds }, _sender, deps) {
    const saved = await deps.reminders.setThresholds(thresholds);
    if (!saved) throw new RejectedMessageError('Only the offered reminder days can be chosen.');
    // Settings changed: what is now due (a newly chosen threshold) is sent at once.
    await deps.reminders.evaluate().catch(() => undefined); // the daily alarm tries again
    return saved;
  },
});

/** An entry as it leaves the background: it never had a secret, so there is none to leave out. */
const reminderEntrySchema = z.strictObject({ id: z.string(), label: z.string(), expiresOn: z.string(), usedWhere: z.string() });

/** Refuses with the store's sentence when the stored entries are damaged: the page says it and offers a reset. */
async function readable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ReminderEntriesUnreadableError) throw new RejectedMessageError(error.message);
    throw error;
  }
}

/** What is due now that an entry changed (one expiring in 3 days) is sent at once, and the badge follows. */
const evaluateNow = (deps: RemindersDeps) => deps.reminders.evaluate().catch(() => undefined); // the daily alarm tries again

export const reminderEntriesList = message({
  type: 'reminder-entries-list',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('reminder-entries-list') }),
  output: z.strictObject({ entries: z.array(reminderEntrySchema) }),
  handle: (_message, _sender, deps) => readable(async () => ({ entries: await deps.reminderEntries.list() })),
});

export const reminderEntriesSave = message({
  type: 'reminder-entries-save',
  from: 'extension-page',
  input: z.strictObject({
    type: z.literal('reminder-entries-save'),
    /** Absent: a new entry. */
    id: entryIdSchema.optional(),
    // Generous raw bounds: the store judges the lengths and answers with a sentence.
    input: z.strictObject({ label: z.string().max(1000), expiresOn: z.string().max(100), usedWhere: z.string().max(5000).optional() }),
  }),
  output: z.union([
    z.strictObject({ ok: z.literal(true), entry: reminderEntrySchema }),
    z.strictObject({
      ok: z.literal(false),
      reason: z.literal('invalid'),
      errors: z.strictObject({ label: z.string().optional(), expiresOn: z.string().optional(), usedWhere: z.string().optional() }),
    }),
    z.strictObject({ ok: z.literal(false), reason: z.literal('not-found'), message: z.string() }),
  ]),
  async handle({ id, input }, _sender, deps) {
    const result = await readable(() => deps.reminderEntries.save(input, id));
    if (result.ok) await evaluateNow(deps);
    return result;
  },
});

export const reminderEntriesRemove = message({
  type: 'reminder-entries-remove',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('reminder-entries-remove'), id: entryIdSchema }),
  output: z.strictObject({ removed: z.boolean() }),
  async handle({ id }, _sender, deps) {
    const removed = await readable(() => deps.reminderEntries.remove(id));
    if (removed) await evaluateNow(deps);
    return { removed };
  },
});

/** Empties damaged (or any) entries, on the person's explicit request; nothing else is touched. */
export const reminderEntriesReset = message({
  type: 'reminder-entries-reset',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('reminder-entries-reset') }),
  output: z.strictObject({ reset: z.literal(true) }),
  async handle(_message, _sender, deps) {
    await deps.reminderEntries.reset();
    await evaluateNow(deps);
    return { reset: true as const };
  },
});

export const remindersMessages = [
  remindersSettings,
  remindersSetThresholds,
  reminderEntriesList,
  reminderEntriesSave,
  reminderEntriesRemove,
  reminderEntriesReset,
] as const;
