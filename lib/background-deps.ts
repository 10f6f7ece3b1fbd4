import type { ActionDispatcher } from './features/page-actions/dispatcher';
import type { TokenChecker } from './features/token-checks/check-token';
import type { ActivityStore } from './features/activity/activity-store';
import type { TabContextStore } from './features/pages/tab-contexts';
import type { SiteRegistry } from './features/pages/site-registry';
import type { TokenVault } from './features/tokens/token-vault';

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
  /** The saved tokens; secrets stay inside it and the request client. */
  vault: TokenVault;
  /** The persisted log of calls to Atlassian. */
  activity: ActivityStore;
  /** Runs page actions (watch, …) for a tab. */
  actions: ActionDispatcher;
  /** Health checks and kind detection of saved tokens. */
  tokenChecks: TokenChecker;
}
