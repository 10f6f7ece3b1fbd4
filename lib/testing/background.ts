/**
 * The background as the service worker wires it, on in-memory storage and a scripted fetch:
 * for handler tests. Test-only.
 */
import { createActivityStore } from '../features/activity/activity-store';
import type { ActivityEntry } from '../atlassian/activity-log';
import { createAtlassianClient } from '../atlassian/client';
import { scriptedFetch, type ScriptStep } from '../atlassian/testing/scripted-fetch';
import { createTabContextStore } from '../features/pages/tab-contexts';
import { createSiteRegistry } from '../features/pages/site-registry';
import { createSitesArea } from '../features/pages/sites-area';
import { createMemoryStorageArea } from '../core/storage/storage-area';
import { createTokenVault } from '../features/tokens/token-vault';
import { createMessageRouter } from '../core/messaging/router';
import type { SenderLike } from '../core/messaging/sender-check';
import { backgroundHandlers } from '../background-handlers';
import { wireBackgroundDeps } from '../wire-background-deps';

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
}

export function createTestBackground(options: TestBackgroundOptions = {}) {
  let now = T0;
  const tabUrls = new Map<number, string | undefined>();
  const local = createMemoryStorageArea();
  const session = createMemoryStorageArea();
  const fake = scriptedFetch(options.steps ?? []);
  const granted = new Set(options.grantedOrigins ?? []);
  const logged: ActivityEntry[] = [];
  const activity = createActivityStore(local);
  const client = createAtlassianClient({
    fetch: fake.fetch,
    now: () => now,
    sleep: async () => {},
    random: () => 0.5,
    onActivity: (entry) => {
      logged.push(entry);
      activity.record(entry);
    },
  });
  const vault = createTokenVault({ local, session, now: () => new Date(2025, 2, 10, 12, 0, 0) });
  const deps = wireBackgroundDeps({
    sites: createSiteRegistry(createSitesArea(local)),
    tabContexts: createTabContextStore(session),
    vault,
    activity,
    client,
    getTab: async (tabId) => (tabUrls.has(tabId) ? { url: tabUrls.get(tabId) } : null),
    hasHostPermission: async (origin) => granted.has(origin),
    now: () => now,
  });
  const errors: unknown[] = [];
  const route = createMessageRouter(backgroundHandlers, deps, EXTENSION, (_type, error) => errors.push(error));
  /** A tab showing `url`, and the sender its content script has. */
  const openTab = (tabId: number, url: string | undefined): SenderLike => {
    tabUrls.set(tabId, url);
    return { id: 'ext-id', url, frameId: 0, tab: { id: tabId, url } };
  };
  return {
    route,
    deps,
    local,
    session,
    errors,
    openTab,
    calls: fake.calls,
    logged,
    grant: (origin: string) => granted.add(origin),
    advance: (ms: number) => (now += ms),
  };
}
