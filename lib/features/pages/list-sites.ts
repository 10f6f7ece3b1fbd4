import type { ExtensionPageHandler } from '../../core/messaging/router';
import { listSitesMessageSchema, type ListSitesMessage, type SiteList } from './schemas/list-sites';
import type { BackgroundDeps } from '../../background-deps';
import { toSiteView } from './site-view';

export const listSitesHandler: ExtensionPageHandler<BackgroundDeps, ListSitesMessage, SiteList> = {
  type: 'list-sites',
  from: 'extension-page',
  schema: listSitesMessageSchema,
  async handle(_message, _sender, deps) {
    const now = deps.now();
    const sites = [...(await deps.sites.list())].sort((a, b) => b.lastSeenAt - a.lastSeenAt);
    return { sites: sites.map((site) => toSiteView(site, now)) };
  },
};
