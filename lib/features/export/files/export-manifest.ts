// A tree export's `manifest.json` (what was exported, from where, and what was not) and its
// index file (the tree as nested links, then what is missing and why). The manifest is for
// tools and for re-running an export; the index is for the person who opens the zip.
import { escapeHtml, escapeText } from '../markdown/gfm';
import { relativeLink } from './bundle-layout';
import { treeOrder } from './tree-order';

export interface ManifestPage {
  id: string;
  title: string;
  version: number;
  /** The page's file inside the bundle. */
  file: string;
  parentId?: string;
  /** The page on the site, never the API gateway. */
  sourceUrl: string;
  /** How many attachments were written for it. */
  attachments: number;
}

export type FailureStage = 'tree' | 'page' | 'attachment' | 'conversion';

export interface ManifestFailure {
  stage: FailureStage;
  /** The page concerned, when there is one. */
  id?: string;
  title?: string;
  /** The attachment's file name, for an attachment failure. */
  attachment?: string;
  reason: string;
  /** What the person can do about it. */
  fix?: string;
}

export interface ManifestUnconverted {
  pageId: string;
  macro: string;
  count: number;
}

export interface ManifestStats {
  pages: number;
  calls: number;
  rateLimited: number;
  durationMs: number;
}

export type TreeSource = 'single' | 'v2-descendants' | 'v1-descendants';

export interface ExportManifest {
  generator: 'confluence-token-companion';
  manifestVersion: 1;
  /** ISO 8601. */
  exportedAt: string;
  /** The site key: a Cloud host (`example.atlassian.net`) or a Data Center base URL. */
  site: string;
  root: { id: string; title: string };
  tree: TreeSource;
  formats: string[];
  pages: ManifestPage[];
  failures: ManifestFailure[];
  unconverted: ManifestUnconverted[];
  stats: ManifestStats;
}

/** Copy `keys` of `value` in that order, leaving out absent optional ones. */
function ordered<T extends object>(value: T, keys: ReadonlyArray<keyof T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of keys) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

const PAGE_KEYS = ['id', 'title', 'version', 'file', 'parentId', 'sourceUrl', 'attachments'] as const;
const FAILURE_KEYS = ['stage', 'id', 'title', 'attachment', 'reason', 'fix'] as const;
const UNCONVERTED_KEYS = ['pageId', 'macro', 'count'] as const;
const STATS_KEYS = ['pages', 'calls', 'rateLimited', 'durationMs'] as const;

/**
 * `manifest.json`: two-space indented, keys always in the order of {@link ExportManifest}
 * (whatever order the object was built in), so two exports of the same tree diff cleanly.
 */
export function manifestJson(manifest: ExportManifest): string {
  const stable = {
    generator: manifest.generator,
    manifestVersion: manifest.manifestVersion,
    exportedAt: manifest.exportedAt,
    site: manifest.site,
    root: { id: manifest.root.id, title: manifest.root.title },
    tree: manifest.tree,
    formats: [...manifest.formats],
    pages: manifest.pages.map((page) => ordered(page, PAGE_KEYS)),
    failures: manifest.failures.map((failure) => ordered(failure, FAILURE_KEYS)),
    unconverted: manifest.unconverted.map((entry) => ordered(entry, UNCONVERTED_KEYS)),
    stats: ordered(manifest.stats, STATS_KEYS),
  };
  return `${JSON.stringify(stable, null, 2)}\n`;
}

export interface TreeIndexPage {
  id: string;
  title: string;
  parentId?: string;
  /** The page's file inside the bundle. */
  file: string;
}

export interface TreeIndexInput {
  root: { id: string; title: string };
  /** The exported pages, in tree order, each with its file. */
  pages: readonly TreeIndexPage[];
  failures: readonly ManifestFailure[];
  /** Where the index itself goes (default `index.md` / `index.html`): links are relative to it. */
  indexFile?: string;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** ATX heading text: a title ending in ` #` would otherwise lose it as a closing sequence. */
function headingText(title: string): string {
  return escapeText(oneLine(title)).replace(/(^|\s)(#+)$/u, '$1\\$2');
}

/** What failed, said once for both index formats; `strong` marks the names. */
function failureParts(failure: ManifestFailure): Array<{ text: string; strong?: boolean }> {
  const page = failure.title ? oneLine(failure.title) : failure.id;
  const parts: Array<{ text: string; strong?: boolean }> = [];
  if (failure.stage === 'tree') parts.push({ text: 'The page tree' });
  else if (failure.stage === 'attachment') {
    parts.push({ text: 'Attachment ' }, { text: oneLine(failure.attachment ?? '?'), strong: true });
    if (page) parts.push({ text: ' of ' }, { text: page, strong: true });
  } else {
    parts.push({ text: failure.stage === 'conversion' ? 'Conversion of ' : 'Page ' }, { text: page ?? '?', strong: true });
  }
  if (failure.id && failure.title) parts.push({ text: ` (id ${failure.id})` });
  const reason = oneLine(failure.reason);
  parts.push({ text: `: ${reason}${failure.fix && !/[.!?…]$/u.test(reason) ? '.' : ''}` });
  if (failure.fix) parts.push({ text: ` ${oneLine(failure.fix)}` });
  return parts;
}

function countLine(pages: number, failures: number): string {
  const exported = `${pages} ${pages === 1 ? 'page' : 'pages'} exported`;
  return failures === 0 ? `${exported}.` : `${exported}, ${failures} ${failures === 1 ? 'problem' : 'problems'} listed below.`;
}

/** `index.md`: a title, the tree as a nested list of relative links, then what was not exported. */
export function treeIndexMarkdown(input: TreeIndexInput): string {
  const indexFile = input.indexFile ?? 'index.md';
  const lines = [`# ${headingText(input.root.title) || escapeText(input.root.id)}`, '', countLine(input.pages.length, input.failures.length), ''];
  for (const node of treeOrder(input.pages, input.root.id)) {
    const text = escapeText(oneLine(node.page.title)) || escapeText(node.page.id);
    lines.push(`${'  '.repeat(node.depth)}- [${text}](${relativeLink(indexFile, node.page.file)})`);
  }
  if (input.failures.length > 0) {
    lines.push('', '## Not exported', '');
    for (const failure of input.failures) {
      const parts = failureParts(failure).map((part) => (part.strong ? `**${escapeText(part.text)}**` : escapeText(part.text)));
      lines.push(`- ${parts.join('')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const INDEX_STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;color:#172b4d}' +
  'ul{padding-left:1.5rem}a{color:#0c66e4}h2{margin-top:2rem}';

/** `index.html`: the same content as {@link treeIndexMarkdown}, as one offline page. */
export function treeIndexHtml(input: TreeIndexInput): string {
  const indexFile = input.indexFile ?? 'index.html';
  const title = escapeHtml(oneLine(input.root.title));
  const out = [
    '<!DOCTYPE html>',
    '<html>',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title}</title>`,
    `<style>${INDEX_STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${title}</h1>`,
    `<p>${escapeHtml(countLine(input.pages.length, input.failures.length))}</p>`,
  ];
  // Nested lists from pre-order depths: open a list on the way down, close on the way up.
  let open = 0;
  for (const node of treeOrder(input.pages, input.root.id)) {
    const depth = node.depth + 1;
    if (depth > open) {
      for (; open < depth; open++) out.push('<ul>');
    } else {
      out.push('</li>');
      for (; open > depth; open--) out.push('</ul>', '</li>');
    }
    const text = escapeHtml(oneLine(node.page.title) || node.page.id);
    out.push(`<li><a href="${escapeHtml(relativeLink(indexFile, node.page.file))}">${text}</a>`);
  }
  if (open > 0) out.push('</li>');
  for (; open > 0; open--) out.push('</ul>', ...(open > 1 ? ['</li>'] : []));
  if (input.failures.length > 0) {
    out.push('<h2>Not exported</h2>', '<ul>');
    for (const failure of input.failures) {
      const parts = failureParts(failure).map((part) => (part.strong ? `<strong>${escapeHtml(part.text)}</strong>` : escapeHtml(part.text)));
      out.push(`<li>${parts.join('')}</li>`);
    }
    out.push('</ul>');
  }
  out.push('</body>', '</html>');
  return `${out.join('\n')}\n`;
}
