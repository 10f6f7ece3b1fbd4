import * as z from 'zod/mini';
import { ACTION_NAMES } from '../action-names';
import type { ActionResult } from '../action-result';
import { actionFailureSchema } from '../../../atlassian/failure-view-schema';
import type { Same } from '../../../messages/schemas/same-type';

/**
 * Extension page → background: run an action on the page shown in tab `tabId`. Only the tab id
 * comes from the message: the page, the site and the token are the background's own choice.
 */
export const actionRunMessageSchema = z.strictObject({
  type: z.literal('action-run'),
  action: z.enum(ACTION_NAMES),
  tabId: z.number().check(z.int(), z.nonnegative()),
});
export type ActionRunMessage = z.infer<typeof actionRunMessageSchema>;

export const actionRunResultSchema = z.union([
  z.strictObject({ ok: z.literal(true), watching: z.boolean(), sentence: z.string() }),
  z.strictObject({ ok: z.literal(false), failure: actionFailureSchema }),
]);
export type ActionRunResult = z.infer<typeof actionRunResultSchema>;

const matches: Same<ActionRunResult, ActionResult> = true;
void matches;
