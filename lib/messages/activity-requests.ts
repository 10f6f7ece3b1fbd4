import type { ActivityFilter } from '../atlassian/activity-log';
import { request, type SendMessage } from '../core/messaging/ask';
import {
  activityClearResultSchema,
  activityListResultSchema,
  type ActivityClearMessage,
  type ActivityClearResult,
  type ActivityListMessage,
  type ActivityListResult,
} from '../features/activity/schemas/activity';

/** The options page's requests about the activity log; replies are validated. */

export function requestActivity(send: SendMessage, filter: ActivityFilter): Promise<ActivityListResult> {
  const message: ActivityListMessage = { type: 'activity-list', filter };
  return request(send, message, activityListResultSchema);
}

export function requestClearActivity(send: SendMessage): Promise<ActivityClearResult> {
  const message: ActivityClearMessage = { type: 'activity-clear' };
  return request(send, message, activityClearResultSchema);
}
