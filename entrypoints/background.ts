import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import * as z from 'zod';
import { defaultClientDeps } from '../lib/atlassian/default-deps';
import { createBackground } from '../lib/background';
import { createBadgeFlasher } from '../lib/core/badge-flash';
import { createBackgroundClipboard, type BackgroundClipboardApi } from '../lib/core/clipboard/background-clipboard';
import { createNotifier } from '../lib/core/messaging/change-notices';
import { createIndexedDbKeyStore } from '../lib/core/storage/indexeddb-key-store';
import { createPageToaster } from '../lib/core/toast/page-toaster';
import { browserReminderSurface, type ReminderBrowser } from '../lib/features/reminders/browser-surface';
import { DAILY_ALARM, ensureDailyAlarm, scheduleDailyAlarm } from '../lib/features/reminders/daily-alarm';
import { parseInvalidTokenNotificationId } from '../lib/features/token-checks/health/health-service';
import { createMenus, type MenusApi } from '../lib/features/page-actions/create-menus';
import type { ScriptingApi } from '../lib/core/content-scripts/dynamic-content-scripts';

/** Where WXT puts entrypoints/content.ts in the build; registered again for Data Center sites. */
const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';

// Not `type: 'module'`: WXT would then build the background together with the popup and put
// their shared code (zod, the polyfill) in one chunk, counted against the popup's budget.
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

    const reminderSurface = browserReminderSurface(browser as unknown as ReminderBrowser);
    // Every computed badge goes through the flasher, so an action's "✓" or "!" lasts its few
    // seconds and then gives way to the latest computed badge (lib/core/badge-flash.ts).
    const badge = createBadgeFlasher({
      show: (view) => reminderSurface.setBadge(view),
      // Bound late: only called when a flash ends, long after `background` exists.
      refresh: () => background.reminders.refreshBadge(),
      onError: (what, error) => console.error(`${what} failed:`, error),
    });
    // Chrome: an offscreen document (`browser.offscreen` is Chrome's, passed through by the
    // polyfill); Firefox has none and writes from this event page's own document.
    const clipboard = createBackgroundClipboard(browser as unknown as BackgroundClipboardApi, {
      onError: (what, error) => console.error(`${what} failed:`, error),
    });
    const toaster = createPageToaster(browser.tabs);
    const menus = browser.contextMenus as unknown as MenusApi;
    const background = createBackground({
      local: browser.storage.local,
      session: browser.storage.session,
      // The extension origin's IndexedDB: content scripts run in the page's origin and cannot open it.
      deviceKeys: createIndexedDbKeyStore(),
      extension: { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') },
      clientDeps: defaultClientDeps(),
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
      notify: createNotifier((notice) => browser.runtime.sendMessage(notice)),
      onError: (what, error) => console.error(`${what} failed:`, error),
      reminderSurface: { ...reminderSurface, setBadge: badge.setBadge },
      clipboard,
      toaster,
      flashBadge: (flash) => badge.flash(flash),
      openOptions: () => browser.runtime.openOptionsPage(),
      managedStorage: { read: () => browser.storage.managed.get() },
      dataCenter: {
        scripting: browser.scripting as unknown as ScriptingApi,
        contentScriptFiles: [CONTENT_SCRIPT_FILE],
        requestAccess: (pattern) => browser.permissions.request({ origins: [pattern] }),
        removeAccess: (pattern) => browser.permissions.remove({ origins: [pattern] }),
        rebuildMenus: (dcSites, hidden) => createMenus(menus, dcSites, hidden),
        async readPageTags(tabId) {
          // An isolated world: the page's own scripts cannot answer for its meta tags.
          const [frame] = await browser.scripting.executeScript({
            target: { tabId },
            func: () => {
              const meta = (name: string) => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? null;
              return { versionNumber: meta('ajs-version-number'), contextPath: meta('ajs-context-path') };
            },
          });
          return (frame?.result as { versionNumber: string | null; contextPath: string | null } | undefined) ?? null;
        },
        injectContentScript: async (tabId) => void (await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] })),
      },
    });
    // On the service worker's (event page's) global scope: only the extension's own code runs
    // there. The e2e suite drives these through it, and a developer can from its console.
    Object.assign(globalThis, { ctcBackground: Object.freeze({ clipboard, toaster, flashBadge: badge.flash }) });
    const { reminders, health, surfaces } = background;
    const failed = (what: string) => (error: unknown) => console.error(`${what} failed:`, error);

    // Menus outlive the worker: made on install and update, and at a start when the policy hides
    // other items than they were made without. A click or a shortcut runs the same dispatcher as
    // the popup (lib/features/page-actions/surface-runner.ts).
    browser.runtime.onInstalled.addListener(() => void background.rebuildMenus().catch(failed('Creating the menus')));
    void background.rebuildMenus({ atStart: true }).catch(failed('Creating the menus'));
    // Data Center sites' content scripts are not persisted by the browser: registered at every
    // start (browser start included), and again when the person revokes an origin in the browser.
    void background.dcSites.syncScripts().catch(failed('Registering the Data Center content scripts'));
    browser.permissions.onRemoved.addListener(() => void background.dcSites.syncScripts().catch(failed('Registering the Data Center content scripts')));
    browser.contextMenus.onClicked.addListener((info, tab) => void surfaces.onMenuClicked(info, tab).catch(failed('A menu action')));
    browser.commands.onCommand.addListener((command, tab) => {
      const target = tab ? Promise.resolve(tab) : browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active);
      void target.then((t) => surfaces.onCommand(command, t)).catch(failed('A keyboard shortcut'));
    });

    // The organisation's policy is read again as soon as an administrator changes it.
    browser.storage.onChanged.addListener((_changes, area) => {
      if (area === 'managed') void background.deps.policy.refresh().catch(failed('Reading the managed policy'));
    });
    // Listeners are registered synchronously so a restarted service worker receives the message that woke it.
    browser.runtime.onMessage.addListener((message, sender) => background.route(message, sender));
    // Exports: the export page asks for each piece over a port; the router checks who connected.
    browser.runtime.onConnect.addListener((port) => background.connect(port));
    // tabs.onRemoved needs no permission.
    browser.tabs.onRemoved.addListener((tabId) => {
      void background.onTabRemoved(tabId).catch((error: unknown) => console.error('Forgetting a closed tab failed:', error));
    });
    // Expiry reminders: a daily alarm, and an evaluation whenever the service worker starts.
    browser.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name !== DAILY_ALARM) return;
      void reminders.evaluate().catch(failed('Evaluating expiry reminders'));
      // The daily health check: a token that broke overnight shows "!" before a script fails.
      void health.runAll().catch(failed('The daily health check'));
    });
    browser.runtime.onInstalled.addListener(() => void scheduleDailyAlarm(browser.alarms, new Date()).catch(failed('Scheduling the daily alarm')));
    browser.runtime.onStartup.addListener(() => void scheduleDailyAlarm(browser.alarms, new Date()).catch(failed('Scheduling the daily alarm')));
    browser.notifications.onClicked.addListener((id) => {
      const refused = parseInvalidTokenNotificationId(id);
      if (refused === undefined) return void reminders.onNotificationClicked(id).catch(failed('Opening a reminder'));
      // A refused token's alert opens its Replace form.
      void browser.tabs.create({ url: browser.runtime.getURL(`/options.html#renew=${refused}`) }).catch(failed('Opening the options page'));
      void browser.notifications.clear(id).catch(failed('Clearing a notification'));
    });
    // Firefox has no notification buttons (and no onButtonClicked).
    browser.notifications.onButtonClicked?.addListener((id, index) => void reminders.onNotificationButton(id, index).catch(failed('A reminder button')));
    void ensureDailyAlarm(browser.alarms, new Date()).catch(failed('Scheduling the daily alarm'));
    void reminders.evaluate().catch(failed('Evaluating expiry reminders'));
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
