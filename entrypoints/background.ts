import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import * as z from 'zod';
import { defaultClientDeps } from '../lib/atlassian/default-deps';
import { createBackground } from '../lib/background';
import { createNotifier } from '../lib/core/messaging/change-notices';
import { createIndexedDbKeyStore } from '../lib/core/storage/indexeddb-key-store';
import { browserReminderSurface, type ReminderBrowser } from '../lib/features/reminders/browser-surface';
import { DAILY_ALARM, ensureDailyAlarm, scheduleDailyAlarm } from '../lib/features/reminders/daily-alarm';
import { parseInvalidTokenNotificationId } from '../lib/features/token-checks/health/health-service';

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
      reminderSurface: browserReminderSurface(browser as unknown as ReminderBrowser),
    });
    const { reminders, health } = background;
    const failed = (what: string) => (error: unknown) => console.error(`${what} failed:`, error);

    // Listeners are registered synchronously so a restarted service worker receives the message that woke it.
    browser.runtime.onMessage.addListener((message, sender) => background.route(message, sender));
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
