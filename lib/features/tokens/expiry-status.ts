import { daysBetween, type IsoDate } from './iso-date';

/** Reminders start this many days before a token expires. */
export const EXPIRING_SOON_DAYS = 14;

export type ExpiryState = 'expired' | 'expiring-soon' | 'ok' | 'no-expiry';

export interface ExpiryStatus {
  state: ExpiryState;
  /** Days from today to the expiry date: 0 on the day itself, negative once past. */
  daysLeft?: number;
  sentence: string;
}

/**
 * Where a token stands on `today`. The expiry day itself counts as "expiring soon", not
 * expired: Atlassian does not say at what time of that day a token stops working.
 */
export function expiryStatus(expiresOn: IsoDate | undefined, today: IsoDate): ExpiryStatus {
  if (expiresOn === undefined) return { state: 'no-expiry', sentence: 'No expiry date is recorded for this token.' };
  const daysLeft = daysBetween(today, expiresOn);
  if (daysLeft < 0) {
    const ago = -daysLeft;
    return { state: 'expired', daysLeft, sentence: `Expired on ${expiresOn} (${ago} ${ago === 1 ? 'day' : 'days'} ago). Create a new token and replace it here.` };
  }
  if (daysLeft === 0) return { state: 'expiring-soon', daysLeft, sentence: `Expires today (${expiresOn}).` };
  const when = `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`;
  if (daysLeft <= EXPIRING_SOON_DAYS) {
    return { state: 'expiring-soon', daysLeft, sentence: `Expires in ${when}, on ${expiresOn}.` };
  }
  return { state: 'ok', daysLeft, sentence: `Expires on ${expiresOn}, in ${when}.` };
}
