import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import * as z from 'zod';
import { createActivityStore } from '../lib/features/activity/activity-store';
import { createAtlassianClient } from '../lib/atlassian/client';
import { defaultClientDeps } from '../lib/atlassian/default-deps';
import { backgroundHandlers } from '../lib/background-handlers';
import { wireBackgroundDeps } from '../lib/wire-background-deps';
import { createMessageRouter } from '../lib/core/messaging/router';
import { createTabContextStore } from '../lib/features/pages/tab-contexts';
import { createSiteRegistry } from '../lib/features/pages/site-registry';
import { createSitesArea } from '../lib/features/pages/sites-area';
import { createTokenVault } from '../lib/features/tokens/token-vault';

// Not `type: 'module'`: WXT would then build the background together with the popup and put
// their shared code (zod, the polyfill) in one chunk, so every schema the background uses would
// count against the popup's 60 KiB budget. As a classic script it is built on its own.
export default defineBackground({
  main() {
    // Extension CSP forbids eval: zod must not even try its compiled fast path (a CSP error each time).
    z.config({ jitless: true });

    // Secrets live in local storage (the vault) and the unlocked key in session storage: close
    // both to content scripts. Session storage is closed by default in Chrome and never exposed
    // in Firefox; local storage is open to content scripts by default, and only browsers that
    // offer setAccessLevel on it can close it (feature-detected; see docs/permissions.md).
    restrictToTrustedContexts(browser.storage.session, 'session');
    restrictToTrustedContexts(browser.storage.local, 'local');

    // One instance of each store per service worker: their write queues are what serialise updates.
    const tabContexts = createTabContextStore(browser.storage.session);
    const activity = createActivityStore(browser.storage.local, {
      onWriteError: (error) => console.error('Saving the activity log failed:', error),
    });
    const deps = wireBackgroundDeps({
      sites: createSiteRegistry(createSitesArea(browser.storage.local)),
      tabContexts,
      vault: createTokenVault({ local: browser.storage.local, session: browser.storage.session }),
      activity,
      client: createAtlassianClient(defaultClientDeps((entry) => activity.record(entry))),
      async getTab(tabId) {
        try {
          const tab = await browser.tabs.get(tabId);
          return { url: tab.url };
        } catch {
          return null; // no such tab
        }
      },
      // Data Center servers are optional host permissions, granted per origin from the options page.
      hasHostPermission: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
      now: () => Date.now(),
    });
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

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';

function restrictToTrustedContexts(area: object, name: string): void {
  const withLevel = area as { setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void> };
  try {
    void withLevel.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch((error: unknown) =>
      console.error(`Restricting ${name} storage to the extension failed:`, error),
    );
  } catch (error) {
    // Browsers that know setAccessLevel only for session storage throw synchronously for local.
    console.error(`Restricting ${name} storage to the extension failed:`, error);
  }
}
