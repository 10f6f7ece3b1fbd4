import type { ActionFailure } from '../../atlassian/failure-view';

/** What running an action on a page gave. */
export type ActionResult = { ok: true; watching: boolean; sentence: string } | { ok: false; failure: ActionFailure };
