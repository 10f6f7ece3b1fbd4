/**
 * The activity log as files a person can keep or open in a spreadsheet. Zod-free on purpose:
 * the options page imports it.
 */
import type { ActivityEntry } from '../../atlassian/activity-log';

export function activityToJson(log: readonly ActivityEntry[]): string {
  return JSON.stringify(log, null, 2);
}

const CSV_COLUMNS = [
  'time',
  'tokenLabel',
  'site',
  'operation',
  'method',
  'path',
  'status',
  'durationMs',
  'outcome',
  'retries',
  'note',
] as const satisfies readonly (keyof ActivityEntry)[];

/**
 * RFC 4180 quoting. Text starting with = + - @ (or a tab/CR) is prefixed with ' so a spreadsheet
 * does not run a token label such as `=HYPERLINK(...)` as a formula.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function activityToCsv(log: readonly ActivityEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of log) lines.push(CSV_COLUMNS.map((column) => csvField(entry[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
