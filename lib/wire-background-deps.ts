import { createTokenChecker } from './features/token-checks/check-token';
import { createCloudIdSource } from './features/pages/cloud-id-source';
import { createActionDispatcher } from './features/page-actions/dispatcher';
import type { AtlassianClient } from './atlassian/client';
import type { BackgroundDeps } from './background-deps';

export interface BackgroundParts extends Omit<BackgroundDeps, 'actions' | 'tokenChecks'> {
  /** The request client: the only code that calls Atlassian. */
  client: AtlassianClient;
  /** Whether the extension may reach `origin` (`permissions.contains`). */
  hasHostPermission(origin: string): Promise<boolean>;
}

/**
 * Builds what the handlers need from the stores and the request client, the same way in the
 * service worker and in tests: one cloudId source shared by token checks and page actions.
 */
export function wireBackgroundDeps(parts: BackgroundParts): BackgroundDeps {
  const { client, hasHostPermission, ...rest } = parts;
  const cloudIds = createCloudIdSource({ sites: parts.sites, client });
  return {
    ...rest,
    actions: createActionDispatcher({ vault: parts.vault, client, cloudIds, tabContexts: parts.tabContexts, getTab: parts.getTab }),
    tokenChecks: createTokenChecker({ vault: parts.vault, client, cloudIds, sites: parts.sites, hasHostPermission }),
  };
}
