/**
 * One export, page or tree, from reading to the finished file: runs in the export page (its
 * DOM converts, its fetch reads signed media URLs), asks the background for every authenticated
 * read, writes a zip as a stream, and never stops at one failure: each is listed in the result
 * and in the tree's `manifest.json`. Cancelling (the signal) stops everything and makes no file.
 */
import { attachmentPath, layoutSinglePage, layoutTree, relativeLink, type PageLayout } from '../files/bundle-layout';
import { isAlreadyCompressed } from '../files/compression-choice';
import { ZipEntryError } from '../files/zip-writer';
import { githubSlug } from '../markdown/gfm';
import { exportDownloadName } from '../files/download-name';
import { manifestJson, treeIndexHtml, treeIndexMarkdown, type ExportManifest, type ManifestFailure, type ManifestPage, type ManifestUnconverted } from '../files/export-manifest';
import type { ExportAttachment, ExportPageData } from '../export-page-data';
import type { PageRef } from '../conversion';
import { createProgress, type ExportProgress } from '../tree/export-progress';
import { runPool } from '../tree/work-pool';
import { FORMAT_EXTENSIONS, FORMAT_MEDIA_TYPES, isSingleFile, orderedFormats, withFormat, type ExportChoices } from './export-choices';
import type { ExportSource, SourceAnswer } from './export-source';
import { renderPageDocuments, siteAttachmentUrl, type DocumentEnv, type DocumentLinks } from './page-documents';

/** The zip writer the job streams into (files/zip-writer.ts; tests may pass another). */
export interface ZipTarget {
  addText(path: string, text: string): Promise<void>;
  addBytes(path: string, bytes: Uint8Array, options?: { compress?: boolean }): Promise<void>;
  addStream(path: string, stream: ReadableStream<Uint8Array>, options?: { compress?: boolean; signal?: AbortSignal }): Promise<number>;
  finish(): Promise<Blob>;
  abort(): void;
}

export interface ExportJobDeps {
  source: ExportSource;
  env: DocumentEnv;
  createZip(): ZipTarget;
  now(): number;
  signal: AbortSignal;
  onProgress?(progress: ExportProgress): void;
  /** The root page, when the export page has just read it (one call fewer). */
  rootPage?: ExportPageData;
  /** Pages read at once at first (the pool adapts to 429s from there). */
  initialConcurrency?: number;
  maxConcurrency?: number;
}

export interface ExportJobResult {
  outcome: 'done' | 'cancelled' | 'failed';
  /** The file to save; none when cancelled or when nothing could be exported. */
  file?: { name: string; blob: Blob };
  /** The sentence to show when the whole export failed (the root page could not be read, say). */
  sentence?: string;
  rootTitle: string;
  pages: number;
  attachments: number;
  failures: ManifestFailure[];
  unconverted: ManifestUnconverted[];
  stats: { calls: number; rateLimited: number; durationMs: number };
  tree?: 'v2-descendants' | 'v1-descendants';
}

interface Tally {
  calls: number;
  rateLimited: number;
  attachments: number;
  failures: ManifestFailure[];
  unconverted: ManifestUnconverted[];
  /** One page's tally inside the export's: counts go to both (pages run side by side). */
  parent?: Tally;
}

function count<T extends object>(tally: Tally, answer: SourceAnswer<T>): SourceAnswer<T> {
  for (let t: Tally | undefined = tally; t; t = t.parent) {
    t.calls += answer.stats.calls;
    t.rateLimited += answer.stats.rateLimited;
  }
  return answer;
}

function countAttachments(tally: Tally, files: number): void {
  for (let t: Tally | undefined = tally; t; t = t.parent) t.attachments += files;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function tallyUnconverted(tally: Tally, pageId: string, macros: ReadonlyArray<{ macro: string }>) {
  const counts = new Map<string, number>();
  for (const { macro } of macros) counts.set(macro, (counts.get(macro) ?? 0) + 1);
  for (const [macro, n] of counts) tally.unconverted.push({ pageId, macro, count: n });
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Serialises zip writes: pages are read and converted in parallel, entries go in one at a time. */
function serialised(zip: ZipTarget): ZipTarget {
  let tail: Promise<unknown> = Promise.resolve();
  const queue = <T>(run: () => Promise<T>): Promise<T> => {
    const next = tail.then(run, run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    addText: (path, text) => queue(() => zip.addText(path, text)),
    addBytes: (path, bytes, options) => queue(() => zip.addBytes(path, bytes, options)),
    addStream: (path, stream, options) => queue(() => zip.addStream(path, stream, options)),
    finish: () => queue(() => zip.finish()),
    abort: () => zip.abort(),
  };
}

/**
 * Pages of the tree by title, for links between exported pages. A tree lies in one space: a link
 * naming another space is to a page outside it, whatever its title.
 */
function titleIndex(pages: ReadonlyArray<{ id: string; title: string }>, spaceKey: string | undefined) {
  const byTitle = new Map<string, string>();
  for (const page of pages) {
    const key = page.title.normalize('NFC').toLowerCase();
    if (!byTitle.has(key)) byTitle.set(key, page.id);
  }
  return (ref: PageRef) => {
    if (ref.spaceKey && spaceKey && ref.spaceKey.toLowerCase() !== spaceKey.toLowerCase()) return undefined;
    return byTitle.get(ref.title.normalize('NFC').toLowerCase());
  };
}

export async function runExport(host: string, rootId: string, choices: ExportChoices, deps: ExportJobDeps): Promise<ExportJobResult> {
  const startedAt = deps.now();
  const tally: Tally = { calls: 0, rateLimited: 0, attachments: 0, failures: [], unconverted: [] };
  const formats = orderedFormats(choices.formats);
  const primary = formats[0] ?? 'markdown';
  const stats = () => ({ calls: tally.calls, rateLimited: tally.rateLimited, durationMs: Math.max(0, deps.now() - startedAt) });
  const ended = (outcome: ExportJobResult['outcome'], rootTitle: string, pages: number, extra: Partial<ExportJobResult> = {}): ExportJobResult => ({
    outcome,
    rootTitle,
    pages,
    attachments: tally.attachments,
    failures: tally.failures,
    unconverted: tally.unconverted,
    stats: stats(),
    ...extra,
  });
  const cancelled = () => deps.signal.aborted;

  let root: SourceAnswer<{ page: ExportPageData }>;
  try {
    root = deps.rootPage ? { ok: true, page: deps.rootPage, stats: { calls: 0, rateLimited: 0 } } : count(tally, await deps.source.page(rootId));
  } catch (error) {
    // A port that gave up (no reply) rejects: the page shows why instead of "Exporting…" forever.
    if (cancelled()) return ended('cancelled', '', 0);
    const sentence = `The page could not be read: ${errorText(error)}`;
    tally.failures.push({ stage: 'page', id: rootId, reason: sentence });
    return ended('failed', '', 0, { sentence });
  }
  if (cancelled()) return ended('cancelled', '', 0);
  if (!root.ok) {
    tally.failures.push({ stage: 'page', id: rootId, reason: root.failure.message, fix: root.failure.fix });
    return ended('failed', '', 0, { sentence: `${root.failure.message} ${root.failure.fix}` });
  }
  const rootPage = root.page;

  if (isSingleFile(choices)) {
    const links: DocumentLinks = { attachment: (name) => siteAttachmentUrl(rootPage, name) };
    let rendered;
    try {
      rendered = renderPageDocuments(rootPage, formats, links, deps.env);
    } catch (error) {
      // As in a zip (writePage), a converter that throws is this page's failure, not a rejection.
      const sentence = `“${rootPage.title}” could not be converted: ${errorText(error)}`;
      tally.failures.push({ stage: 'conversion', id: rootPage.id, title: rootPage.title, reason: sentence });
      return ended('failed', rootPage.title, 0, { sentence });
    }
    tallyUnconverted(tally, rootPage.id, rendered.unconverted);
    const document = rendered.documents[0];
    if (!document) {
      const sentence = `“${rootPage.title}” has no ${primary === 'adf' ? 'ADF' : primary} body to export.`;
      tally.failures.push({ stage: 'conversion', id: rootPage.id, title: rootPage.title, reason: sentence });
      return ended('failed', rootPage.title, 0, { sentence });
    }
    const name = exportDownloadName({ title: rootPage.title, ...(rootPage.spaceKey ? { spaceKey: rootPage.spaceKey } : {}), kind: primary });
    return ended('done', rootPage.title, 1, { file: { name, blob: new Blob([document.text], { type: FORMAT_MEDIA_TYPES[primary] }) } });
  }

  const zip = serialised(deps.createZip());
  const abortZip = () => zip.abort();
  deps.signal.addEventListener('abort', abortZip, { once: true });
  try {
    if (choices.scope === 'page') {
      const layout = layoutSinglePage(rootPage, FORMAT_EXTENSIONS[primary]);
      const progress = createProgress(1, deps.now);
      const started = progress.start(rootPage.title);
      deps.onProgress?.(progress.snapshot());
      const { written } = await writePage(rootPage, layout, undefined, zip, choices, deps, tally);
      started.finish(written, 0);
      deps.onProgress?.(progress.snapshot());
      if (cancelled()) return ended('cancelled', rootPage.title, 0);
      const blob = await zip.finish();
      const name = exportDownloadName({ title: rootPage.title, ...(rootPage.spaceKey ? { spaceKey: rootPage.spaceKey } : {}), kind: 'zip' });
      return ended('done', rootPage.title, written ? 1 : 0, { file: { name, blob } });
    }

    const listed = count(tally, await deps.source.tree(rootId));
    if (cancelled()) return ended('cancelled', rootPage.title, 0);
    const entries = listed.ok ? listed.entries : [];
    if (!listed.ok) tally.failures.push({ stage: 'tree', id: rootId, title: rootPage.title, reason: listed.failure.message, fix: listed.failure.fix });
    if (listed.ok && listed.truncated) {
      tally.failures.push({ stage: 'tree', id: rootId, title: rootPage.title, reason: `The tree is larger than the ${entries.length} pages listed; the rest was not exported.` });
    }
    const placed = [{ id: rootPage.id, title: rootPage.title }, ...entries.map((e) => ({ id: e.id, title: e.title, parentId: e.parentId }))];
    const layout = layoutTree(placed, rootPage.id, FORMAT_EXTENSIONS[primary]);
    // Folders shape the tree (their pages go inside them) but have no body to export.
    const toExport = [{ id: rootPage.id, title: rootPage.title }, ...entries.filter((e) => e.type === 'page').map((e) => ({ id: e.id, title: e.title }))];
    // Only pages: a folder has no file to link to.
    const pageById = titleIndex(toExport, rootPage.spaceKey);
    const progress = createProgress(toExport.length, deps.now);
    const manifestPages: ManifestPage[] = [];

    /** One page of the tree into the zip; true when its documents were written. */
    const exportTreePage = async (item: { id: string; title: string }, signal: AbortSignal, mine: Tally): Promise<boolean> => {
      // The attachment list needs only the id: asked beside the page read, not after it.
      const listing = choices.attachments && !signal.aborted ? deps.source.attachments(item.id) : undefined;
      listing?.catch(() => undefined);
      const page = item.id === rootPage.id ? rootPage : await readPage(item, deps, mine, signal);
      const pageLayout = layout.pages.get(item.id);
      if (!page || !pageLayout || signal.aborted) {
        if (listing) count(mine, await listing.catch(() => ({ ok: false, failure: { class: 'cancelled', message: '', fix: '' }, stats: { calls: 1, rateLimited: 0 } }) as const));
        return false;
      }
      const fileFor = (id: string | undefined, format: 'markdown' | 'html') => {
        const target = id === undefined ? undefined : layout.pages.get(id);
        return target ? relativeLink(pageLayout.file, withFormat(target.file, primary, format)) : undefined;
      };
      const treeLinks: TreeLinks = {
        page: (ref) => {
          const path = fileFor(pageById(ref), 'markdown');
          // The target is our Markdown: its headings and anchors have GitHub slugs.
          return path && (ref.anchor ? `${path}#${githubSlug(ref.anchor)}` : path);
        },
        htmlPage: (url) => fileFor(pageIdInUrl(url), 'html'),
      };
      const outcome = await writePage(page, pageLayout, treeLinks, zip, choices, deps, mine, signal, listing);
      if (outcome.written) {
        manifestPages.push({
          id: page.id,
          title: page.title,
          version: page.version,
          file: pageLayout.file,
          ...(pageLayout.parentId !== undefined ? { parentId: pageLayout.parentId } : {}),
          sourceUrl: page.webUrl,
          attachments: outcome.attachments,
        });
      }
      return outcome.written;
    };

    const run = await runPool(
      toExport,
      async (item, signal) => {
        const started = progress.start(item.title);
        deps.onProgress?.(progress.snapshot());
        // This page's own calls: a shared counter would also count the neighbours' 429s.
        const mine: Tally = { calls: 0, rateLimited: 0, attachments: 0, failures: tally.failures, unconverted: tally.unconverted, parent: tally };
        let written = false;
        try {
          written = await exportTreePage(item, signal, mine);
        } catch (error) {
          // A rejected read (the port gave up) is this page's failure; the pool would drop it unsaid.
          if (!signal.aborted) tally.failures.push({ stage: 'page', id: item.id, title: item.title, reason: `It could not be exported: ${errorText(error)}` });
        }
        started.finish(written, mine.rateLimited);
        deps.onProgress?.(progress.snapshot());
        return { value: written, rateLimited: mine.rateLimited };
      },
      { signal: deps.signal, ...(deps.initialConcurrency ? { initial: deps.initialConcurrency } : {}), ...(deps.maxConcurrency ? { max: deps.maxConcurrency } : {}) },
    );
    if (run.cancelled || cancelled()) return ended('cancelled', rootPage.title, manifestPages.length);

    const orderOf = new Map(toExport.map((p, i) => [p.id, i]));
    manifestPages.sort((a, b) => (orderOf.get(a.id) ?? 0) - (orderOf.get(b.id) ?? 0));
    const indexInput = { root: { id: rootPage.id, title: rootPage.title }, pages: manifestPages, failures: tally.failures, indexFile: layout.indexFile };
    await zip.addText(layout.indexFile, primary === 'html' ? treeIndexHtml(indexInput) : treeIndexMarkdown(indexInput));
    const manifest: ExportManifest = {
      generator: 'confluence-token-companion',
      manifestVersion: 1,
      exportedAt: new Date(deps.now()).toISOString(),
      site: host,
      root: { id: rootPage.id, title: rootPage.title },
      tree: listed.ok ? listed.via : 'single',
      formats,
      pages: manifestPages,
      failures: tally.failures,
      unconverted: tally.unconverted,
      stats: { pages: manifestPages.length, calls: tally.calls, rateLimited: tally.rateLimited, durationMs: stats().durationMs },
    };
    await zip.addText(layout.manifestFile, manifestJson(manifest));
    const blob = await zip.finish();
    const name = exportDownloadName({ title: rootPage.title, ...(rootPage.spaceKey ? { spaceKey: rootPage.spaceKey } : {}), kind: 'tree-zip' });
    return ended('done', rootPage.title, manifestPages.length, { file: { name, blob }, ...(listed.ok ? { tree: listed.via } : {}) });
  } catch (error) {
    zip.abort();
    if (cancelled()) return ended('cancelled', rootPage.title, 0);
    const sentence = `The export stopped: ${errorText(error)}`;
    return ended('failed', rootPage.title, 0, { sentence });
  } finally {
    deps.signal.removeEventListener('abort', abortZip);
  }
}

/** Links between pages of a tree export: by title (storage) or by URL (export_view). */
interface TreeLinks {
  page(ref: PageRef): string | undefined;
  htmlPage(url: URL): string | undefined;
}

/** The page id in a Confluence page URL (`/pages/123/…`, `?pageId=123`), if it has one. */
export function pageIdInUrl(url: URL): string | undefined {
  return /\/pages\/(\d+)(?:\/|$)/.exec(url.pathname)?.[1] ?? url.searchParams.get('pageId') ?? undefined;
}

async function readPage(item: { id: string; title: string }, deps: ExportJobDeps, tally: Tally, signal: AbortSignal): Promise<ExportPageData | undefined> {
  if (signal.aborted) return undefined;
  const answer = count(tally, await deps.source.page(item.id));
  if (answer.ok) return answer.page;
  if (!signal.aborted) tally.failures.push({ stage: 'page', id: item.id, title: item.title, reason: answer.failure.message, fix: answer.failure.fix });
  return undefined;
}

/**
 * Writes a page's documents and (when chosen) its attachments into the zip. Attachment paths are
 * given out before converting, so the documents link to the files beside them. False: nothing of
 * the page could be written (listed in the failures); `attachments`: files written.
 */
async function writePage(
  page: ExportPageData,
  layout: PageLayout,
  treeLinks: TreeLinks | undefined,
  zip: ZipTarget,
  choices: ExportChoices,
  deps: ExportJobDeps,
  tally: Tally,
  signal: AbortSignal = deps.signal,
  /** The attachment list, when the caller asked for it already. */
  listing?: Promise<SourceAnswer<{ attachments: ExportAttachment[] }>>,
): Promise<{ written: boolean; attachments: number }> {
  const nothing = { written: false, attachments: 0 };
  const formats = orderedFormats(choices.formats);
  const primary = formats[0] ?? 'markdown';
  let attachments: ExportAttachment[] = [];
  if (choices.attachments) {
    const listed = count(tally, await (listing ?? deps.source.attachments(page.id)));
    if (listed.ok) attachments = listed.attachments;
    else if (!signal.aborted) tally.failures.push({ stage: 'attachment', id: page.id, title: page.title, reason: `Its attachments could not be listed: ${listed.failure.message}`, fix: listed.failure.fix });
  }
  const paths = new Map<string, string>();
  for (const attachment of attachments) paths.set(attachment.title.normalize('NFC'), attachmentPath(layout, attachment.title));

  const fileOf = (name: string) => paths.get(name.normalize('NFC'));
  const links: DocumentLinks = {
    ...(treeLinks ? { page: treeLinks.page, htmlPage: treeLinks.htmlPage } : {}),
    attachment: (name) => {
      const path = fileOf(name);
      return path ? relativeLink(layout.file, path) : siteAttachmentUrl(page, name);
    },
    image: (name) => {
      const path = fileOf(name);
      return path ? relativeLink(layout.file, path) : undefined;
    },
  };
  let rendered;
  try {
    rendered = renderPageDocuments(page, formats, links, deps.env);
  } catch (error) {
    tally.failures.push({ stage: 'conversion', id: page.id, title: page.title, reason: `It could not be converted: ${errorText(error)}` });
    return nothing;
  }
  tallyUnconverted(tally, page.id, rendered.unconverted);
  for (const format of rendered.missing) {
    tally.failures.push({ stage: 'conversion', id: page.id, title: page.title, reason: `It has no ${format === 'adf' ? 'ADF' : format} body; that file was left out.` });
  }
  if (signal.aborted) return nothing;
  for (const document of rendered.documents) await zip.addText(withFormat(layout.file, primary, document.format), document.text);

  // Each file is a background call and a media fetch: a few at once, so a page with many
  // attachments does not wait on them one round trip after another; written in list order.
  const fetched = attachments.map(() => undefined as Promise<FetchedFile | undefined> | undefined);
  let next = 0;
  const startNext = () => {
    if (next >= attachments.length || signal.aborted) return;
    const at = next++;
    fetched[at] = fetchAttachment(page, attachments[at]!, deps, tally, signal);
  };
  for (let i = 0; i < ATTACHMENTS_AT_ONCE; i++) startNext();
  let files = 0;
  for (let at = 0; at < attachments.length; at++) {
    if (signal.aborted) return nothing;
    const attachment = attachments[at]!;
    const file = await fetched[at];
    startNext();
    const path = paths.get(attachment.title.normalize('NFC'));
    if (!file || !path) continue;
    if (await writeAttachment(page, attachment, path, file, zip, tally, signal)) files++;
  }
  countAttachments(tally, files);
  return { written: rendered.documents.length > 0, attachments: files };
}

/** Attachments of one page fetched at once (the pool already runs several pages). */
const ATTACHMENTS_AT_ONCE = 3;

/** An attachment's bytes, read whole before they go into the zip (a Blob: Chrome keeps it out of the page's heap). */
type FetchedFile = { bytes: Uint8Array; compress: boolean } | { blob: Blob; compress: boolean };

function attachmentFailure(page: ExportPageData, attachment: ExportAttachment, tally: Tally, signal: AbortSignal, reason: string, fix?: string): undefined {
  if (!signal.aborted) tally.failures.push({ stage: 'attachment', id: page.id, title: page.title, attachment: attachment.title, reason, ...(fix ? { fix } : {}) });
  return undefined;
}

async function fetchAttachment(page: ExportPageData, attachment: ExportAttachment, deps: ExportJobDeps, tally: Tally, signal: AbortSignal): Promise<FetchedFile | undefined> {
  const fail = (reason: string, fix?: string) => attachmentFailure(page, attachment, tally, signal, reason, fix);
  let answer;
  try {
    answer = count(tally, await deps.source.file(page.id, attachment.id));
  } catch (error) {
    return fail(`It could not be asked for: ${errorText(error)}`);
  }
  // Cancelled while the background answered: the media host is not asked.
  if (signal.aborted) return undefined;
  if (!answer.ok) return fail(answer.failure.message, answer.failure.fix);
  const compress = !isAlreadyCompressed(attachment.title, attachment.mediaType ?? answer.file.mediaType);
  if (answer.file.kind === 'bytes') return { bytes: decodeBase64(answer.file.base64), compress };
  let response: Response;
  try {
    response = await deps.source.fetchSigned(answer.file.url, signal);
  } catch {
    return fail('The media host could not be reached.', 'Check the connection and export again.');
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return fail(`The media host answered ${response.status}.`, 'Export again: the signed link may have expired.');
  }
  try {
    return { blob: await response.blob(), compress };
  } catch {
    return fail('The download broke off; the file was left out.', 'Export again.');
  }
}

async function writeAttachment(page: ExportPageData, attachment: ExportAttachment, path: string, file: FetchedFile, zip: ZipTarget, tally: Tally, signal: AbortSignal): Promise<boolean> {
  if ('bytes' in file) {
    await zip.addBytes(path, file.bytes, { compress: file.compress });
    return true;
  }
  try {
    await zip.addStream(path, file.blob.stream(), { compress: file.compress, signal });
  } catch (error) {
    if (error instanceof ZipEntryError) {
      attachmentFailure(page, attachment, tally, signal, `Writing it broke off after ${error.bytesWritten} bytes; the file in the zip is incomplete.`, 'Export again.');
      return false;
    }
    throw error;
  }
  return true;
}
