// Builds the HTML documents the browser gets: a <title>, Confluence's `ajs-*` meta tags, an
// inline stylesheet (the page chrome's, page-styles.ts), a body.

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON that is safe inside a <script> element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface HtmlDocument {
  title: string;
  /** name → content, e.g. { 'ajs-page-id': '123' }. */
  metas: Record<string, string>;
  bodyHtml: string;
  script?: string;
  /** CSS for an inline <style> element (never a link to a resource). */
  styles?: string;
  /** Class of the <body> element, e.g. 'ctc-cloud'. */
  bodyClass?: string;
}

export function renderDocument(doc: HtmlDocument): string {
  const metas = Object.entries(doc.metas)
    .map(([name, content]) => `<meta name="${escapeHtml(name)}" content="${escapeHtml(content)}">`)
    .join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(doc.title)}</title>
    ${metas}${doc.styles ? `\n    <style>\n${doc.styles.replace(/<\//g, '<\\/')}\n    </style>` : ''}
  </head>
  <body${doc.bodyClass ? ` class="${escapeHtml(doc.bodyClass)}"` : ''}>
${doc.bodyHtml}
${doc.script ? `<script>${doc.script}</script>` : ''}
  </body>
</html>
`;
}
