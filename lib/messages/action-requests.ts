import type { ActionName } from '../features/page-actions/action-names';
import { request, type SendMessage } from '../core/messaging/ask';
import { actionRunResultSchema, type ActionRunMessage, type ActionRunResult } from '../features/page-actions/schemas/action-run';

/** Runs `action` on the page shown in tab `tabId`; the background picks page, site and token. */
export function requestAction(send: SendMessage, action: ActionName, tabId: number): Promise<ActionRunResult> {
  const message: ActionRunMessage = { type: 'action-run', action, tabId };
  return request(send, message, actionRunResultSchema);
}
