import type { TabContextStore } from '../../pages/tab-contexts';
import type { SiteRegistry } from '../../sites/site-registry';

/** What the background's message handlers work with; tests pass in-memory versions. */
export interface BackgroundDeps {
  sites: SiteRegistry;
  tabContexts: TabContextStore;
  /**
   * The tab's current URL, or null when there is no such tab. The URL is undefined where the
   * extension may not see it (anything outside its host permissions).
   */
  getTab(tabId: number): Promise<{ url: string | undefined } | null>;
  now(): number;
}
