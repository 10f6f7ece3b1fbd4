import type { PageContext } from './page-context';
import { pageContextOfUrl } from './page-of-url';
import { currentTabContext, type TabContextStore } from './tab-contexts';

export interface TabPageDeps {
  tabContexts: Pick<TabContextStore, 'get'>;
  /** The tab's current URL (undefined where the extension may not see it), or null: no such tab. */
  getTab(tabId: number): Promise<{ url: string | undefined } | null>;
  /** The Data Center sites the person added (their base URLs); none: Cloud only. */
  dcSiteKeys?(): Promise<string[]>;
}

/** What tab `tabId` shows: null when there is no such tab, else its URL and page (null: not Confluence). */
export type TabPage = { url: string | undefined; context: PageContext | null } | null;

/**
 * The content script's latest report while the tab is still on that URL (fragments aside),
 * else what the tab's URL alone says. The popup's tab state and page actions both read this.
 */
export async function readTabPage(deps: TabPageDeps, tabId: number): Promise<TabPage> {
  const tab = await deps.getTab(tabId);
  if (!tab) return null;
  const dcSites = (await deps.dcSiteKeys?.().catch(() => [])) ?? [];
  const context = currentTabContext(await deps.tabContexts.get(tabId), tab.url, (url) => pageContextOfUrl(url, dcSites));
  return { url: tab.url, context };
}
