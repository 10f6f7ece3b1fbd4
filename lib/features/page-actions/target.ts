import type { ActionFailure } from '../../atlassian/failure-view';
import type { ContentPageContext } from '../pages/page-context';
import type { TabPage } from '../pages/tab-page';

/** The page an action applies to, as the background itself knows it. */
export interface ActionTarget {
  tabId: number;
  /** Cloud site host. */
  host: string;
  context: ContentPageContext;
}

export interface TargetDeps {
  /** What the tab shows, as the pages feature knows it (its `readTabPage`). */
  tabPage(tabId: number): Promise<TabPage>;
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
  const tab = await deps.tabPage(tabId);
  if (!tab) return noPage('That tab is closed.');
  const context = tab.context;
  if (!context) return noPage('This tab is not showing a Confluence page.');
  if (context.kind !== 'content') return noPage('This tab shows Confluence, but not a page, blog post or other content with an id.');
  return { ok: true, target: { tabId, host: context.host, context } };
}
