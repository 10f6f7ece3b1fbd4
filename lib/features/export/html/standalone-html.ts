// One self-contained HTML5 document around a sanitized page body: it opens offline, and its
// Content-Security-Policy stops anything remote from loading should something have slipped
// through the sanitizer. No script in it, in either variant; the print view is opened by the
// Export page, which calls the browser's print dialog itself.
import { standaloneCss } from './standalone-css';

export interface StandaloneInput {
  title: string;
  /** The page body, already through sanitizeExportView. Inserted as is. */
  bodyHtml: string;
  /** Shown under the title in order: space, version, author, updated… (text, escaped here). */
  facts: Array<[label: string, value: string]>;
  /** The page in Confluence: shown as the last fact, a link when it is http(s). */
  sourceUrl: string;
  /** The print view: same document, print-first styles and a note on saving as PDF. */
  print?: boolean;
}

/**
 * - `default-src 'none'`: no script, font, frame, object, media, fetch, manifest or prefetch.
 * - `img-src 'self' data: blob:`: the bundle's own files by relative path (a zip opened from
 *   disk is file://, where Chromium and Firefox both let 'self' cover files beside the page,
 *   checked by hand with both), inlined images, and blob: URLs an extension page may use.
 * - `style-src 'unsafe-inline'`: the embedded stylesheet and the filtered style attributes.
 * - `base-uri`, `form-action`: not covered by default-src, so closed by name.
 * Links still navigate: "no remote loads except links".
 */
export const STANDALONE_CSP = "default-src 'none'; img-src 'self' data: blob:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

export function escapeHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function sourceLink(url: string): string {
  let web = false;
  try {
    const protocol = new URL(url).protocol;
    web = protocol === 'https:' || protocol === 'http:';
  } catch {
    web = false;
  }
  const text = escapeHtmlText(url);
  return web ? `<a href="${text}" rel="noopener noreferrer" class="export-bare-url">${text}</a>` : text;
}

export function standaloneHtml(input: StandaloneInput): string {
  const print = input.print === true;
  const title = escapeHtmlText(input.title);
  const facts = input.facts.map(([label, value]) => `<dt>${escapeHtmlText(label)}</dt><dd>${escapeHtmlText(value)}</dd>`);
  if (input.sourceUrl) facts.push(`<dt>Source</dt><dd>${sourceLink(input.sourceUrl)}</dd>`);
  const note = print ? `<p class="export-print-note">Use your browser's print dialog to save as PDF.</p>\n` : '';
  return `<!DOCTYPE html>
<html${print ? ' class="print-view"' : ''}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${STANDALONE_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${standaloneCss(print)}</style>
</head>
<body>
${note}<header class="export-header">
<h1>${title}</h1>
<dl class="export-facts">${facts.join('')}</dl>
</header>
<main class="wiki-content">
${input.bodyHtml}
</main>
</body>
</html>
`;
}
