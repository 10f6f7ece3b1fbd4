/*
 * The export port's requests (`runtime.connect({ name: 'ctc-export' })`): each defined once, like
 * a runtime message, with its sender, strict schemas both ways and handler. Only extension pages
 * may connect (the router's sender check); no request names a URL or method, only ids on a site.
 * docs/messages.md describes each one.
 */
import * as z from 'zod';
import type { ActivityEntry } from '../../../atlassian/activity-log';
import type { AtlassianClient } from '../../../atlassian/client';
import { actionFailureSchema } from '../../../atlassian/failure-view-schema';
import { toActionFailure as toFailureView } from '../../../atlassian/failure-view';
import { defineMessages } from '../../../core/messaging/define-message';
import { siteLabel } from '../../../sites/site';
import { isSiteKey, SITE_KEY_MAX_CHARS, siteOfKey } from '../../../sites/site-key';
import { listTree } from '../tree/list-tree';
import type { ExportRoute } from './export-route';
import { listExportAttachments, readExportFile, readExportPage, type ExportReadDeps } from './export-reads';

export { EXPORT_PORT_NAME } from '../export-port-name';

export interface ExportPortDeps {
  routeFor(host: string): Promise<ExportRoute>;
  client: Pick<AtlassianClient, 'request' | 'paginate'>;
  recordActivity(entry: ActivityEntry): void;
  now(): number;
  /** This connection's: aborted when the export page goes away. */
  signal: AbortSignal;
}

const message = defineMessages<ExportPortDeps>();

// A site key (lib/sites/site-key.ts): a Cloud host, or a Data Center base URL.
const host = z.string().min(1).max(SITE_KEY_MAX_CHARS).refine(isSiteKey, 'not a Confluence site');
const id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/);
const stats = z.strictObject({ calls: z.number().int().nonnegative(), rateLimited: z.number().int().nonnegative() });
const failed = z.strictObject({ ok: z.literal(false), failure: actionFailureSchema, stats });
const maybe = z.string().optional();

const pageSchema = z.strictObject({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  spaceKey: maybe,
  spaceName: maybe,
  version: z.number(),
  updatedAt: maybe,
  updatedBy: maybe,
  createdAt: maybe,
  createdBy: maybe,
  labels: z.array(z.string()),
  siteUrl: z.string(),
  webUrl: z.string(),
  tinyUrl: maybe,
  ancestors: z.array(z.strictObject({ id: z.string(), title: z.string() })),
  bodies: z.strictObject({ storage: maybe, adf: maybe, exportView: maybe }),
});

const reads = (deps: ExportPortDeps): ExportReadDeps => ({ routeFor: deps.routeFor, client: deps.client, signal: deps.signal });

export const exportToken = message({
  type: 'export-token',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('export-token'), host }),
  /** Which token the export will use there (its label), or why none can be. */
  output: z.union([z.strictObject({ ok: z.literal(true), tokenLabel: z.string(), readOnly: z.boolean() }), z.strictObject({ ok: z.literal(false), failure: actionFailureSchema })]),
  async handle(m, _sender, deps) {
    const route = await deps.routeFor(m.host);
    return route.ok ? { ok: true as const, tokenLabel: route.tokenLabel, readOnly: route.credential.readOnly } : { ok: false as const, failure: route.failure };
  },
});

export const exportPage = message({
  type: 'export-page',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('export-page'), host, contentId: id }),
  output: z.union([z.strictObject({ ok: z.literal(true), page: pageSchema, stats }), failed]),
  handle: (m, _sender, deps) => readExportPage(reads(deps), m.host, m.contentId),
});

export const exportAttachments = message({
  type: 'export-attachments',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('export-attachments'), host, contentId: id }),
  output: z.union([
    z.strictObject({
      ok: z.literal(true),
      attachments: z.array(z.strictObject({ id: z.string(), title: z.string(), mediaType: maybe, fileSize: z.number().optional() })),
      stats,
    }),
    failed,
  ]),
  handle: (m, _sender, deps) => listExportAttachments(reads(deps), m.host, m.contentId),
});

export const exportFile = message({
  type: 'export-file',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('export-file'), host, contentId: id, attachmentId: id }),
  output: z.union([
    z.strictObject({
      ok: z.literal(true),
      file: z.union([
        // A signed media URL carries no credential of ours (API-FACTS): the page fetches it without any.
        z.strictObject({ kind: z.literal('signed-url'), url: z.url({ protocol: /^https$/ }), mediaType: maybe }),
        z.strictObject({ kind: z.literal('bytes'), base64: z.string(), mediaType: maybe }),
      ]),
      stats,
    }),
    failed,
  ]),
  handle: (m, _sender, deps) => readExportFile(reads(deps), m.host, m.contentId, m.attachmentId),
});

export const exportTree = message({
  type: 'export-tree',
  from: 'extension-page',
  input: z.strictObject({ type: z.literal('export-tree'), host, contentId: id }),
  output: z.union([
    z.strictObject({
      ok: z.literal(true),
      via: z.enum(['v2-descendants', 'v1-descendants']),
      entries: z.array(z.strictObject({ id: z.string(), title: z.string(), type: z.string(), parentId: z.string(), depth: z.number(), position: z.number().optional() })),
      truncated: z.boolean(),
      stats,
    }),
    failed,
  ]),
  async handle(m, _sender, deps) {
    const route = await deps.routeFor(m.host);
    if (!route.ok) return { ok: false as const, failure: route.failure, stats: { calls: 0, rateLimited: 0 } };
    const listed = await listTree({ client: deps.client, credential: route.credential, site: route.site }, m.contentId, { signal: deps.signal });
    if (!listed.ok) return { ok: false as const, failure: toFailureView(listed.failure), stats: { calls: 1, rateLimited: 0 } };
    return { ok: true as const, via: listed.via, entries: listed.entries, truncated: listed.truncated, stats: { calls: listed.calls, rateLimited: listed.rateLimited } };
  },
});

export const exportDone = message({
  type: 'export-done',
  from: 'extension-page',
  input: z.strictObject({
    type: z.literal('export-done'),
    host,
    rootId: id,
    outcome: z.enum(['done', 'cancelled', 'failed']),
    pages: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    attachments: z.number().int().nonnegative(),
    calls: z.number().int().nonnegative(),
    rateLimited: z.number().int().nonnegative(),
    durationMs: z.number().nonnegative(),
  }),
  output: z.strictObject({ recorded: z.boolean() }),
  /** One activity entry for the whole export (its failed calls were logged one by one). */
  async handle(m, _sender, deps) {
    const route = await deps.routeFor(m.host);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    const parts = [
      `${m.outcome === 'done' ? 'exported' : m.outcome === 'cancelled' ? 'cancelled after' : 'stopped after'} ${plural(m.pages, 'page')}`,
      ...(m.attachments > 0 ? [plural(m.attachments, 'attachment')] : []),
      plural(m.calls, 'call'),
      ...(m.failed > 0 ? [`${m.failed} failed`] : []),
      ...(m.rateLimited > 0 ? [plural(m.rateLimited, 'rate-limit wait')] : []),
    ];
    // Named as every call's entry names its site: by host (a DC key is a whole base URL).
    const site = siteOfKey(m.host);
    const apiRoot = site?.kind === 'dc' ? `${new URL(site.baseUrl).pathname.replace(/\/$/, '')}/rest/api` : '/wiki/rest/api';
    deps.recordActivity({
      time: new Date(Math.max(0, deps.now() - m.durationMs)).toISOString(),
      tokenLabel: route.ok ? route.tokenLabel : '(none)',
      site: site ? siteLabel(site) : m.host,
      operation: 'export',
      method: 'GET',
      path: `${apiRoot}/content/${m.rootId}`,
      status: null,
      durationMs: m.durationMs,
      outcome: m.outcome === 'cancelled' ? 'cancelled' : 'ok',
      retries: m.rateLimited,
      note: `Export: ${parts.join(', ')}.`,
    });
    return { recorded: true };
  },
});

export const exportPortRequests = [exportToken, exportPage, exportAttachments, exportFile, exportTree, exportDone] as const;
export type ExportPortRequests = typeof exportPortRequests;
