import { daysBetween, isIsoDate, type IsoDate } from '../tokens/iso-date';
import type { ReminderSubject } from './reminder-subject';
import { whenText } from './reminder-text';

/** The badge shows a token's days left from this many days before it expires. */
export const BADGE_FROM_DAYS = 7;
export const DEFAULT_ACTION_TITLE = 'Confluence Token Companion';

export const BADGE_COLOURS = { expired: '#B3261E', critical: '#D32F2F', soon: '#E65100', upcoming: '#F9A825' } as const;

export interface BadgeView {
  text: string;
  /** Unused when `text` is empty. */
  colour: string;
  title: string;
}

/**
 * The toolbar badge for the most urgent token or reminder-only entry: its days left (7 or
 * fewer), "!" once expired.
 */
export function badgeFor(subjects: readonly ReminderSubject[], today: IsoDate): BadgeView {
  let urgent: { subject: ReminderSubject; expiresOn: IsoDate; daysLeft: number } | undefined;
  for (const subject of subjects) {
    if (subject.expiresOn === undefined || !isIsoDate(subject.expiresOn)) continue;
    const daysLeft = daysBetween(today, subject.expiresOn);
    if (!urgent || daysLeft < urgent.daysLeft) urgent = { subject, expiresOn: subject.expiresOn, daysLeft };
  }
  if (!urgent || urgent.daysLeft > BADGE_FROM_DAYS) return { text: '', colour: BADGE_COLOURS.upcoming, title: DEFAULT_ACTION_TITLE };
  const { subject, expiresOn, daysLeft } = urgent;
  // The tooltip tells the person an entry is not among the tokens the extension holds.
  const only = subject.noSecret ? ' (reminder only)' : '';
  if (daysLeft < 0) {
    return { text: '!', colour: BADGE_COLOURS.expired, title: `Token “${subject.label}” expired on ${expiresOn}${only}` };
  }
  const colour = daysLeft <= 1 ? BADGE_COLOURS.critical : daysLeft <= 3 ? BADGE_COLOURS.soon : BADGE_COLOURS.upcoming;
  return { text: String(daysLeft), colour, title: `Token “${subject.label}” expires ${whenText(daysLeft)}, on ${expiresOn}${only}` };
}
