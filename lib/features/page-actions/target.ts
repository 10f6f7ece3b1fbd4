import type { ContentPageContext } from '../pages/page-context';
import { parsePageContext } from '../pages/parse-page-context';
import { currentTabContext, type TabContextStore } from '../pages/tab-contexts';
import type { ActionFailure } from '../../atlassian/failure-view';

/** The page an action applies to, as the background itself knows it. */
export interface ActionTarget {
  tabId: number;
  /** Cloud site host. */
  host: string;
  context: ContentPageContext;
}

export interface TargetDeps {
  tabContexts: Pick<TabContextStore, 'get'>;
  /** The tab's current URL (undefined when the extension may not see it), or null: no such tab. */
  getTab(tabId: number): Promise<{ url: string | undefined } | null>;
}

export type TargetLookup = { ok: true; target: ActionTarget } | { ok: false; failure: ActionFailure };

const noPage = (message: string): TargetLookup => ({
  ok: false,
  failure: { class: 'no-page', message, fix: 'Open the Confluence page in this tab (wait until it has loaded), then try again.' },
});

/**
 * The page shown in tab `tabId`: the content script's latest report while the tab is still on
 * that URL, else what the tab's URL says. Nothing a message says besides the tab id counts.
 */
export async function resolveTabTarget(deps: TargetDeps, tabId: number): Promise<TargetLookup> {
  const tab = await deps.getTab(tabId);
  if (!tab) return noPage('That tab is closed.');
  const context = currentTabContext(await deps.tabContexts.get(tabId), tab.url, (url) => parsePageContext(url));
  if (!context) return noPage('This tab is not showing a Confluence page.');
  if (context.kind !== 'content') return noPage('This tab shows Confluence, but not a page, blog post or other content with an id.');
  return { ok: true, target: { tabId, host: context.host, context } };
}
