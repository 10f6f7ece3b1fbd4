/** The alarm that evaluates expiry once a day. */
export const DAILY_ALARM = 'ctc-daily';
const DAY_MINUTES = 24 * 60;

/** The slice of `browser.alarms` reminders use. */
export interface AlarmsLike {
  get(name: string): Promise<{ name: string } | undefined>;
  create(name: string, info: { when: number; periodInMinutes: number }): void | Promise<void>;
}

/** Just after the next local midnight, so a new day's reminders come in the morning, not at install time. */
export function nextLocalMidnight(now: Date): number {
  const next = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 1, 0, 0);
  return next.getTime();
}

/** Creates (or replaces) the daily alarm: on install, update and browser start-up. */
export async function scheduleDailyAlarm(alarms: AlarmsLike, now: Date): Promise<void> {
  await alarms.create(DAILY_ALARM, { when: nextLocalMidnight(now), periodInMinutes: DAY_MINUTES });
}

/** At service-worker start: creates the alarm only when it is missing (a running one keeps its time). */
export async function ensureDailyAlarm(alarms: AlarmsLike, now: Date): Promise<void> {
  if (!(await alarms.get(DAILY_ALARM))) await scheduleDailyAlarm(alarms, now);
}
