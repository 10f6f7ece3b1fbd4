import type { Worker } from '@playwright/test';
import type { ExtensionGlobal } from './extension-global';

/**
 * The Chrome tab id of the tab showing `url`, asked of the extension's service worker (tab ids
 * exist only for extensions). A tab just opened may not be listed yet: retried until `timeoutMs`.
 */
export async function tabIdByUrl(serviceWorker: Worker, url: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ids = await serviceWorker.evaluate(async (wanted) => {
      const tabs = await (globalThis as ExtensionGlobal).chrome.tabs.query({});
      return tabs.filter((tab) => tab.url === wanted && tab.id !== undefined).map((tab) => tab.id as number);
    }, url);
    if (ids.length > 1) {
      throw new Error(`${ids.length} tabs show ${url}; open each URL once so the popup reads the right tab.`);
    }
    if (ids[0] !== undefined) return ids[0];
    if (Date.now() > deadline) throw new Error(`No Chrome tab shows ${url} after ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The popup as a page: `popup.html?tabId=N` shows tab N's state instead of the active tab's. */
export function popupUrl(extensionId: string, tabId?: number): string {
  return `chrome-extension://${extensionId}/popup.html${tabId === undefined ? '' : `?tabId=${tabId}`}`;
}

/** The extension id is the host of its service worker's URL. */
export function extensionIdOf(serviceWorker: Worker): string {
  return new URL(serviceWorker.url()).host;
}

export const POPUP_VIEWPORT = { width: 400, height: 600 } as const;
