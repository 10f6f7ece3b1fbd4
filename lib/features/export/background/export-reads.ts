/**
 * The reads an export asks the background for, one port request each. The token comes from the
 * same choice as page actions (`routeFor`); every call goes through the chokepoint, logging only
 * failures (the page sends one summary at the end), and stops when the page disconnects.
 */
import type { AtlassianClient } from '../../../atlassian/client';
import { toActionFailure, type ActionFailure } from '../../../atlassian/failure-view';
import type { Site } from '../../../sites/site';
import type { ExportAttachment, ExportCallStats, ExportFile, ExportPageData } from '../export-page-data';
import { EXPORT_EXPANSIONS_CLOUD, EXPORT_EXPANSIONS_DC, exportContentSchema, type ExportContent } from './export-content-schema';
import type { ExportRoute } from './export-route';

export interface ExportReadDeps {
  routeFor(host: string): Promise<ExportRoute>;
  client: Pick<AtlassianClient, 'request' | 'paginate'>;
  /** Aborted when the export page disconnects. */
  signal: AbortSignal;
}

export type ExportAnswer<T> = ({ ok: true } & T & { stats: ExportCallStats }) | { ok: false; failure: ActionFailure; stats: ExportCallStats };

/** Attachments above this are not sent through the port as bytes (Data Center has no signed URL). */
export const MAX_PORT_FILE_BYTES = 16 * 1024 * 1024;

const NO_CALLS: ExportCallStats = { calls: 0, rateLimited: 0 };

function siteUrlOf(site: Site): string {
  return site.kind === 'cloud' ? `https://${site.host}` : site.baseUrl.replace(/\/+$/, '');
}

/** A site-relative `_links` path made absolute on the site (never the gateway). */
function onSite(siteUrl: string, site: Site, path: string | undefined): string | undefined {
  if (!path) return undefined;
  if (/^https?:\/\//i.test(path)) return path;
  const wiki = site.kind === 'cloud' ? '/wiki' : '';
  return `${siteUrl}${wiki}${path.startsWith('/') ? '' : '/'}${path}`;
}

function personName(user: { displayName?: string | null | undefined; publicName?: string | undefined; username?: string | undefined } | undefined): string | undefined {
  return user?.displayName ?? user?.publicName ?? user?.username ?? undefined;
}

export function toExportPage(content: ExportContent, site: Site): ExportPageData {
  const siteUrl = siteUrlOf(site);
  const webUrl = onSite(siteUrl, site, content._links?.webui) ?? `${siteUrl}${site.kind === 'cloud' ? '/wiki' : ''}/pages/viewpage.action?pageId=${encodeURIComponent(content.id)}`;
  return {
    id: content.id,
    type: content.type,
    title: content.title ?? `Page ${content.id}`,
    spaceKey: content.space?.key,
    spaceName: content.space?.name,
    version: content.version?.number ?? 1,
    updatedAt: content.version?.when,
    updatedBy: personName(content.version?.by),
    createdAt: content.history?.createdDate,
    createdBy: personName(content.history?.createdBy),
    labels: (content.metadata?.labels?.results ?? []).map((l) => l.name),
    siteUrl,
    webUrl,
    tinyUrl: onSite(siteUrl, site, content._links?.tinyui),
    ancestors: (content.ancestors ?? []).map((a) => ({ id: a.id, title: a.title ?? a.id })),
    bodies: {
      storage: content.body?.storage?.value,
      adf: content.body?.atlas_doc_format?.value,
      exportView: content.body?.export_view?.value,
    },
  };
}

export async function readExportPage(deps: ExportReadDeps, host: string, contentId: string): Promise<ExportAnswer<{ page: ExportPageData }>> {
  const route = await deps.routeFor(host);
  if (!route.ok) return { ok: false, failure: route.failure, stats: NO_CALLS };
  const read = await deps.client.request({
    credential: route.credential,
    site: route.site,
    operation: 'getContentById',
    pathParams: { id: contentId },
    query: { expand: route.site.kind === 'dc' ? EXPORT_EXPANSIONS_DC : EXPORT_EXPANSIONS_CLOUD },
    schema: exportContentSchema,
    activity: 'failures',
    signal: deps.signal,
  });
  if (!read.ok) return { ok: false, failure: toActionFailure(read.failure), stats: { calls: 1, rateLimited: 0 } };
  return { ok: true, page: toExportPage(read.data, route.site), stats: { calls: 1, rateLimited: read.meta.rateLimited } };
}

export async function listExportAttachments(deps: ExportReadDeps, host: string, contentId: string): Promise<ExportAnswer<{ attachments: ExportAttachment[] }>> {
  const route = await deps.routeFor(host);
  if (!route.ok) return { ok: false, failure: route.failure, stats: NO_CALLS };
  if (route.site.kind === 'dc') return listDcAttachments(deps, route, contentId);
  const listed = await deps.client.paginate({
    credential: route.credential,
    site: route.site,
    operation: 'getPageAttachments',
    pathParams: { id: contentId },
    query: { limit: 250 },
    activity: 'failures',
    signal: deps.signal,
    maxPages: 40,
  });
  const calls = Math.max(1, listed.pages.length);
  if (!listed.ok) return { ok: false, failure: toActionFailure(listed.failure), stats: { calls, rateLimited: 0 } };
  const attachments = listed.pages.flatMap((page) =>
    page.results
      .filter((a) => a.status === undefined || a.status === 'current')
      .map((a) => ({ id: a.id, title: a.title, mediaType: a.mediaType, fileSize: a.fileSize })),
  );
  return { ok: true, attachments, stats: { calls, rateLimited: listed.rateLimited } };
}

type ReadyRoute = Extract<ExportRoute, { ok: true }>;

/** Data Center has no v2: its attachments are v1 content of type `attachment` below the page. */
async function listDcAttachments(deps: ExportReadDeps, route: ReadyRoute, contentId: string): Promise<ExportAnswer<{ attachments: ExportAttachment[] }>> {
  const listed = await deps.client.paginate({
    credential: route.credential,
    site: route.site,
    operation: 'getContentAttachments',
    pathParams: { id: contentId },
    // Data Center caps a page of results on its own side; `next` links carry on from there.
    query: { limit: 100 },
    activity: 'failures',
    signal: deps.signal,
    maxPages: 40,
  });
  const calls = Math.max(1, listed.pages.length);
  if (!listed.ok) return { ok: false, failure: toActionFailure(listed.failure), stats: { calls, rateLimited: 0 } };
  const attachments = listed.pages.flatMap((page) =>
    page.results
      .filter((a) => a.status === undefined || a.status === 'current')
      .map((a) => ({ id: a.id, title: a.title ?? a.id, mediaType: a.extensions?.mediaType, fileSize: a.extensions?.fileSize })),
  );
  return { ok: true, attachments, stats: { calls, rateLimited: listed.rateLimited } };
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let at = 0; at < bytes.length; at += step) binary += String.fromCharCode(...bytes.subarray(at, at + step));
  return btoa(binary);
}

function tooLarge(stats: ExportCallStats): ExportAnswer<{ file: ExportFile }> {
  return {
    ok: false,
    failure: { class: 'malformed-response', message: 'The attachment is too large to pass to the export page without a signed download link.', fix: 'Download it from the page in Confluence.' },
    stats,
  };
}

async function bytesOver(blob: Blob, mediaType: string | undefined, stats: ExportCallStats): Promise<ExportAnswer<{ file: ExportFile }>> {
  if (blob.size > MAX_PORT_FILE_BYTES) return tooLarge(stats);
  return { ok: true, file: { kind: 'bytes', base64: base64Of(new Uint8Array(await blob.arrayBuffer())), mediaType }, stats };
}

export async function readExportFile(deps: ExportReadDeps, host: string, contentId: string, attachmentId: string): Promise<ExportAnswer<{ file: ExportFile }>> {
  const route = await deps.routeFor(host);
  if (!route.ok) return { ok: false, failure: route.failure, stats: NO_CALLS };
  if (route.site.kind === 'dc') return readDcFile(deps, route, contentId, attachmentId);
  const read = await deps.client.request({
    credential: route.credential,
    site: route.site,
    operation: 'downloadAttachment',
    pathParams: { id: contentId, attachmentId },
    // The page fetches the signed media URL itself: the bytes never cross the port.
    download: 'hand-off',
    activity: 'failures',
    signal: deps.signal,
  });
  if (!read.ok) return { ok: false, failure: toActionFailure(read.failure), stats: { calls: 1, rateLimited: 0 } };
  const stats = { calls: 1, rateLimited: read.meta.rateLimited };
  const mediaType = read.data.contentType ?? undefined;
  if (read.data.kind === 'signed-url') return { ok: true, file: { kind: 'signed-url', url: read.data.url, mediaType }, stats };
  return bytesOver(read.data.blob, mediaType, stats);
}

/**
 * Data Center: the attachment is looked up by id here (the Export page names only ids, never a
 * URL), must be a file of that very page, and is fetched through its own `_links.download`, which
 * the chokepoint keeps below the site's base URL. The bytes cross the port (no signed URL on DC).
 */
async function readDcFile(deps: ExportReadDeps, route: ReadyRoute, contentId: string, attachmentId: string): Promise<ExportAnswer<{ file: ExportFile }>> {
  const looked = await deps.client.request({
    credential: route.credential,
    site: route.site,
    operation: 'getContentById',
    pathParams: { id: attachmentId },
    query: { expand: 'container' },
    activity: 'failures',
    signal: deps.signal,
  });
  if (!looked.ok) return { ok: false, failure: toActionFailure(looked.failure), stats: { calls: 1, rateLimited: 0 } };
  const attachment = looked.data;
  const lookStats = { calls: 1, rateLimited: looked.meta.rateLimited };
  const downloadLink = attachment._links?.download;
  if (attachment.type !== 'attachment' || attachment.container === undefined || String(attachment.container.id) !== contentId || downloadLink === undefined) {
    return {
      ok: false,
      failure: {
        class: 'no-permission-or-not-found',
        message: `Confluence does not list ${attachmentId} as a file of page ${contentId}, so it was not downloaded.`,
        fix: 'Export the page again; if it repeats, open the page in Confluence and check its attachments.',
      },
      stats: lookStats,
    };
  }
  // Said before the download, so a file too large for the port is not read in full first.
  if ((attachment.extensions?.fileSize ?? 0) > MAX_PORT_FILE_BYTES) return tooLarge(lookStats);
  const read = await deps.client.request({
    credential: route.credential,
    site: route.site,
    operation: 'downloadAttachmentDc',
    pathParams: { downloadLink },
    download: 'bytes',
    activity: 'failures',
    signal: deps.signal,
  });
  if (!read.ok) return { ok: false, failure: toActionFailure(read.failure), stats: { calls: 2, rateLimited: lookStats.rateLimited } };
  const stats = { calls: 2, rateLimited: lookStats.rateLimited + read.meta.rateLimited };
  const mediaType = read.data.contentType ?? attachment.extensions?.mediaType;
  // Never on DC (its downloads are bytes, redirects refused): a type guard, not a case.
  if (read.data.kind !== 'bytes') {
    return { ok: false, failure: { class: 'malformed-response', message: 'Data Center answered the download with a link instead of the file.', fix: 'Export again.' }, stats };
  }
  return bytesOver(read.data.blob, mediaType, stats);
}
