import * as z from 'zod/mini';
import type { StorageAreaLike } from '../../core/storage/storage-area';
import { createVersionedArea, type VersionedAreaDefinition } from '../../core/storage/versioned-area';
import { pageContextSchema } from './page-context-schema';
import type { PageContext } from './page-context';

/*
 * The latest page context each tab's content script reported, in `storage.session` so that a
 * restarted service worker still knows it, and so that it is gone when the browser closes.
 */

const tabEntrySchema = z.object({
  /** The URL the context was reported for (the tab's URL as the browser saw it). */
  url: z.string(),
  context: pageContextSchema,
  reportedAt: z.number(),
});
export type TabContextEntry = z.infer<typeof tabEntrySchema>;

const tabContextsSchema = z.object({ tabs: z.record(z.string().check(z.regex(/^\d+$/)), tabEntrySchema) });
type TabContextsData = z.infer<typeof tabContextsSchema>;

export const tabContextsAreaDefinition: VersionedAreaDefinition<TabContextsData> = {
  key: 'tabContexts',
  version: 1,
  parse: (data) => tabContextsSchema.parse(data),
  empty: () => ({ tabs: {} }),
  migrations: {},
};

export interface TabContextStore {
  set(tabId: number, entry: TabContextEntry): Promise<void>;
  get(tabId: number): Promise<TabContextEntry | null>;
  remove(tabId: number): Promise<void>;
}

export function createTabContextStore(session: StorageAreaLike): TabContextStore {
  const area = createVersionedArea(session, tabContextsAreaDefinition);
  return {
    async set(tabId, entry) {
      await area.update((data) => ({ tabs: { ...data.tabs, [tabId]: entry } }));
    },
    async get(tabId) {
      return (await area.read()).tabs[tabId] ?? null;
    },
    async remove(tabId) {
      await area.update((data) => {
        const { [tabId]: _removed, ...tabs } = data.tabs;
        return { tabs };
      });
    },
  };
}

/** The URL without its fragment: moving to an anchor does not change the page. */
function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/**
 * The context to show for a tab now. The stored report only counts while the tab is still on the
 * URL it was made for (the tab may have navigated to a page without a content script since);
 * otherwise the tab's current URL alone decides. `tabUrl` is undefined for tabs whose URL the
 * extension may not see, i.e. anything not on an Atlassian site.
 */
export function currentTabContext(
  entry: TabContextEntry | null,
  tabUrl: string | undefined,
  parseUrl: (url: string) => PageContext | null,
): PageContext | null {
  if (!tabUrl) return null;
  if (entry && withoutHash(entry.url) === withoutHash(tabUrl)) return entry.context;
  return parseUrl(tabUrl);
}
