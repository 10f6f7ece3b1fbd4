import type { ActionName } from '../actions/action-names';
import { request, type SendMessage } from './background-request';
import { actionRunResultSchema, type ActionRunMessage, type ActionRunResult } from './schemas/action-run';

/** Runs `action` on the page shown in tab `tabId`; the background picks page, site and token. */
export function requestAction(send: SendMessage, action: ActionName, tabId: number): Promise<ActionRunResult> {
  const message: ActionRunMessage = { type: 'action-run', action, tabId };
  return request(send, message, actionRunResultSchema);
}
