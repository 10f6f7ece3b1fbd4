import { isAtlassianCloudHost } from '../../atlassian/endpoints';
import { originPattern } from './dc-site-address';
import type { DcSiteService } from './dc-site-service';
import { dcSiteSentences } from './dc-site-sentences';

/*
 * The toolbar menu's "Enable on this site" (as webext-permission-toggle offers it): on a Data
 * Center page the extension cannot reach yet, the browser asks for the page's origin from the
 * click; the page's own tags then give the base URL, and the site is added as from the options
 * page. The tab's URL is known from `activeTab` (the click on the toolbar menu grants it).
 */

/** Confluence's tags, read from the page (scripting.executeScript, in an isolated world). */
export interface PageTags {
  versionNumber: string | null;
  contextPath: string | null;
}

export interface EnableOnTabDeps {
  /** `permissions.request` for the pattern: must be called before anything is awaited. */
  requestAccess(pattern: string): Promise<boolean>;
  readPageTags(tabId: number): Promise<PageTags | null>;
  /** Runs the content script in the tab now, so the page is recognised without a reload. */
  injectContentScript(tabId: number): Promise<void>;
  dcSites: Pick<DcSiteService, 'add' | 'releaseAccess'>;
}

export type EnableOutcome = { ok: boolean; sentence: string };

export function enableOnTab(deps: EnableOnTabDeps, tab: { id?: number; url?: string }): Promise<EnableOutcome> {
  let url: URL | undefined;
  try {
    url = tab.url ? new URL(tab.url) : undefined;
  } catch {
    url = undefined;
  }
  if (tab.id === undefined || !url) return Promise.resolve({ ok: false, sentence: 'Open the Confluence Data Center page in this tab first.' });
  if (url.protocol !== 'https:') return Promise.resolve({ ok: false, sentence: dcSiteSentences.notHttps });
  if (isAtlassianCloudHost(url.hostname)) {
    return Promise.resolve({ ok: false, sentence: 'The extension is already enabled on Atlassian Cloud sites: open a Confluence page there and use the popup.' });
  }
  // Synchronously, inside the gesture: every browser drops it at the first await.
  const asked = deps.requestAccess(originPattern(url.origin));
  return finish(deps, tab.id, url, asked);
}

async function finish(deps: EnableOnTabDeps, tabId: number, url: URL, asked: Promise<boolean>): Promise<EnableOutcome> {
  if (!(await asked.catch(() => false))) return { ok: false, sentence: dcSiteSentences.noPermission(url.origin) };
  const tags = await deps.readPageTags(tabId).catch(() => null);
  if (!tags?.versionNumber) {
    await deps.dcSites.releaseAccess(url.origin);
    return { ok: false, sentence: dcSiteSentences.notDcPage };
  }
  const contextPath = (tags.contextPath ?? '').replace(/\/+$/, '');
  const added = await deps.dcSites.add(`${url.origin}${contextPath}`);
  if (!added.ok) return { ok: false, sentence: added.sentence };
  await deps.injectContentScript(tabId).catch(() => undefined);
  const host = new URL(added.site.baseUrl).host;
  return {
    ok: true,
    sentence: added.alreadyAdded
      ? `The extension was already enabled on ${host}.`
      : `Enabled on ${host}${added.site.version ? ` (Confluence ${added.site.version})` : ''}. Add a personal access token for it in the options to use its pages.`,
  };
}
