/**
 * The background as the service worker wires it, on in-memory storage and a scripted fetch:
 * for handler tests. Test-only.
 */
import type { ActivityEntry } from '../atlassian/activity-log';
import { scriptedFetch, type ScriptStep } from '../atlassian/testing/scripted-fetch';
import { createBackground, type BackgroundPlatform } from '../background';
import type { ChangeTopic } from '../core/messaging/change-notices';
import type { SenderLike } from '../core/messaging/sender-check';
import { createMemoryDeviceKeyStore } from '../core/storage/memory-device-key-store';
import { createMemoryStorageArea } from '../core/storage/storage-area';
import type { FetchLike } from '../atlassian/download-redirect';
import type { BadgeView } from '../features/reminders/badge';
import type { ReminderSurface } from '../features/reminders/reminder-surface';

export const EXTENSION = { id: 'ext-id', baseUrl: 'chrome-extension://ext-id/' };
export const POPUP: SenderLike = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };
export const OPTIONS_PAGE: SenderLike = {
  id: 'ext-id',
  url: 'chrome-extension://ext-id/options.html',
  frameId: 0,
  tab: { id: 40, url: 'chrome-extension://ext-id/options.html' },
};
export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

export interface TestBackgroundOptions {
  /** The answers of the scripted fetch, in order; a call beyond them fails the test. */
  steps?: ScriptStep[];
  /** Origins (e.g. `https://confluence.dc.test`) the extension has a host permission for. */
  grantedOrigins?: string[];
  /** A real fetch instead of the script (the simulator's `sim.fetch`). */
  fetch?: FetchLike;
  /** The person's calendar date is taken in this time zone (default UTC, so tests are stable). */
  timeZone?: string;
  /** Data Center sites' browser side (content-script registration, menus); none: they cannot be added. */
  dataCenter?: BackgroundPlatform['dataCenter'];
  /** What managed storage holds (the organisation's policy); a function: read anew each time; none: no policy. */
  managedPolicy?: unknown;
}

/** Notifications shown and badges set, as the browser would have received them. */
export interface RecordedSurface {
  notifications: { id: string; title: string; message: string; buttons: string[] }[];
  badges: BadgeView[];
  opened: string[];
}

export function createTestBackground(options: TestBackgroundOptions = {}) {
  let now = T0;
  const tabUrls = new Map<number, string | undefined>();
  const local = createMemoryStorageArea();
  const session = createMemoryStorageArea();
  /** `deviceKeys.forget()` stands for an IndexedDB lost with the profile's data. */
  const deviceKeys = createMemoryDeviceKeyStore();
  const fake = scriptedFetch(options.steps ?? []);
  const granted = new Set(options.grantedOrigins ?? []);
  const logged: ActivityEntry[] = [];
  const errors: unknown[] = [];
  const notices: ChangeTopic[] = [];
  const shown: RecordedSurface = { notifications: [], badges: [], opened: [] };
  const reminderSurface: ReminderSurface = {
    showNotification: async (id, n) => void shown.notifications.push({ id, ...n }),
    clearNotification: async () => {},
    setBadge: async (view) => void shown.badges.push(view),
    openTab: async (url) => void shown.opened.push(url),
    optionsUrl: (hash) => `${EXTENSION.baseUrl}options.html#${hash}`,
  };
  const { route, deps, health, connect, rebuildMenus } = createBackground({
    local,
    session,
    deviceKeys,
    extension: EXTENSION,
    clientDeps: { fetch: options.fetch ?? fake.fetch, now: () => now, sleep: async () => {}, random: () => 0.5 },
    reminderSurface,
    timeZone: options.timeZone ?? 'UTC',
    onActivity: (entry) => logged.push(entry),
    vaultNow: () => new Date(2025, 2, 10, 12, 0, 0),
    getTab: async (tabId) => (tabUrls.has(tabId) ? { url: tabUrls.get(tabId) } : null),
    hasHostPermission: async (origin) => granted.has(origin),
    now: () => now,
    notify: (topic) => notices.push(topic),
    onError: (_what, error) => errors.push(error),
    ...(options.dataCenter ? { dataCenter: options.dataCenter } : {}),
    ...(options.managedPolicy !== undefined
      ? { managedStorage: { read: async () => (typeof options.managedPolicy === 'function' ? (options.managedPolicy as () => unknown)() : options.managedPolicy) } }
      : {}),
  });
  /** A tab showing `url`, and the sender its content script has. */
  const openTab = (tabId: number, url: string | undefined): SenderLike => {
    tabUrls.set(tabId, url);
    return { id: 'ext-id', url, frameId: 0, tab: { id: tabId, url } };
  };
  return {
    route,
    deps,
    health,
    connect,
    rebuildMenus,
    shown,
    local,
    session,
    deviceKeys,
    errors,
    notices,
    openTab,
    calls: fake.calls,
    logged,
    grant: (origin: string) => granted.add(origin),
    advance: (ms: number) => (now += ms),
  };
}
