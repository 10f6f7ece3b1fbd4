import * as z from 'zod';
import { actionFailureSchema } from '../../atlassian/failure-view-schema';
import { defineMessages } from '../../core/messaging/define-message';
import { contentIdSchema } from '../pages/page-context-schema';
import { ACTION_NAMES } from './action-names';
import type { ActionDispatcher } from './dispatcher';

/* Page actions (watch, …) on the page a tab shows, for extension pages. docs/messages.md describes it. */

export interface PageActionsDeps {
  actions: ActionDispatcher;
}

const message = defineMessages<PageActionsDeps>();

/** The tab id is all the message says: page, site and token are the background's own choice. */
export const actionRun = message({
  type: 'action-run',
  from: 'extension-page',
  input: z.strictObject({
    type: z.literal('action-run'),
    action: z.enum(ACTION_NAMES),
    tabId: z.number().int().nonnegative(),
    /** The page the caller showed: if the tab has moved on since, nothing is done. */
    contentId: z.optional(contentIdSchema),
  }),
  output: z.union([
    z.strictObject({ ok: z.literal(true), watching: z.boolean(), sentence: z.string() }),
    z.strictObject({ ok: z.literal(false), failure: actionFailureSchema }),
  ]),
  handle: (run, _sender, deps) => deps.actions.runOnTab(run.action, run.tabId, run.contentId),
});

export const pageActionsMessages = [actionRun] as const;
