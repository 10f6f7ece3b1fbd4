/**
 * The activity log: one entry per API call, so a person can see what the extension did with
 * their tokens and why something failed. Bounded, pure functions only; storing it is the
 * storage layer's job (this file gives it the schema).
 */
import * as z from 'zod';
import { FAILURE_CLASSES, type FailureClass } from './failure';

export const ACTIVITY_LOG_LIMIT = 2_000;

export const ACTIVITY_OUTCOMES = ['ok', ...FAILURE_CLASSES] as const;
export type ActivityOutcome = 'ok' | FailureClass;

export const activityEntrySchema = z.object({
  /** ISO 8601 time the call started. */
  time: z.string(),
  tokenLabel: z.string(),
  /** Site host (Cloud site or DC host), never the gateway. */
  site: z.string(),
  /** Operation id from operations.ts. */
  operation: z.string(),
  method: z.string(),
  /** Path only: no host, no query (queries can carry cursors and search terms). */
  path: z.string(),
  /** Last HTTP status; null when nothing was answered (refused locally, offline, cancelled). */
  status: z.number().int().nullable(),
  durationMs: z.number().nonnegative(),
  outcome: z.enum(ACTIVITY_OUTCOMES),
  retries: z.number().int().nonnegative(),
});
export type ActivityEntry = z.output<typeof activityEntrySchema>;

export const activityLogSchema = z.array(activityEntrySchema).max(ACTIVITY_LOG_LIMIT);

/** New log with `entry` last, oldest entries dropped beyond `limit`. */
export function appendActivity(
  log: readonly ActivityEntry[],
  entry: ActivityEntry,
  limit: number = ACTIVITY_LOG_LIMIT,
): ActivityEntry[] {
  const next = [...log, entry];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

export const ACTIVITY_FILTERS = ['all', 'failures', 'auth', 'forbidden', 'rate-limited'] as const;
export type ActivityFilter = (typeof ACTIVITY_FILTERS)[number];

const AUTH_OUTCOMES: readonly ActivityOutcome[] = ['invalid-token', 'wrong-base-url', 'missing-scope', 'anonymous-fallback'];

export function matchesFilter(entry: ActivityEntry, filter: ActivityFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'failures':
      return entry.outcome !== 'ok';
    case 'auth':
      return AUTH_OUTCOMES.includes(entry.outcome);
    case 'forbidden':
      return entry.outcome === 'no-permission-or-not-found' || entry.status === 403;
    case 'rate-limited':
      return entry.outcome === 'rate-limited' || entry.status === 429;
  }
}

export function filterActivity(log: readonly ActivityEntry[], filter: ActivityFilter): ActivityEntry[] {
  return log.filter((entry) => matchesFilter(entry, filter));
}

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
] as const satisfies readonly (keyof ActivityEntry)[];

/**
 * RFC 4180 quoting. Text starting with = + - @ (or a tab/CR) is prefixed with ' so a spreadsheet
 * does not run a token label such as `=HYPERLINK(...)` as a formula.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function activityToCsv(log: readonly ActivityEntry[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of log) lines.push(CSV_COLUMNS.map((column) => csvField(entry[column])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
