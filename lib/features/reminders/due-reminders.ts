import { daysBetween, isIsoDate, type IsoDate } from '../tokens/iso-date';
import { expiryKey, sentKey } from './reminder-keys';
import type { ReminderSubject } from './reminder-subject';
import type { RemindersData } from './reminders-area';

export interface DueReminder {
  subject: ReminderSubject;
  expiresOn: IsoDate;
  /** The threshold this reminder is for. */
  threshold: number;
  daysLeft: number;
  /** Every threshold this reminder settles (those already passed, when it comes late). */
  settles: string[];
  /** A snoozed reminder coming back: its snooze is over once it is sent. */
  endsSnooze: boolean;
}

/**
 * The reminders to send on `today`: per subject (token or reminder-only entry) at most one, for
 * the nearest threshold reached. Thresholds passed while no evaluation ran (the machine was
 * asleep) are settled by that one reminder, so catching up sends one notification, not one per
 * missed day.
 */
export function dueReminders(subjects: readonly ReminderSubject[], state: RemindersData, today: IsoDate): DueReminder[] {
  const due: DueReminder[] = [];
  for (const subject of subjects) {
    const expiresOn = subject.expiresOn;
    if (expiresOn === undefined || !isIsoDate(expiresOn)) continue;
    const daysLeft = daysBetween(today, expiresOn);
    if (daysLeft < 0) continue; // expired: the badge and every refused call say so
    const snoozed = state.snoozedUntil[expiryKey({ id: subject.id, expiresOn })];
    if (snoozed !== undefined && today < snoozed) continue;
    const reached = state.thresholds.filter((t) => t >= daysLeft);
    if (reached.length === 0) continue;
    const nearest = Math.min(...reached);
    const settles = reached.map((t) => sentKey({ id: subject.id, expiresOn }, t)).filter((key) => state.sent[key] === undefined);
    // "Snooze a day" asks for the reminder again once the snooze is over, even if it was sent.
    const endsSnooze = snoozed !== undefined;
    if (!endsSnooze && state.sent[sentKey({ id: subject.id, expiresOn }, nearest)] !== undefined) continue;
    due.push({ subject, expiresOn, threshold: nearest, daysLeft, settles, endsSnooze });
  }
  return due;
}
