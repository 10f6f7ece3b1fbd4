import { menuItems } from './action-menus';
import type { ActionName } from './action-names';

/** The slice of `contextMenus` (Chrome) / `menus` (Firefox) that creating ours needs. */
export interface MenusApi {
  removeAll(): Promise<void>;
  create(properties: { id: string; title: string; contexts: string[]; documentUrlPatterns?: string[]; targetUrlPatterns?: string[] }, callback?: () => void): unknown;
}

let queue: Promise<void> = Promise.resolve();

/**
 * Puts our menu items in place, replacing what an earlier version made: menus outlive the
 * service worker, so this runs on install and update (and when a Data Center site is added or
 * removed, whose pages the page items then match), not at every start. One run at a time:
 * two overlapping runs would interleave their removeAll and creates into duplicate ids.
 */
export function createMenus(menus: MenusApi, dcSites: readonly string[] = [], hidden: readonly ActionName[] = []): Promise<void> {
  const run = queue.then(() => createMenusNow(menus, dcSites, hidden));
  queue = run.catch(() => undefined);
  return run;
}

async function createMenusNow(menus: MenusApi, dcSites: readonly string[], hidden: readonly ActionName[]): Promise<void> {
  await menus.removeAll();
  for (const item of menuItems(dcSites, hidden)) {
    menus.create({
      id: item.id,
      title: item.title,
      contexts: item.contexts,
      ...(item.documentUrlPatterns ? { documentUrlPatterns: item.documentUrlPatterns } : {}),
      ...(item.targetUrlPatterns ? { targetUrlPatterns: item.targetUrlPatterns } : {}),
    });
  }
}
