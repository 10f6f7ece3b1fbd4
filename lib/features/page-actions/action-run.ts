import type { ExtensionPageHandler } from '../../core/messaging/router';
import { actionRunMessageSchema, type ActionRunMessage, type ActionRunResult } from './schemas/action-run';
import type { BackgroundDeps } from '../../background-deps';

/** The tab id is all the message says: page, site and token are the background's own choice. */
export const actionRunHandler: ExtensionPageHandler<BackgroundDeps, ActionRunMessage, ActionRunResult> = {
  type: 'action-run',
  from: 'extension-page',
  schema: actionRunMessageSchema,
  handle(message, _sender, deps) {
    return deps.actions.runOnTab(message.action, message.tabId);
  },
};
