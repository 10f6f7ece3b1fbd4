/** The days before expiry a person may be reminded at; 0 is the expiry day itself. */
export const REMINDER_THRESHOLD_CHOICES = [30, 14, 7, 3, 1, 0] as const;
export type ReminderThreshold = (typeof REMINDER_THRESHOLD_CHOICES)[number];

export const DEFAULT_REMINDER_THRESHOLDS: readonly ReminderThreshold[] = REMINDER_THRESHOLD_CHOICES;

/** Known choices only, each once, largest first (the order reminders come in). */
export function normaliseThresholds(thresholds: readonly number[]): ReminderThreshold[] {
  return REMINDER_THRESHOLD_CHOICES.filter((choice) => thresholds.includes(choice));
}
