/**
 * The HTML side of an export on the page's own DOM: DOMPurify created on the page's window (a
 * maintained sanitizer, parsing in an inert document, so nothing from Confluence runs), the
 * standalone document around it, and the mention names read from `export_view`.
 */
import createDOMPurify from 'dompurify';
import type { ExportPageData } from '../export-page-data';
import { readExportViewFacts } from '../html/export-view-facts';
import { sanitizeExportView } from '../html/sanitize-export-view';
import { standaloneHtml } from '../html/standalone-html';
import type { DocumentLinks, HtmlRenderer } from '../job/page-documents';

function dateText(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/** The facts under the title of an HTML export. */
export function htmlFacts(page: ExportPageData): Array<[string, string]> {
  const facts: Array<[string, string | undefined]> = [
    ['Space', page.spaceName ? `${page.spaceName} (${page.spaceKey ?? ''})` : page.spaceKey],
    ['Version', String(page.version)],
    ['Created by', page.createdBy],
    ['Updated', [dateText(page.updatedAt), page.updatedBy].filter(Boolean).join(' by ') || undefined],
    ['Labels', page.labels.length > 0 ? page.labels.join(', ') : undefined],
  ];
  return facts.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== '');
}

export function domHtmlRenderer(window: Window & typeof globalThis): HtmlRenderer {
  const purify = createDOMPurify(window);
  return {
    users(exportView) {
      return readExportViewFacts(exportView, new window.DOMParser()).users;
    },
    document(page: ExportPageData, links: DocumentLinks, options: { print?: boolean } = {}) {
      const body = sanitizeExportView(page.bodies.exportView ?? '', { purify, window }, {
        siteUrl: page.siteUrl,
        resolveImage: (_src, image) => (image.fileName && (!image.pageId || image.pageId === page.id) ? links.image?.(image.fileName) : undefined),
        ...(links.htmlPage ? { resolveLink: (href: URL) => links.htmlPage?.(href) } : {}),
      });
      return standaloneHtml({ title: page.title, bodyHtml: body.html, facts: htmlFacts(page), sourceUrl: page.webUrl, ...(options.print ? { print: true } : {}) });
    },
  };
}
