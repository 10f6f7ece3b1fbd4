import * as z from 'zod/mini';
import { tabStateSchema, type GetTabStateMessage, type TabState } from './schemas/get-tab-state';
import { siteListSchema, type ListSitesMessage, type SiteList } from './schemas/list-sites';

/*
 * The popup's requests to the background. Replies are validated too: the popup shows only what
 * matches the schema, and says so plainly when something does not.
 */

/** `browser.runtime.sendMessage`, or a fake in tests. */
export type SendMessage = (message: unknown) => Promise<unknown>;

export class BackgroundRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackgroundRequestError';
  }
}

const errorReplySchema = z.object({ ok: z.literal(false), error: z.object({ code: z.string(), message: z.string() }) });

async function request<T>(send: SendMessage, message: { type: string }, dataSchema: z.ZodMiniType<T>): Promise<T> {
  let reply: unknown;
  try {
    reply = await send(message);
  } catch (error) {
    throw new BackgroundRequestError('no-reply', `The extension's background did not answer (${String(error)}).`);
  }
  const failure = errorReplySchema.safeParse(reply);
  if (failure.success) throw new BackgroundRequestError(failure.data.error.code, failure.data.error.message);
  const success = z.object({ ok: z.literal(true), data: dataSchema }).safeParse(reply);
  if (!success.success) {
    throw new BackgroundRequestError('invalid-reply', `The background's answer to "${message.type}" was not understood.`);
  }
  return success.data.data as T;
}

export function requestTabState(send: SendMessage, tabId: number): Promise<TabState> {
  const message: GetTabStateMessage = { type: 'get-tab-state', tabId };
  return request(send, message, tabStateSchema);
}

export function requestSiteList(send: SendMessage): Promise<SiteList> {
  const message: ListSitesMessage = { type: 'list-sites' };
  return request(send, message, siteListSchema);
}

/**
 * The tab named by `?tabId=N` in the popup's URL, or null. End-to-end tests open the popup as an
 * ordinary page in its own tab, where "the active tab" would be the popup itself.
 */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  // Chrome's tab ids are large (ten digits are common); any safe integer is accepted.
  if (raw === null || !/^\d{1,15}$/.test(raw)) return null;
  return Number(raw);
}
