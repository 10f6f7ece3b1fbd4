import * as z from 'zod/mini';
import { defineMessages } from '../../core/messaging/define-message';
import { RejectedMessageError } from '../../core/messaging/reply';
import { cloudSiteHostOf } from '../../sites/site-host';
import { describeCloudIdStatus } from './cloud-id-status';
import type { PageContext } from './page-context';
import { pageContextSchema, siteHostSchema } from './page-context-schema';
import { parsePageContext } from './parse-page-context';
import type { CloudIdSource } from './cloud-id-source';
import type { SiteRegistry } from './site-registry';
import { cloudIdStatusSchema, siteViewSchema, toSiteView } from './site-view';
import type { TabContextStore } from './tab-contexts';
import { readTabPage } from './tab-page';
import { CLOUD_ID_BODY_MAX_CHARS, CLOUD_ID_REASON_MAX_CHARS } from './tenant-info-limits';

/* Page detection and sites: what the content script reports, and what the popup reads. docs/messages.md describes each. */

export interface PagesDeps {
  sites: SiteRegistry;
  /** cloudIds the background reads itself (see cloud-id-source.ts). */
  cloudIds: Pick<CloudIdSource, 'refresh'>;
  tabContexts: TabContextStore;
  /** The tab's current URL (undefined where the extension may not see it), or null: no such tab. */
  getTab(tabId: number): Promise<{ url: string | undefined } | null>;
  now(): number;
}

const message = defineMessages<PagesDeps>();

/** Said when the stored registry cannot be read; the data is left as it is until the person resets it. */
export const SITES_DAMAGED_SENTENCE =
  'The list of known sites is damaged and cannot be shown. Reset it in the extension’s settings (the sites are found again as you open their pages).';

/** The registry, or a refusal with the sentence when the stored data is damaged (never a bare handler failure). */
async function readable<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch {
    throw new RejectedMessageError(SITES_DAMAGED_SENTENCE);
  }
}

/**
 * A content script can only describe the page its tab is on: whatever the URL itself says
 * (is it Confluence, which content id) must agree with the report.
 */
function contradictsUrl(reported: PageContext, url: string): string | null {
  const fromUrl = parsePageContext(url);
  if (!fromUrl) return 'The reported page is not a Confluence page according to its URL.';
  if (fromUrl.kind === 'content' && (reported.kind !== 'content' || reported.contentId !== fromUrl.contentId)) {
    return "The reported content id differs from the one in the page's URL.";
  }
  return null;
}

export const pageSeen = message({
  type: 'page-seen',
  from: 'content-script',
  input: z
    .strictObject({ type: z.literal('page-seen'), host: siteHostSchema, context: pageContextSchema })
    .check(z.refine((m) => m.context.host === m.host, { message: 'context.host differs from host', path: ['context', 'host'] })),
  /** `fetchCloudId`: this tab, and no other, should read `/_edge/tenant_info` now and report it. */
  output: z.strictObject({ fetchCloudId: z.boolean() }),
  async handle(seen, sender, deps) {
    const contradiction = contradictsUrl(seen.context, sender.url);
    if (contradiction) throw new RejectedMessageError(contradiction);
    const now = deps.now();
    await deps.tabContexts.set(sender.tabId, { url: sender.url, context: seen.context, reportedAt: now });
    return deps.sites.pageSeen(seen.host, sender.tabId, now);
  },
});

export const cloudIdResult = message({
  type: 'cloud-id-result',
  from: 'content-script',
  input: z.discriminatedUnion('ok', [
    z.strictObject({
      type: z.literal('cloud-id-result'),
      host: siteHostSchema,
      ok: z.literal(true),
      // The raw body: the background, not the page's side, decides whether it holds a cloudId.
      bodyText: z.string().check(z.maxLength(CLOUD_ID_BODY_MAX_CHARS)),
    }),
    z.strictObject({
      type: z.literal('cloud-id-result'),
      host: siteHostSchema,
      ok: z.literal(false),
      reason: z.string().check(z.minLength(1), z.maxLength(CLOUD_ID_REASON_MAX_CHARS)),
    }),
  ]),
  /** `recorded: false`: not expected from this tab (no lease), ignored. */
  output: z.strictObject({ recorded: z.boolean() }),
  handle(result, sender, deps) {
    const outcome = result.ok ? { ok: true as const, bodyText: result.bodyText } : { ok: false as const, reason: result.reason };
    return deps.sites.cloudIdResult(result.host, sender.tabId, outcome, deps.now());
  },
});

const tabStateSchema = z.strictObject({
  tabId: z.number(),
  /** The tab's Atlassian site host, or null when the tab is not on an Atlassian Cloud site. */
  host: z.nullable(siteHostSchema),
  /** Null when the tab is not a Confluence page. */
  context: z.nullable(pageContextSchema),
  /** The registry's record of the site, or null if it was never seen. */
  site: z.nullable(siteViewSchema),
  cloudId: cloudIdStatusSchema,
});
export type TabState = z.infer<typeof tabStateSchema>;

export const getTabState = message({
  type: 'get-tab-state',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('get-tab-state'), tabId: z.number().check(z.int(), z.nonnegative()) }),
  output: tabStateSchema,
  async handle({ tabId }, _sender, deps): Promise<TabState> {
    const tab = await readTabPage(deps, tabId);
    if (!tab) throw new RejectedMessageError(`There is no tab ${tabId}.`);
    const now = deps.now();
    const host = cloudSiteHostOf(tab.url);
    const context = tab.context;
    // A damaged registry still lets the popup show the tab's page; the cloudId part says why it is missing.
    const site = host ? await deps.sites.get(host).catch(() => 'damaged' as const) : null;
    if (site === 'damaged') {
      return {
        tabId,
        host,
        context,
        site: null,
        cloudId: { state: 'error' as const, sentence: SITES_DAMAGED_SENTENCE, cloudId: null, fetchedAt: null, retryAt: null },
      };
    }
    const cloudId = host
      ? describeCloudIdStatus(site, now)
      : {
          state: 'unknown' as const,
          sentence: 'This tab is not on an Atlassian Cloud site, so it has no cloudId.',
          cloudId: null,
          fetchedAt: null,
          retryAt: null,
        };
    return { tabId, host, context, site: site && toSiteView(site, now), cloudId };
  },
});

export const listSites = message({
  type: 'list-sites',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('list-sites') }),
  /** Most recently seen first. */
  output: z.strictObject({ sites: z.array(siteViewSchema) }),
  async handle(_message, _sender, deps) {
    const now = deps.now();
    const sites = [...(await readable(() => deps.sites.list()))].sort((a, b) => b.lastSeenAt - a.lastSeenAt);
    return { sites: sites.map((site) => toSiteView(site, now)) };
  },
});

/** "Read again": the background reads the site's tenant_info itself, no credentials, no redirects. */
export const cloudIdRefresh = message({
  type: 'cloud-id-refresh',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('cloud-id-refresh'), host: siteHostSchema }),
  output: z.strictObject({ cloudId: cloudIdStatusSchema }),
  async handle({ host }, _sender, deps) {
    if (!(await readable(() => deps.sites.get(host)))) throw new RejectedMessageError(`Open a Confluence page of ${host} first.`);
    const lookup = await deps.cloudIds.refresh(host);
    const status = describeCloudIdStatus(await deps.sites.get(host), deps.now());
    if (lookup.ok) return { cloudId: status };
    // The registry keeps the last good value; the answer says why this read failed.
    return { cloudId: { ...status, state: 'error' as const, sentence: lookup.failure.message } };
  },
});

/** Empties a damaged (or any) site registry; nothing else is touched. */
export const sitesReset = message({
  type: 'sites-reset',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('sites-reset') }),
  output: z.strictObject({ reset: z.literal(true) }),
  async handle(_message, _sender, deps) {
    await deps.sites.reset();
    return { reset: true as const };
  },
});

export const pagesMessages = [pageSeen, cloudIdResult, getTabState, listSites, cloudIdRefresh, sitesReset] as const;
