import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { BackgroundDeps } from '../lib/messages/handlers/background-deps';
import { backgroundHandlers } from '../lib/messages/handlers';
import { createMessageRouter } from '../lib/messages/router';
import { createTabContextStore } from '../lib/pages/tab-contexts';
import { createSiteRegistry } from '../lib/sites/site-registry';
import { createSitesArea } from '../lib/sites/sites-area';

// Not `type: 'module'`: WXT would then build the background together with the popup and put
// their shared code (zod, the polyfill) in one chunk, so every schema the background uses would
// count against the popup's 60 KiB budget. As a classic script it is built on its own.
export default defineBackground({
  main() {
    // One registry (and so one update queue) per service worker: the cloudId fetch lease relies on it.
    const tabContexts = createTabContextStore(browser.storage.session);
    const deps: BackgroundDeps = {
      sites: createSiteRegistry(createSitesArea(browser.storage.local)),
      tabContexts,
      async getTab(tabId) {
        try {
          const tab = await browser.tabs.get(tabId);
          return { url: tab.url };
        } catch {
          return null; // no such tab
        }
      },
      now: () => Date.now(),
    };
    const route = createMessageRouter(
      backgroundHandlers,
      deps,
      { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
      (type, error) => console.error(`Handling "${type}" failed:`, error),
    );

    // Listeners are registered synchronously so a restarted service worker receives the message that woke it.
    browser.runtime.onMessage.addListener((message, sender) => route(message, sender));
    // tabs.onRemoved needs no permission: a closed tab's page context goes with it.
    browser.tabs.onRemoved.addListener((tabId) => {
      void tabContexts.remove(tabId).catch((error: unknown) => console.error('Forgetting a closed tab failed:', error));
    });
  },
});
