import * as z from 'zod/mini';
import { defineMessages } from '../../core/messaging/define-message';
import { siteKeySchema } from '../../sites/site-key-schema';
import type { DcSiteService, DcSiteStatus } from './dc-site-service';

/* Data Center sites the person adds and removes, for extension pages only. docs/messages.md describes each. */

export interface DcSitesDeps {
  dcSites: DcSiteService;
}

const message = defineMessages<DcSitesDeps>();

const dcSiteViewSchema = z.strictObject({
  baseUrl: siteKeySchema,
  /** `confluence.example.com`, how sentences and lists name it. */
  host: z.string(),
  addedAt: z.number(),
  lastSeenAt: z.nullable(z.number()),
  version: z.nullable(z.string()),
  accessGranted: z.boolean(),
  scriptRegistered: z.boolean(),
});
export type DcSiteView = z.infer<typeof dcSiteViewSchema>;

function toView({ site, accessGranted, scriptRegistered }: DcSiteStatus): DcSiteView {
  return { baseUrl: site.baseUrl, host: new URL(site.baseUrl).host, addedAt: site.addedAt, lastSeenAt: site.lastSeenAt, version: site.version, accessGranted, scriptRegistered };
}

export const dcSitesList = message({
  type: 'dc-sites-list',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('dc-sites-list') }),
  output: z.strictObject({ sites: z.array(dcSiteViewSchema) }),
  async handle(_message, _sender, deps) {
    return { sites: (await deps.dcSites.statuses()).map(toView) };
  },
});

/**
 * Adds the site at `baseUrl` once the page has asked the browser for its origin (from the
 * person's click): checked to be Confluence first; refused with a sentence, nothing saved.
 */
export const dcSiteAdd = message({
  type: 'dc-site-add',
  from: 'extension-page',
  // What the person typed: the background judges it (dc-site-address.ts), never trusts the page's reading.
  input: z.strictObject({ type: z.literal('dc-site-add'), baseUrl: z.string().check(z.maxLength(2048)) }),
  output: z.union([
    z.strictObject({ ok: z.literal(true), site: dcSiteViewSchema, alreadyAdded: z.boolean() }),
    z.strictObject({ ok: z.literal(false), problem: z.enum(['address', 'not-allowed', 'permission', 'unreachable', 'not-confluence']), sentence: z.string() }),
  ]),
  async handle({ baseUrl }, _sender, deps) {
    const outcome = await deps.dcSites.add(baseUrl);
    if (!outcome.ok) return outcome;
    const status = (await deps.dcSites.statuses()).find((s) => s.site.baseUrl === outcome.site.baseUrl);
    return { ok: true as const, site: toView(status ?? { site: outcome.site, accessGranted: true, scriptRegistered: false }), alreadyAdded: outcome.alreadyAdded };
  },
});

/** Removes a site: its content script goes, and its origin's access unless a saved token still needs it. Tokens stay. */
export const dcSiteRemove = message({
  type: 'dc-site-remove',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('dc-site-remove'), baseUrl: siteKeySchema }),
  output: z.strictObject({ removed: z.boolean(), accessRemoved: z.boolean() }),
  handle({ baseUrl }, _sender, deps) {
    return deps.dcSites.remove(baseUrl);
  },
});

export const dcSitesMessages = [dcSitesList, dcSiteAdd, dcSiteRemove] as const;
