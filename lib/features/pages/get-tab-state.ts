import { parsePageContext } from './parse-page-context';
import { cloudSiteHostOf } from '../../sites/site-host';
import { currentTabContext } from './tab-contexts';
import { describeCloudIdStatus } from './cloud-id-status';
import { RejectedMessageError } from '../../core/messaging/reply';
import type { ExtensionPageHandler } from '../../core/messaging/router';
import { getTabStateMessageSchema, type GetTabStateMessage, type TabState } from './schemas/get-tab-state';
import type { BackgroundDeps } from '../../background-deps';
import { toSiteView } from './site-view';

export const getTabStateHandler: ExtensionPageHandler<BackgroundDeps, GetTabStateMessage, TabState> = {
  type: 'get-tab-state',
  from: 'extension-page',
  schema: getTabStateMessageSchema,
  async handle(message, _sender, deps) {
    const tab = await deps.getTab(message.tabId);
    if (!tab) throw new RejectedMessageError(`There is no tab ${message.tabId}.`);
    const now = deps.now();
    const host = cloudSiteHostOf(tab.url);
    const context = currentTabContext(await deps.tabContexts.get(message.tabId), tab.url, (url) => parsePageContext(url));
    const site = host ? await deps.sites.get(host) : null;
    const cloudId = host
      ? describeCloudIdStatus(site, now)
      : {
          state: 'unknown' as const,
          sentence: 'This tab is not on an Atlassian Cloud site, so it has no cloudId.',
          cloudId: null,
          fetchedAt: null,
          retryAt: null,
        };
    return { tabId: message.tabId, host, context, site: site && toSiteView(site, now), cloudId };
  },
};
