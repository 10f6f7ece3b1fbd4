/**
 * One page's documents in the chosen formats. Markdown comes from storage (it keeps code
 * languages, task states, panel types and page links by title), else from ADF; display names of
 * mentions come from `export_view`, which has them resolved. HTML is `export_view` sanitized.
 * Storage and ADF are written as Confluence gave them (ADF pretty-printed).
 */
import type { AttachmentRef, PageRef, Unconverted } from '../conversion';
import { adfToMarkdown } from '../adf-to-markdown';
import type { ExportPageData } from '../export-page-data';
import { frontMatter } from '../front-matter';
import { storageToMarkdown } from '../storage-to-markdown';
import type { ParseXml } from '../storage-xml';
import { orderedFormats, type DocumentFormat } from './export-choices';

/** How one page's document points at the rest: a bundle path, or an absolute URL on the site. */
export interface DocumentLinks {
  /** A page named by a link (tree export: a relative path); undefined → the page on the site. */
  page?(ref: PageRef): string | undefined;
  /** This page's attachment by file name (a bundle path or an absolute URL). */
  attachment(fileName: string): string;
  /** An image for the HTML document: a bundle path or data: URI, undefined → a link instead. */
  image?(fileName: string): string | undefined;
  /** A page link found in `export_view` (absolute URL on the site) → bundle path, if exported. */
  htmlPage?(url: URL): string | undefined;
}

/** The HTML side, supplied by the page (a real DOM) or tests (jsdom). */
export interface HtmlRenderer {
  /** Display names of mentioned users, read from `export_view`. */
  users(exportView: string): ReadonlyMap<string, string>;
  /** A whole standalone, sanitized document. */
  document(page: ExportPageData, links: DocumentLinks, options?: { print?: boolean }): string;
}

export interface DocumentEnv {
  /** Tests may parse with a DOM; by default storage goes through the DOM-free storage parser. */
  parseXml?: ParseXml;
  html: HtmlRenderer;
}

export interface PageDocuments {
  documents: Array<{ format: DocumentFormat; text: string }>;
  unconverted: Unconverted[];
  /** Formats the page had no body for (a whiteboard has no storage, say). */
  missing: DocumentFormat[];
}

function markdownOf(page: ExportPageData, links: DocumentLinks, env: DocumentEnv): { text: string; unconverted: Unconverted[] } | undefined {
  const users = page.bodies.exportView ? env.html.users(page.bodies.exportView) : new Map<string, string>();
  const resolveUser = (ref: { accountId?: string; userKey?: string; username?: string }) =>
    (ref.accountId && users.get(ref.accountId)) || (ref.userKey && users.get(ref.userKey)) || (ref.username && users.get(ref.username)) || undefined;
  let result;
  if (page.bodies.storage !== undefined) {
    result = storageToMarkdown(page.bodies.storage, {
      ...(env.parseXml ? { parseXml: env.parseXml } : {}),
      siteUrl: page.siteUrl,
      ...(page.spaceKey ? { spaceKey: page.spaceKey } : {}),
      pageUrl: page.webUrl,
      ...(links.page ? { resolvePageLink: links.page } : {}),
      resolveAttachment: (ref: AttachmentRef) => (ref.pageTitle ? otherPageAttachment(page, ref) : links.attachment(ref.filename)),
      resolveUser,
    });
  } else if (page.bodies.adf !== undefined) {
    result = adfToMarkdown(page.bodies.adf, { pageUrl: page.webUrl, resolveUser });
  } else return undefined;
  const meta = pageFrontMatter(page, result.statuses);
  return { text: `${meta}\n# ${page.title.replace(/([\\`*_[\]#<>])/g, '\\$1')}\n\n${result.markdown}`, unconverted: result.unconverted };
}

/** The YAML front matter of an exported page, from its v1 facts (the URL on the site, never the gateway). */
export function pageFrontMatter(page: ExportPageData, statuses: ReadonlyArray<{ title: string; colour: string }> = []): string {
  return frontMatter({
    title: page.title,
    id: page.id,
    ...(page.spaceKey ? { space: { key: page.spaceKey, ...(page.spaceName ? { name: page.spaceName } : {}) } } : {}),
    version: page.version,
    ...(page.createdBy ? { author: { displayName: page.createdBy } } : {}),
    ...(page.createdAt ? { created: page.createdAt } : {}),
    ...(page.updatedAt ? { updated: page.updatedAt } : {}),
    labels: page.labels,
    url: page.webUrl,
    ...(statuses.length > 0 ? { statuses } : {}),
  });
}

/** An attachment of another page: its page on the site (we don't know that page's id here). */
function otherPageAttachment(page: ExportPageData, ref: AttachmentRef): string {
  const space = ref.spaceKey ?? page.spaceKey;
  return space && ref.pageTitle ? `${page.siteUrl}/wiki/display/${encodeURIComponent(space)}/${encodeURIComponent(ref.pageTitle)}` : page.webUrl;
}

function prettyAdf(adf: string): string {
  try {
    return `${JSON.stringify(JSON.parse(adf), null, 2)}\n`;
  } catch {
    // Kept exactly as Confluence sent it: a broken body is still the person's data.
    return adf;
  }
}

export function renderPageDocuments(page: ExportPageData, formats: readonly DocumentFormat[], links: DocumentLinks, env: DocumentEnv): PageDocuments {
  const documents: PageDocuments['documents'] = [];
  const missing: DocumentFormat[] = [];
  let unconverted: Unconverted[] = [];
  for (const format of orderedFormats(formats)) {
    if (format === 'markdown') {
      const markdown = markdownOf(page, links, env);
      if (!markdown) missing.push(format);
      else {
        documents.push({ format, text: markdown.text });
        unconverted = markdown.unconverted;
      }
    } else if (format === 'html') {
      if (page.bodies.exportView === undefined) missing.push(format);
      else documents.push({ format, text: env.html.document(page, links) });
    } else if (format === 'storage') {
      if (page.bodies.storage === undefined) missing.push(format);
      else documents.push({ format, text: page.bodies.storage });
    } else if (page.bodies.adf === undefined) missing.push(format);
    else documents.push({ format, text: prettyAdf(page.bodies.adf) });
  }
  return { documents, unconverted, missing };
}

/** An attachment on the site, for documents outside a bundle (the person's browser session opens it). */
export function siteAttachmentUrl(page: ExportPageData, fileName: string): string {
  const wiki = /\.atlassian\.net$/i.test(new URL(page.siteUrl).hostname) ? '/wiki' : '';
  return `${page.siteUrl}${wiki}/download/attachments/${encodeURIComponent(page.id)}/${encodeURIComponent(fileName)}`;
}
