/**
 * Calendar dates as `YYYY-MM-DD` strings. Arithmetic runs on UTC midnights so that
 * daylight-saving changes never shift a day; callers decide what "today" is.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number since 1970-01-01, or undefined when the text is not a real calendar date. */
export function isoDateToDayNumber(text: string): number | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

export function dayNumberToIsoDate(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  return isoDateToDayNumber(text) !== undefined;
}

/** `date` plus `days` (may be negative). Throws on a malformed date: callers validate first. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const start = isoDateToDayNumber(date);
  if (start === undefined) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(date)}`);
  return dayNumberToIsoDate(start + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const a = isoDateToDayNumber(from);
  const b = isoDateToDayNumber(to);
  if (a === undefined || b === undefined) throw new RangeError('Not a YYYY-MM-DD date.');
  return b - a;
}

/** The calendar date the user sees on their own clock, which is what they type in forms. */
export function localIsoDate(moment: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(moment.getFullYear()).padStart(4, '0')}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
