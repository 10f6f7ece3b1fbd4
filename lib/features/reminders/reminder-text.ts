import type { ReminderSubject } from './reminder-subject';

/** The sentences a reminder notification shows. */

export function whenText(daysLeft: number): string {
  if (daysLeft === 0) return 'today';
  if (daysLeft === 1) return 'tomorrow';
  return `in ${daysLeft} days`;
}

export function reminderTitle(subject: Pick<ReminderSubject, 'label'>, daysLeft: number): string {
  return `Token “${subject.label}” expires ${whenText(daysLeft)}`;
}

/** Notifications show a few lines: a long note of where an entry is used is cut. */
const USED_WHERE_SHOWN = 160;
const cut = (text: string) => ([...text].length > USED_WHERE_SHOWN ? `${[...text].slice(0, USED_WHERE_SHOWN - 1).join('')}…` : text);

export function reminderMessage(subject: Pick<ReminderSubject, 'usedOn' | 'noSecret'>, expiresOn: string): string {
  if (subject.noSecret) {
    // The person replaces it where it lives: the extension holds no secret to replace.
    const where = subject.usedOn.length > 0 ? `Used in: ${cut(subject.usedOn.join(', '))}.` : 'No place of use was noted.';
    return `Reminder-only entry, no secret stored here. ${where} It expires on ${expiresOn}: create a new token and put it where this one is used.`;
  }
  const where = subject.usedOn.length > 0 ? `Used on ${subject.usedOn.join(', ')}.` : 'Not used on any site yet.';
  return `${where} It expires on ${expiresOn}: create a new token and replace this one.`;
}
