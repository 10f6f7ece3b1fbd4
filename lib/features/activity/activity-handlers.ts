import type { ExtensionPageHandler } from '../../core/messaging/router';
import {
  activityClearMessageSchema,
  activityListMessageSchema,
  type ActivityClearMessage,
  type ActivityClearResult,
  type ActivityListMessage,
  type ActivityListResult,
} from './schemas/activity';
import type { BackgroundDeps } from '../../background-deps';

export const activityListHandler: ExtensionPageHandler<BackgroundDeps, ActivityListMessage, ActivityListResult> = {
  type: 'activity-list',
  from: 'extension-page',
  schema: activityListMessageSchema,
  async handle(message, _sender, deps) {
    return { entries: await deps.activity.list(message.filter) };
  },
};

export const activityClearHandler: ExtensionPageHandler<BackgroundDeps, ActivityClearMessage, ActivityClearResult> = {
  type: 'activity-clear',
  from: 'extension-page',
  schema: activityClearMessageSchema,
  async handle(_message, _sender, deps) {
    return { cleared: await deps.activity.clear() };
  },
};
