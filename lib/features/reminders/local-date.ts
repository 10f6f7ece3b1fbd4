import type { IsoDate } from '../tokens/iso-date';

/**
 * The calendar date `moment` falls on in `timeZone` (the person's own zone when omitted). Read
 * from the wall clock, never by dividing milliseconds, so a daylight-saving change or a move to
 * another zone never shifts a day.
 */
export function calendarDateIn(moment: Date, timeZone?: string): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    ...(timeZone ? { timeZone } : {}),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(moment);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
