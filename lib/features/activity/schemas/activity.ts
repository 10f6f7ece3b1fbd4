import * as z from 'zod/mini';
import type { ActivityEntry, ActivityFilter } from '../../../atlassian/activity-log';
import { FAILURE_CLASSES } from '../../../atlassian/failure-classes';
import type { Same } from '../../../messages/schemas/same-type';

/* Extension page → background: the activity log (one entry per call to Atlassian). */

export const ACTIVITY_FILTER_NAMES = ['all', 'failures', 'auth', 'forbidden', 'rate-limited'] as const;

export const activityListMessageSchema = z.strictObject({
  type: z.literal('activity-list'),
  filter: z.enum(ACTIVITY_FILTER_NAMES),
});
export type ActivityListMessage = z.infer<typeof activityListMessageSchema>;

export const activityEntrySchema = z.strictObject({
  time: z.string(),
  tokenLabel: z.string(),
  site: z.string(),
  operation: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.nullable(z.number()),
  durationMs: z.number(),
  outcome: z.enum(['ok', ...FAILURE_CLASSES]),
  retries: z.number(),
});

/** Newest first. */
export const activityListResultSchema = z.strictObject({ entries: z.array(activityEntrySchema) });
export type ActivityListResult = z.infer<typeof activityListResultSchema>;

export const activityClearMessageSchema = z.strictObject({ type: z.literal('activity-clear') });
export type ActivityClearMessage = z.infer<typeof activityClearMessageSchema>;
export const activityClearResultSchema = z.strictObject({ cleared: z.number() });
export type ActivityClearResult = z.infer<typeof activityClearResultSchema>;

const checks: [Same<z.infer<typeof activityEntrySchema>, ActivityEntry>, Same<(typeof ACTIVITY_FILTER_NAMES)[number], ActivityFilter>] = [
  true,
  true,
];
void checks;
