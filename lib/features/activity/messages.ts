import * as z from 'zod';
import { activityEntrySchema, ACTIVITY_FILTERS } from '../../atlassian/activity-log';
import { defineMessages } from '../../core/messaging/define-message';
import { RejectedMessageError } from '../../core/messaging/reply';
import { ActivityLogUnreadableError, type ActivityStore } from './activity-store';

/* The activity log (one entry per call to Atlassian), for extension pages. docs/messages.md describes each. */

export interface ActivityDeps {
  /** The persisted log of calls to Atlassian. */
  activity: ActivityStore;
}

const message = defineMessages<ActivityDeps>();

export const activityList = message({
  type: 'activity-list',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('activity-list'), filter: z.enum(ACTIVITY_FILTERS) }),
  /** Newest first. */
  output: z.strictObject({ entries: z.array(activityEntrySchema) }),
  async handle({ filter }, _sender, deps) {
    try {
      return { entries: await deps.activity.list(filter) };
    } catch (error) {
      // A damaged log is a state the page explains (and offers to clear), not a handler failure.
      if (error instanceof ActivityLogUnreadableError) throw new RejectedMessageError(error.message);
      throw error;
    }
  },
});

export const activityClear = message({
  type: 'activity-clear',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('activity-clear') }),
  /** How many entries the log held. */
  output: z.strictObject({ cleared: z.number() }),
  handle: async (_message, _sender, deps) => ({ cleared: await deps.activity.clear() }),
});

export const activityMessages = [activityList, activityClear] as const;
