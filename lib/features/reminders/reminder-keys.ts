import { ENTRY_SUBJECT_PREFIX } from './reminder-subject';

/*
 * What was sent and what was snoozed is keyed by subject (a token, or `entry:<id>` for a
 * reminder-only entry) and expiry date: renewing with a new expiry starts its reminders afresh,
 * without anyone clearing the old entries.
 */

type SubjectExpiry = { id: string; expiresOn: string };

export function expiryKey(subject: SubjectExpiry): string {
  return `${subject.id}@${subject.expiresOn}`;
}

export function sentKey(subject: SubjectExpiry, threshold: number): string {
  return `${expiryKey(subject)}#${threshold}`;
}

const NOTIFICATION_PREFIX = 'ctc-reminder:';
const NOTIFIED_SUBJECT = new RegExp(`^((?:${ENTRY_SUBJECT_PREFIX})?[A-Za-z0-9_-]{1,64})@(\\d{4}-\\d{2}-\\d{2})$`);

/** A notification's id names its subject, so a click or a button knows which one it is about. */
export function reminderNotificationId(subject: SubjectExpiry): string {
  return `${NOTIFICATION_PREFIX}${expiryKey(subject)}`;
}

export function parseReminderNotificationId(id: string): { subjectId: string; expiresOn: string } | undefined {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return undefined;
  const match = NOTIFIED_SUBJECT.exec(id.slice(NOTIFICATION_PREFIX.length));
  return match ? { subjectId: match[1]!, expiresOn: match[2]! } : undefined;
}
