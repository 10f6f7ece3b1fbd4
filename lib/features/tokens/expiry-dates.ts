import { addDays, type IsoDate } from './iso-date';

/** Atlassian Cloud tokens expire 1 to 365 days after creation; the user picks the date. */
export const CLOUD_EXPIRY_MIN_DAYS = 1;
export const CLOUD_EXPIRY_MAX_DAYS = 365;

/** The "created today, expires in N days" shortcuts offered next to the date field. */
export const EXPIRY_QUICK_PICK_DAYS = [30, 90, 365] as const;

export interface ExpiryQuickPick {
  days: number;
  expiresOn: IsoDate;
  label: string;
}

export function expiryQuickPicks(today: IsoDate): ExpiryQuickPick[] {
  return EXPIRY_QUICK_PICK_DAYS.map((days) => ({
    days,
    expiresOn: addDays(today, days),
    label: `Created today, expires in ${days} days`,
  }));
}

/** The first and last expiry dates a Cloud token created `today` can have. */
export function cloudExpiryRange(today: IsoDate): { earliest: IsoDate; latest: IsoDate } {
  return { earliest: addDays(today, CLOUD_EXPIRY_MIN_DAYS), latest: addDays(today, CLOUD_EXPIRY_MAX_DAYS) };
}
