import type { ApiResult, Site } from '../../atlassian/client';
import { siteWebUrl, type WebSite } from '../../atlassian/endpoints';
import { toActionFailure } from '../../atlassian/failure-view';
import type { Content } from '../../atlassian/schemas/content';
import type { ActionResult, PageCard } from './action-result';
import { contentNoun, type PageAction, type PageActionCall } from './page-action';

/*
 * The popup's page card, and the links copy actions need, from one v1 call: v1 gives the space's
 * name, who made the last version and the tiny link in the same answer (v2 needs three calls).
 */

const EXPAND = 'space,version,metadata.labels';

/** Where people open the site's pages: the Cloud host, or the Data Center base URL with its context path. */
function webSiteOf(site: Site): WebSite {
  return site.kind === 'dc' ? { dcBaseUrl: site.baseUrl } : { host: site.host };
}

function cardOf(content: Content, site: Site): PageCard {
  const link = (relative: string | undefined) => {
    if (!relative) return undefined;
    // People's links always go to the site, never to the gateway the call may have used.
    const url = siteWebUrl(webSiteOf(site), relative);
    return url.ok ? url.value : undefined;
  };
  const webUrl = link(content._links?.webui);
  const tinyUrl = link(content._links?.tinyui);
  const by = content.version?.by;
  return {
    id: content.id,
    type: content.type,
    title: content.title ?? `Content ${content.id}`,
    ...(content.space?.key ? { spaceKey: content.space.key } : {}),
    ...(content.space?.name ? { spaceName: content.space.name } : {}),
    ...(content.version?.number !== undefined ? { version: content.version.number } : {}),
    ...(by?.displayName || by?.publicName ? { updatedBy: (by.displayName || by.publicName)! } : {}),
    ...(content.version?.when ? { updatedAt: content.version.when } : {}),
    labels: (content.metadata?.labels?.results ?? []).map((l) => l.name),
    ...(webUrl ? { webUrl } : {}),
    ...(tinyUrl ? { tinyUrl } : {}),
  };
}

export type CardLookup = { ok: true; card: PageCard } | { ok: false; result: ActionResult };

export async function readPageCard({ client, credential, site, target }: PageActionCall): Promise<CardLookup> {
  const result: ApiResult<Content> = await client.request({
    credential,
    site,
    operation: 'getContentById',
    pathParams: { id: target.context.contentId },
    query: { expand: EXPAND },
  });
  if (!result.ok) return { ok: false, result: { ok: false, failure: toActionFailure(result.failure) } };
  // The action's site, not `target.host`: on Data Center the key is a base URL, not a host to prefix.
  return { ok: true, card: cardOf(result.data, site) };
}

export const pageCardAction: PageAction = {
  name: 'page-card',
  operation: 'getContentById',
  async run(call) {
    const lookup = await readPageCard(call);
    if (!lookup.ok) return lookup.result;
    const { card } = lookup;
    return { ok: true, card, sentence: `“${card.title}”, a ${contentNoun(call.target)}${card.spaceName ? ` in ${card.spaceName}` : ''}.` };
  },
};
