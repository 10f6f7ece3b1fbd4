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

export const activityEntrySchema = z.strictObject({
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
  /** A long job's summary entry (an export) says what its calls did; single calls have none. */
  note: z.string().max(500).optional(),
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

// Exports live in a zod-free file so the options page can use them without bundling zod.
export { activityToCsv, activityToJson, csvField } from '../features/activity/activity-export';
