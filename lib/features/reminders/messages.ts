import * as z from 'zod';
import { defineMessages } from '../../core/messaging/define-message';
import type { ReminderService } from './reminder-service';
import { REMINDER_THRESHOLD_CHOICES } from './thresholds';

/* Expiry reminder settings, for extension pages. docs/messages.md describes each. */

export interface RemindersDeps {
  reminders: ReminderService;
}

const message = defineMessages<RemindersDeps>();

const thresholdSchema = z.union(REMINDER_THRESHOLD_CHOICES.map((n) => z.literal(n)));
const settingsSchema = z.strictObject({
  /** Days before expiry a reminder is sent at, largest first; 0 is the expiry day. */
  thresholds: z.array(thresholdSchema),
  /** Every threshold that may be chosen. */
  choices: z.array(thresholdSchema),
});

export const remindersSettings = message({
  type: 'reminders-settings',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('reminders-settings') }),
  output: settingsSchema,
  handle: async (_message, _sender, deps) => ({ thresholds: await deps.reminders.thresholds(), choices: [...REMINDER_THRESHOLD_CHOICES] }),
});

export const remindersSetThresholds = message({
  type: 'reminders-set-thresholds',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('reminders-set-thresholds'), thresholds: z.array(thresholdSchema).max(REMINDER_THRESHOLD_CHOICES.length) }),
  output: settingsSchema,
  async handle({ thresholds }, _sender, deps) {
    const saved = await deps.reminders.setThresholds(thresholds);
    // Settings changed: what is now due (a newly chosen threshold) is sent at once.
    await deps.reminders.evaluate().catch(() => undefined); // the daily alarm tries again
    return { thresholds: saved, choices: [...REMINDER_THRESHOLD_CHOICES] };
  },
});

export const remindersMessages = [remindersSettings, remindersSetThresholds] as const;
