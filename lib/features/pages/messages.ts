import * as z from 'zod/mini';
import { defineMessages } from '../../core/messaging/define-message';
import { RejectedMessageError } from '../../core/messaging/reply';
import { cloudSiteHostOf } from '../../sites/site-host';
import { isDcSiteKey } from '../../sites/site-key';
import { siteKeySchema } from '../../sites/site-key-schema';
import { describeCloudIdStatus } from './cloud-id-status';
import type { PageContext } from './page-context';
import { pageContextSchema, siteHostSchema } from './page-context-schema';
import { dcSiteOfUrl, pageContextOfUrl } from './page-of-url';
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
  /** The Data Center sites the person added (the dc-sites feature's store, handed over by lib/background.ts). */
  dataCenter: DataCenterSites;
  now(): number;
}

export interface DataCenterSites {
  keys(): Promise<string[]>;
  get(baseUrl: string): Promise<{ baseUrl: string; version: string | null } | null>;
  /** A page of the site was reported at `now` (false: not an added site). */
  seen(baseUrl: string, now: number, version: string | null): Promise<boolean>;
}

const message = defineMessages<PagesDeps>();

/** Data Center sites are reached at their own address: there is no cloudId to read. */
export const DC_NO_CLOUD_ID_SENTENCE = 'Data Center sites have no cloudId: tokens are sent to the server itself.';

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
function contradictsUrl(reported: PageContext, url: string, dcSites: readonly string[]): string | null {
  const fromUrl = pageContextOfUrl(url, dcSites);
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
    .strictObject({
      type: z.literal('page-seen'),
      /** A Cloud host, or the base URL of a Data Center site the person added. */
      host: siteKeySchema,
      context: pageContextSchema,
      /** Data Center pages: their `ajs-version-number`. */
      version: z.optional(z.string().check(z.maxLength(40))),
    })
    .check(z.refine((m) => m.context.host === m.host, { message: 'context.host differs from host', path: ['context', 'host'] })),
  /** `fetchCloudId`: this tab, and no other, should read `/_edge/tenant_info` now and report it. */
  output: z.strictObject({ fetchCloudId: z.boolean() }),
  async handle(seen, sender, deps) {
    const dc = isDcSiteKey(seen.host);
    const dcSites = await deps.dataCenter.keys();
    // A script registered for a site the person has since removed (or a page claiming a site) is not heard.
    if (dc && !dcSites.includes(seen.host)) throw new RejectedMessageError(`${seen.host} is not a Data Center site added in the extension.`);
    const contradiction = contradictsUrl(seen.context, sender.url, dcSites);
    if (contradiction) throw new RejectedMessageError(contradiction);
    const now = deps.now();
    await deps.tabContexts.set(sender.tabId, { url: sender.url, context: seen.context, reportedAt: now });
    if (!dc) return deps.sites.pageSeen(seen.host, sender.tabId, now);
    // Data Center has no tenant_info and no cloudId.
    await deps.dataCenter.seen(seen.host, now, seen.version ?? null);
    return { fetchCloudId: false };
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
  /** The tab's site (a Cloud host or an added Data Center site's base URL), or null when it is on neither. */
  host: z.nullable(siteKeySchema),
  /** Null when the tab is not a Confluence page. */
  context: z.nullable(pageContextSchema),
  /** The registry's record of the site, or null if it was never seen. */
  site: z.nullable(siteViewSchema),
  cloudId: cloudIdStatusSchema,
  /** Set on a page of a Data Center site the person added; null on Cloud and elsewhere. */
  dataCenter: z.nullable(z.strictObject({ baseUrl: siteKeySchema, host: z.string(), version: z.nullable(z.string()) })),
});
export type TabState = z.infer<typeof tabStateSchema>;

export const getTabState = message({
  type: 'get-tab-state',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('get-tab-state'), tabId: z.number().check(z.int(), z.nonnegative()) }),
  output: tabStateSchema,
  async handle({ tabId }, _sender, deps): Promise<TabState> {
    const dcSites = await deps.dataCenter.keys().catch(() => []);
    const tab = await readTabPage({ ...deps, dcSiteKeys: async () => dcSites }, tabId);
    if (!tab) throw new RejectedMessageError(`There is no tab ${tabId}.`);
    const now = deps.now();
    const context = tab.context;
    const dcSite = tab.url ? dcSiteOfUrl(tab.url, dcSites) : undefined;
    if (dcSite) {
      const record = await deps.dataCenter.get(dcSite).catch(() => null);
      return {
        tabId,
        host: dcSite,
        context,
        site: null,
        cloudId: { state: 'unknown' as const, sentence: DC_NO_CLOUD_ID_SENTENCE, cloudId: null, fetchedAt: null, retryAt: null },
        dataCenter: { baseUrl: dcSite, host: new URL(dcSite).host, version: record?.version ?? null },
      };
    }
    const host = cloudSiteHostOf(tab.url);
    // A damaged registry still lets the popup show the tab's page; the cloudId part says why it is missing.
    const site = host ? await deps.sites.get(host).catch(() => 'damaged' as const) : null;
    if (site === 'damaged') {
      return {
        tabId,
        host,
        context,
        site: null,
        cloudId: { state: 'error' as const, sentence: SITES_DAMAGED_SENTENCE, cloudId: null, fetchedAt: null, retryAt: null },
        dataCenter: null,
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
    return { tabId, host, context, site: site && toSiteView(site, now), cloudId, dataCenter: null };
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
