import { request, type SendMessage } from '../core/messaging/ask';
import { tabStateSchema, type GetTabStateMessage, type TabState } from '../features/pages/schemas/get-tab-state';
import { siteListSchema, type ListSitesMessage, type SiteList } from '../features/pages/schemas/list-sites';

// The popup's requests to the background (the helper is shared with the options page's).
export { BackgroundRequestError, type SendMessage } from '../core/messaging/ask';

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
