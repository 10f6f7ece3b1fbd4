import type { CDPSession, Page, Worker } from '@playwright/test';
import type { ExtensionGlobal } from '../support/extension-global';

/*
 * What a person sees of a menu or shortcut action: the clipboard, the page's toast (inside a
 * closed shadow root: only the accessibility tree sees it) and the badge.
 */

/** The clipboard as a web page reads it (the page's origin granted clipboard-read). */
export async function readClipboard(page: Page): Promise<string> {
  await page.bringToFront();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** The accessibility tree (which does see inside closed shadow roots): the status regions' text. */
export async function statusRegions(cdp: CDPSession): Promise<string[]> {
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { nodeId: string; parentId?: string; role?: { value?: string }; name?: { value?: string } }[];
  };
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const insideStatus = (node: (typeof nodes)[number]): boolean => {
    for (let at = node.parentId ? byId.get(node.parentId) : undefined; at; at = at.parentId ? byId.get(at.parentId) : undefined) {
      if (at.role?.value === 'status') return true;
    }
    return false;
  };
  return nodes.filter((n) => n.role?.value === 'StaticText' && insideStatus(n)).map((n) => n.name?.value ?? '');
}

/** The toast's text as the page's accessibility tree has it (joined), polled by the caller. */
export async function toastText(cdp: CDPSession): Promise<string> {
  return (await statusRegions(cdp)).join(' ');
}

export async function badge(worker: Worker) {
  return worker.evaluate(async () => {
    const action = (globalThis as ExtensionGlobal).chrome.action;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });
}

/** The Chrome tab id of the page showing `url` (the worker's own tabs API). */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return worker.evaluate(async (wanted) => {
    const tabs = await (globalThis as ExtensionGlobal).chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === wanted);
    if (tab?.id === undefined) throw new Error(`no tab shows ${wanted}`);
    return tab.id;
  }, url);
}

/** Clicks one of our menu items as the browser would: `contextMenus.onClicked` with the info and tab. */
export async function clickMenu(worker: Worker, info: { menuItemId: string; linkUrl?: string; pageUrl?: string }, tabId: number): Promise<void> {
  await worker.evaluate(
    async ([clicked, id]) => {
      const chrome = (globalThis as ExtensionGlobal).chrome;
      const tab = await chrome.tabs.get(id);
      (chrome.contextMenus.onClicked as unknown as { dispatch(info: unknown, tab: unknown): void }).dispatch({ editable: false, ...clicked }, tab);
    },
    [info, tabId] as const,
  );
}

/** Presses one of our keyboard shortcuts as the browser would: `commands.onCommand` with the tab. */
export async function pressShortcut(worker: Worker, command: string, tabId: number): Promise<void> {
  await worker.evaluate(
    async ([name, id]) => {
      const chrome = (globalThis as ExtensionGlobal).chrome;
      const tab = await chrome.tabs.get(id);
      (chrome.commands.onCommand as unknown as { dispatch(command: string, tab: unknown): void }).dispatch(name, tab);
    },
    [command, tabId] as const,
  );
}

export interface CreatedMenu {
  id: string;
  title: string;
  contexts: string[];
  documentUrlPatterns?: string[];
  targetUrlPatterns?: string[];
}

/** The items the background creates on install, recorded as `contextMenus.create` receives them. */
export async function createdMenus(worker: Worker): Promise<CreatedMenu[]> {
  return worker.evaluate(async () => {
    const chrome = (globalThis as ExtensionGlobal).chrome;
    const menus = chrome.contextMenus as unknown as { create(p: CreatedMenu, cb?: () => void): unknown; removeAll(): Promise<void> };
    const create = menus.create.bind(menus);
    const removeAll = menus.removeAll.bind(menus);
    let seen: CreatedMenu[] = [];
    menus.create = (p: CreatedMenu, cb?: () => void) => {
      seen.push(p);
      return create(p, cb);
    };
    // Each run starts with removeAll: what counts is the last run's items (the real install may run too).
    // Arguments passed through: webextension-polyfill calls with a callback and waits for it.
    menus.removeAll = (...args: unknown[]) => {
      seen = [];
      return (removeAll as (...a: unknown[]) => Promise<void>)(...args);
    };
    // The browser's own install event: the background (re)creates its menus once it has read the
    // policy (Chromium's first managed-storage read of a session takes seconds). The toolbar's
    // last item ends a run.
    (chrome.runtime.onInstalled as unknown as { dispatch(details: unknown): void }).dispatch({ reason: 'update', previousVersion: '0.0.1' });
    for (let waited = 0; waited < 15_000 && !seen.some((m) => m.id === 'ctc-toolbar:enable-site'); waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    menus.create = create;
    menus.removeAll = removeAll;
    return seen;
  });
}
