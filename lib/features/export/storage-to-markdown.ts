// Confluence storage format → GitHub-flavoured Markdown.
// Storage keeps what the rendered HTML has lost (code languages, task states, page titles,
// attachment names, macro parameters), so it is the source for Markdown. The walk reads only a
// small DOM subset (storage-parse-tree.ts: nodeType, nodeName, namespaceURI, parentNode,
// firstChild, nextSibling, textContent, data, getAttribute), so it runs on the fast storage
// parser's tree (the default), on the browser's DOMParser and on xmldom (tests).
//
// Whitespace: text is collapsed as HTML renders it, but sibling blocks always become separate
// Markdown blocks and inline siblings keep the whitespace between them, so "1.0" and "27 Mar"
// never fuse into "1.027 Mar".
import {
  alert,
  blockquote,
  details,
  escapeLineStarts,
  escapeText,
  fencedCode,
  githubSlug,
  inlineCode,
  isSafeUrl,
  linkDestination,
  linkTitle,
  type AlertKind,
  type Block,
} from './markdown/gfm';
import { joinFlow, listItem } from './markdown/list';
import { writeTable, type TableCell, type TableRow } from './markdown/table';
import { emoticonText } from './emoticons';
import type { AttachmentRef, ConversionResult, PageRef, UserRef } from './conversion';
import { parseStorageTree } from './storage-parse';
import { isStoragePrefix } from './storage-parse-chars';
import type { StorageDocumentLike, StorageElementLike, StorageNodeLike, StorageTextLike } from './storage-parse-tree';
import { parseStorage, STORAGE_NAMESPACES, type ParseXml } from './storage-xml';

export type { AttachmentRef, ConversionResult, PageRef, Unconverted, UserRef } from './conversion';

export interface StorageToMarkdownOptions {
  /**
   * Parse with this XML parser (the browser's `DOMParser`, xmldom) instead of the fast storage
   * parser; both give the same Markdown (storage-parse-equivalence.test.ts).
   */
  parseXml?: ParseXml;
  /** The site's base URL (`https://x.atlassian.net`), never the API gateway. */
  siteUrl?: string;
  /** The exported page's space key, for page links that name no space. */
  spaceKey?: string;
  /** The exported page's URL: placeholders link to it. */
  pageUrl?: string;
  /** Jira base URL for issue links (`https://x.atlassian.net`); defaults to `siteUrl`. */
  jiraBaseUrl?: string;
  /** A tree export maps page links to relative paths here. */
  resolvePageLink?: (ref: PageRef) => string | undefined;
  /** Defaults to `attachments/<filename>`, the path the zip bundle provides. */
  resolveAttachment?: (ref: AttachmentRef) => string;
  /** A display name for a mention; defaults to the account id. */
  resolveUser?: (ref: UserRef) => string | undefined;
}

interface Ctx {
  opts: StorageToMarkdownOptions;
  result: ConversionResult;
  /** The document's headings, collected on first use (only a TOC needs them). */
  headings: () => { level: number; text: string; slug: string }[];
  marks: Set<string>;
  inLink: boolean;
}

// ---------------------------------------------------------------- DOM helpers

type XNode = StorageNodeLike;
type XElement = StorageElementLike;
type XText = StorageTextLike;
type XDocument = StorageDocumentLike;

const NS_PREFIX = new Map<string, string>([
  [STORAGE_NAMESPACES.ac, 'ac'],
  [STORAGE_NAMESPACES.ri, 'ri'],
  [STORAGE_NAMESPACES.at, 'at'],
  // The namespaces some exports (and the Jsonix samples) declare instead.
  ['http://www.atlassian.com/schema/confluence/4/ac/', 'ac'],
  ['http://www.atlassian.com/schema/confluence/4/ri/', 'ri'],
  ['http://www.atlassian.com/schema/confluence/4/at/', 'at'],
]);

const TEXT = 3;
const CDATA = 4;
const ELEMENT = 1;
const ASCII_UPPER = /[A-Z]/;

/**
 * `ac:link`, `ri:page`, or a lower-case HTML name. The qualified name is what storage writes
 * and is the cheapest to read (one DOM call: this runs several times per element); only an
 * element whose prefix is bound to a Confluence namespace under another name is looked up.
 */
function qname(el: XElement): string {
  const name = el.nodeName;
  const colon = name.indexOf(':');
  if (colon < 0 || isStoragePrefix(name, colon)) return ASCII_UPPER.test(name) ? name.toLowerCase() : name;
  const known = el.namespaceURI ? NS_PREFIX.get(el.namespaceURI) : undefined;
  const local = name.slice(colon + 1).toLowerCase();
  return known ? `${known}:${local}` : local;
}

function elements(el: XElement): XElement[] {
  const out: XElement[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT) out.push(n as XElement);
  return out;
}

function child(el: XElement, name: string): XElement | undefined {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT && qname(n as XElement) === name) return n as XElement;
  return undefined;
}

function attr(el: XElement, name: string): string {
  return el.getAttribute(name) ?? '';
}

const HTML_SPACE_RUN = /[ \t\n\r\f]+/g;
// What collapsing would change: a tab, line break or form feed, or a space before more space.
const COLLAPSIBLE = /[\t\n\r\f]| [ \t\n\r\f]/;

/** White space collapsed as HTML renders it; most text has nothing to collapse, so look first. */
function collapse(text: string): string {
  return COLLAPSIBLE.test(text) ? text.replace(HTML_SPACE_RUN, ' ') : text;
}

function plainText(node: XNode): string {
  return collapse(node.textContent ?? '').trim();
}

/** The exact text of a plain-text body: its CDATA sections if any (the rest is indentation). */
function exactBody(el: XElement | undefined): string {
  if (!el) return '';
  let cdata = '';
  let hasCdata = false;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === CDATA) {
      cdata += (n as XText).data;
      hasCdata = true;
    }
  }
  return hasCdata ? cdata : (el.textContent ?? '');
}

function macroParams(macro: XElement): Map<string, XElement> {
  const params = new Map<string, XElement>();
  for (const c of elements(macro)) if (qname(c) === 'ac:parameter') params.set(attr(c, 'ac:name'), c);
  return params;
}

function param(macro: XElement, name: string): string {
  // As macroParams(macro).get(name), without building the map: the last parameter of a name wins.
  let found: XElement | undefined;
  for (let n = macro.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT && qname(n as XElement) === 'ac:parameter' && attr(n as XElement, 'ac:name') === name) found = n as XElement;
  }
  return found ? plainText(found) : '';
}

// ---------------------------------------------------------------- classification

const BLOCK_ELEMENTS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'blockquote', 'pre', 'hr',
  'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'figure', 'figcaption',
  'center', 'dl', 'dt', 'dd', 'address',
  'ac:layout', 'ac:layout-section', 'ac:layout-cell', 'ac:rich-text-body', 'ac:task-list',
  'ac:adf-extension', 'ac:adf-content',
]);

const BLOCK_MACROS = new Set([
  'code', 'noformat', 'info', 'note', 'warning', 'tip', 'success', 'error', 'panel', 'expand',
  'ui-expand', 'toc', 'children', 'include', 'excerpt-include', 'section', 'column', 'details',
  'excerpt', 'mermaid', 'mermaid-macro', 'mermaid-cloud',
]);

const INLINE_MACROS = new Set(['status', 'jira', 'anchor']);

function isMacro(name: string): boolean {
  return name === 'ac:structured-macro' || name === 'ac:macro';
}

function macroName(el: XElement): string {
  return attr(el, 'ac:name').toLowerCase();
}

// Containers whose direct children are blocks: an image there stands on its own (with its
// caption below), while an image inside a paragraph or a cell stays inline.
const BLOCK_CONTAINERS = new Set([
  'ac:confluence', 'ac:layout-cell', 'ac:rich-text-body', 'ac:adf-content', 'div', 'section',
  'blockquote', 'article', 'main', 'aside',
]);

function isBlock(el: XElement, name = qname(el)): boolean {
  if (BLOCK_ELEMENTS.has(name)) return true;
  if (name === 'ac:image') {
    const parent = el.parentNode;
    return parent !== null && parent.nodeType === ELEMENT && BLOCK_CONTAINERS.has(qname(parent as XElement));
  }
  if (isMacro(name)) {
    const m = macroName(el);
    if (BLOCK_MACROS.has(m)) return true;
    if (INLINE_MACROS.has(m)) return false;
    // An unknown macro with a body is a block (its placeholder heads the body we still keep).
    return child(el, 'ac:rich-text-body') !== undefined || child(el, 'ac:plain-text-body') !== undefined;
  }
  return false;
}

// ---------------------------------------------------------------- flow (blocks + inline runs)

class Flow {
  blocks: Block[] = [];
  inline = '';
}

/**
 * A paragraph's inline Markdown, tidied: space runs collapsed, no spaces around hard breaks,
 * and edge spaces (no-break ones too) and breaks dropped, since they show nothing at its ends.
 * Each step looks before it rewrites: most paragraphs need none of them.
 */
function finishParagraph(md: string): string {
  let text = md;
  if (text.indexOf('  ') >= 0) text = text.replace(/ {2,}/g, ' ');
  if (text.indexOf('\\\n') >= 0) text = text.replace(/ *\\\n */g, '\\\n');
  let start = 0;
  let end = text.length;
  for (;;) {
    const c = text.charCodeAt(start);
    if (c === 32 || c === 0xa0) start++;
    else if (c === 92 /* \ */ && text.charCodeAt(start + 1) === 10) start += 2;
    else break;
  }
  while (end > start) {
    const c = text.charCodeAt(end - 1);
    if (c === 32 || c === 0xa0) end--;
    else if (c === 10 && end - 2 >= start && text.charCodeAt(end - 2) === 92) end -= 2;
    else break;
  }
  if (start > 0 || end < text.length) text = text.slice(start, end);
  return escapeLineStarts(text);
}

function flush(flow: Flow): void {
  const md = finishParagraph(flow.inline);
  flow.inline = '';
  if (md !== '') flow.blocks.push({ kind: 'paragraph', md });
}

function flowNode(node: XNode, flow: Flow, ctx: Ctx): void {
  if (node.nodeType === TEXT || node.nodeType === CDATA) {
    flow.inline += escapeText(collapse((node as XText).data));
    return;
  }
  if (node.nodeType !== ELEMENT) return; // comments, processing instructions
  const el = node as XElement;
  const name = qname(el);
  if (isBlock(el, name)) {
    flush(flow);
    flow.blocks.push(...renderBlock(el, ctx, name));
  } else {
    flow.inline += renderInline(el, ctx, name);
  }
}

function renderFlow(parent: XNode, ctx: Ctx): Block[] {
  const flow = new Flow();
  for (let n = parent.firstChild; n; n = n.nextSibling) flowNode(n, flow, ctx);
  flush(flow);
  return flow.blocks;
}

function flowMd(parent: XNode | undefined, ctx: Ctx): string {
  return parent ? joinFlow(renderFlow(parent, ctx)) : '';
}

// ---------------------------------------------------------------- placeholders

function placeholderText(ctx: Ctx, macro: string, title = ''): string {
  ctx.result.unconverted.push(title ? { macro, title } : { macro });
  const what = title && title !== macro ? `“${escapeText(title)}” (${escapeText(macro)})` : `“${escapeText(macro)}”`;
  const link = ctx.opts.pageUrl ? `: see [the page in Confluence](${linkDestination(ctx.opts.pageUrl)})` : '';
  return `\\[Confluence macro ${what} not exported${link}\\]`;
}

function placeholderBlock(ctx: Ctx, macro: string, title = ''): Block {
  return { kind: 'other', md: blockquote(placeholderText(ctx, macro, title)) };
}

// ---------------------------------------------------------------- blocks

function renderBlock(el: XElement, ctx: Ctx, name = qname(el)): Block[] {
  switch (name) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      return heading(el, Number(name[1]), ctx);
    case 'ul':
    case 'ol':
      return [{ kind: 'list', md: list(el, name === 'ol', ctx) }];
    case 'ac:task-list':
      return [{ kind: 'list', md: taskList(el, ctx) }];
    case 'table':
      return [{ kind: 'other', md: table(el, ctx) }];
    case 'blockquote': {
      const md = flowMd(el, ctx);
      return md ? [{ kind: 'other', md: blockquote(md) }] : [];
    }
    case 'pre':
      return [{ kind: 'other', md: fencedCode(preText(el)) }];
    case 'hr':
      return [{ kind: 'other', md: '---' }];
    case 'ac:structured-macro':
    case 'ac:macro':
      return blockMacro(el, ctx);
    case 'ac:adf-extension':
      return adfExtension(el, ctx);
    case 'ac:image': {
      const { image, caption } = acImageParts(el, ctx);
      return [{ kind: 'paragraph', md: image }, ...(caption ? [{ kind: 'paragraph' as const, md: `*${caption}*` }] : [])];
    }
    default:
      // p, div, li outside a list, layouts, rich-text bodies…: their content, in order.
      return renderFlow(el, ctx);
  }
}

function heading(el: XElement, level: number, ctx: Ctx): Block[] {
  const text = inlineChildren(el, ctx)
    .replace(/\\\n/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim()
    // A trailing ` #` would be read as the heading's closing sequence.
    .replace(/(\s)(#+)$/, '$1\\$2');
  return text ? [{ kind: 'other', md: `${'#'.repeat(level)} ${text}` }] : [];
}

function listItems(el: XElement): XElement[][] {
  // Each <li>, plus any stray nested list written directly inside the <ul> (a common
  // editor artefact), attached to the item before it.
  const items: XElement[][] = [];
  for (const c of elements(el)) {
    const n = qname(c);
    if (n === 'li') items.push([c]);
    else if ((n === 'ul' || n === 'ol') && items.length > 0) items[items.length - 1]?.push(c);
    else items.push([c]);
  }
  return items;
}

function list(el: XElement, ordered: boolean, ctx: Ctx): string {
  let n = ordered ? Number.parseInt(attr(el, 'start'), 10) : 0;
  if (!Number.isFinite(n)) n = 1;
  const out: string[] = [];
  for (const group of listItems(el)) {
    const blocks: Block[] = [];
    for (const part of group) blocks.push(...(qname(part) === 'li' ? renderFlow(part, ctx) : renderBlock(part, ctx)));
    out.push(listItem(ordered ? `${n++}.` : '-', blocks));
  }
  return out.join('\n');
}

function taskList(el: XElement, ctx: Ctx): string {
  const out: string[] = [];
  for (const task of elements(el)) {
    if (qname(task) !== 'ac:task') continue;
    const done = plainText(child(task, 'ac:task-status') ?? task).toLowerCase() === 'complete';
    const body = child(task, 'ac:task-body');
    const blocks = body ? renderFlow(body, ctx) : [];
    // "- [x] " needs text after it to stay a task; an empty task keeps its box.
    const first = blocks[0];
    if (first && first.kind === 'paragraph') {
      blocks[0] = { kind: 'paragraph', md: `${done ? '[x]' : '[ ]'} ${first.md}` };
    } else {
      blocks.unshift({ kind: 'paragraph', md: done ? '[x]' : '[ ]' });
    }
    out.push(listItem('-', blocks));
  }
  return out.join('\n');
}

function tableRows(el: XElement): { tr: XElement; head: boolean }[] {
  const rows: { tr: XElement; head: boolean }[] = [];
  for (const c of elements(el)) {
    const n = qname(c);
    if (n === 'tr') rows.push({ tr: c, head: false });
    else if (n === 'thead' || n === 'tbody' || n === 'tfoot') {
      for (const tr of elements(c)) if (qname(tr) === 'tr') rows.push({ tr, head: n === 'thead' });
    }
  }
  return rows;
}

function span(el: XElement, name: string): number {
  const n = Number.parseInt(attr(el, name), 10);
  return Number.isFinite(n) && n > 1 ? n : 1;
}

function table(el: XElement, ctx: Ctx): string {
  const rows: TableRow[] = tableRows(el).map(({ tr, head }) => ({
    head,
    cells: elements(tr)
      .filter((c) => qname(c) === 'td' || qname(c) === 'th')
      .map(
        (c): TableCell => ({
          header: qname(c) === 'th',
          colspan: span(c, 'colspan'),
          rowspan: span(c, 'rowspan'),
          blocks: renderFlow(c, ctx),
        }),
      ),
  }));
  return writeTable(rows);
}

function preText(el: XElement): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === TEXT || n.nodeType === CDATA) out += (n as XText).data;
    else if (n.nodeType === ELEMENT) out += qname(n as XElement) === 'br' ? '\n' : preText(n as XElement);
  }
  return out;
}

const ALERTS: Record<string, AlertKind> = {
  // By colour and intent: info is blue, tip green, note yellow, warning red.
  info: 'NOTE',
  tip: 'TIP',
  success: 'TIP',
  note: 'WARNING',
  warning: 'CAUTION',
  error: 'CAUTION',
};

function blockMacro(el: XElement, ctx: Ctx): Block[] {
  const name = macroName(el);
  const body = child(el, 'ac:rich-text-body');
  switch (name) {
    case 'code':
    case 'noformat': {
      // The legacy unnamed parameter holds the language on old pages.
      const language = name === 'code' ? param(el, 'language') || param(el, '') : '';
      return [{ kind: 'other', md: fencedCode(exactBody(child(el, 'ac:plain-text-body')), language, param(el, 'title')) }];
    }
    case 'mermaid':
    case 'mermaid-macro':
    case 'mermaid-cloud':
      if (child(el, 'ac:plain-text-body')) {
        return [{ kind: 'other', md: fencedCode(exactBody(child(el, 'ac:plain-text-body')), 'mermaid') }];
      }
      break;
    case 'info':
    case 'tip':
    case 'note':
    case 'warning':
    case 'success':
    case 'error':
      return [{ kind: 'other', md: alert(ALERTS[name] ?? 'NOTE', flowMd(body, ctx), param(el, 'title')) }];
    case 'panel': {
      // A custom panel has no alert type: a quote, led by its icon and title.
      const head = [param(el, 'panelIconText'), param(el, 'title') ? `**${escapeText(param(el, 'title'))}**` : '']
        .filter(Boolean)
        .join(' ');
      const md = [head, flowMd(body, ctx)].filter(Boolean).join('\n\n');
      return md ? [{ kind: 'other', md: blockquote(md) }] : [];
    }
    case 'expand':
    case 'ui-expand':
      return [{ kind: 'other', md: details(param(el, 'title') || 'Click here to expand...', flowMd(body, ctx)) }];
    case 'toc':
      return toc(el, ctx);
    case 'section':
    case 'column':
    case 'details':
    case 'excerpt':
      return body ? renderFlow(body, ctx) : [];
    case 'include':
    case 'excerpt-include': {
      // Transclusion needs the other page: a placeholder naming it, with a link.
      const link = child(macroParams(el).get('') ?? el, 'ac:link');
      const target = link ? ` ${renderInline(link, ctx)}` : '';
      return [{ kind: 'other', md: blockquote(placeholderText(ctx, name) + target) }];
    }
  }
  const blocks = [placeholderBlock(ctx, name || 'unnamed')];
  // The body is content the author wrote: keep it after the placeholder.
  if (body) blocks.push(...renderFlow(body, ctx));
  const plain = child(el, 'ac:plain-text-body');
  if (plain) blocks.push({ kind: 'other', md: fencedCode(exactBody(plain)) });
  return blocks;
}

function toc(el: XElement, ctx: Ctx): Block[] {
  const min = Number.parseInt(param(el, 'minLevel'), 10) || 1;
  const max = Number.parseInt(param(el, 'maxLevel'), 10) || 6;
  const picked = ctx.headings().filter((h) => h.level >= min && h.level <= max);
  if (picked.length === 0) return [];
  const lines: string[] = [];
  const stack: number[] = [];
  for (const h of picked) {
    while (stack.length > 0 && (stack[stack.length - 1] ?? 0) >= h.level) stack.pop();
    lines.push(`${'  '.repeat(stack.length)}- [${h.text}](#${h.slug})`);
    stack.push(h.level);
  }
  return [{ kind: 'list', md: lines.join('\n') }];
}

function adfAttribute(node: XElement, key: string): XElement | undefined {
  return elements(node).find((c) => qname(c) === 'ac:adf-attribute' && attr(c, 'key') === key);
}

function adfParameter(node: XElement | undefined, key: string): string {
  if (!node) return '';
  const found = elements(node).find((c) => qname(c) === 'ac:adf-parameter' && attr(c, 'key') === key);
  return found ? plainText(found) : '';
}

const ADF_PANELS: Record<string, AlertKind> = {
  info: 'NOTE',
  note: 'IMPORTANT',
  success: 'TIP',
  warning: 'WARNING',
  error: 'CAUTION',
};

function adfExtension(el: XElement, ctx: Ctx): Block[] {
  const node = child(el, 'ac:adf-node');
  const type = node ? attr(node, 'type') : '';
  const content = node ? child(node, 'ac:adf-content') : undefined;
  if (node && type === 'panel') {
    const panelType = plainText(adfAttribute(node, 'panel-type') ?? node) || 'info';
    const kind = ADF_PANELS[panelType];
    const md = flowMd(content, ctx);
    return [{ kind: 'other', md: kind ? alert(kind, md) : blockquote(md) }];
  }
  if (node && type === 'decision-list') {
    const items = elements(node)
      .filter((c) => qname(c) === 'ac:adf-node' && attr(c, 'type') === 'decision-item')
      .map((item) => {
        const decided = plainText(adfAttribute(item, 'state') ?? item) === 'DECIDED';
        const blocks = renderFlow(child(item, 'ac:adf-content') ?? item, ctx);
        const label = decided ? '**Decision:**' : '**Undecided:**';
        const first = blocks[0];
        return listItem(
          '-',
          first?.kind === 'paragraph'
            ? [{ kind: 'paragraph', md: `${label} ${first.md}` }, ...blocks.slice(1)]
            : [{ kind: 'paragraph', md: label }, ...blocks],
        );
      });
    return [{ kind: 'list', md: items.join('\n') }];
  }
  if (node && (type === 'extension' || type === 'bodied-extension' || type === 'inline-extension')) {
    const params = adfAttribute(node, 'parameters');
    const key = plainText(adfAttribute(node, 'extension-key') ?? node);
    const title =
      adfParameter(params, 'extension-title') || plainText(adfAttribute(node, 'text') ?? node) || key.split('/').pop() || '';
    const blocks = [placeholderBlock(ctx, key.split('/').pop() || 'adf:extension', title)];
    if (content) blocks.push(...renderFlow(content, ctx));
    return blocks;
  }
  // Another node type: its fallback is storage an older renderer understands, if not an ADF node.
  const fallback = child(el, 'ac:adf-fallback');
  const blocks = [placeholderBlock(ctx, `adf:${type || 'unknown'}`)];
  if (fallback && !child(fallback, 'ac:adf-node')) blocks.push(...renderFlow(fallback, ctx));
  return blocks;
}

// ---------------------------------------------------------------- inline

function inlineChildren(el: XElement, ctx: Ctx): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === TEXT || n.nodeType === CDATA) out += escapeText(collapse((n as XText).data));
    else if (n.nodeType === ELEMENT) out += renderInline(n as XElement, ctx);
  }
  return out;
}

/** Wrap in a delimiter, moving edge spaces outside it (`** x **` would not be emphasis). */
function mark(el: XElement, ctx: Ctx, key: string, open: string, close = open): string {
  if (ctx.marks.has(key)) return inlineChildren(el, ctx);
  ctx.marks.add(key);
  const inner = inlineChildren(el, ctx);
  ctx.marks.delete(key);
  // A hard break (`\` + newline) at an edge moves out too, as one unit.
  const m = /^((?:\s|\\\n)*)([\s\S]*?)((?:\s|\\\n)*)$/.exec(inner);
  const [, lead = '', core = '', trail = ''] = m ?? [];
  // Nothing but spaces and breaks: emphasis around it would show as literal `**`.
  if (core === '') return inner;
  return `${lead}${open}${core}${close}${trail}`;
}

function link(text: string, url: string, title = ''): string {
  // Nothing from the page may run: a script link keeps only its text.
  if (!isSafeUrl(url)) return text;
  return `[${text}](${linkDestination(url)}${linkTitle(title)})`;
}

function renderInline(el: XElement, ctx: Ctx, name = qname(el)): string {
  switch (name) {
    case 'strong':
    case 'b':
      return mark(el, ctx, 'strong', '**');
    case 'em':
    case 'i':
    case 'cite':
    case 'dfn':
      return mark(el, ctx, 'em', '*');
    case 's':
    case 'del':
    case 'strike':
      return mark(el, ctx, 'strike', '~~');
    case 'u':
    case 'ins':
      return mark(el, ctx, 'ins', '<ins>', '</ins>');
    case 'sub':
    case 'sup':
    case 'kbd':
    case 'mark':
    case 'small':
      return mark(el, ctx, name, `<${name}>`, `</${name}>`);
    case 'code':
    case 'tt':
    case 'samp':
      return inlineCode(collapse(el.textContent ?? ''));
    case 'br':
      return '\\\n';
    case 'span':
      return styledSpan(el, ctx);
    case 'a':
      return anchorElement(el, ctx);
    case 'time': {
      const text = plainText(el);
      return escapeText(text || attr(el, 'datetime'));
    }
    case 'img': {
      const src = attr(el, 'src');
      return src && isSafeUrl(src) ? `![${escapeText(attr(el, 'alt'))}](${linkDestination(src)}${linkTitle(attr(el, 'title'))})` : '';
    }
    case 'ac:link':
      return acLink(el, ctx);
    case 'ac:image':
      return acImage(el, ctx);
    case 'ac:emoticon':
      return emoticonText(attr(el, 'ac:name'), attr(el, 'ac:emoji-fallback'));
    case 'ac:structured-macro':
    case 'ac:macro':
      return inlineMacro(el, ctx);
    case 'ac:placeholder':
      return ''; // editor-only instructions, never shown to readers
    case 'at:var':
      ctx.result.unconverted.push({ macro: 'at:var', title: attr(el, 'at:name') });
      return `\\[template variable “${escapeText(attr(el, 'at:name'))}”\\]`;
    default:
      if (isBlock(el, name)) {
        // A block inside inline content (a paragraph in a link, say): keep it, space-separated.
        return ` ${renderBlock(el, ctx)
          .map((b) => b.md)
          .join(' ')} `;
      }
      if (name.startsWith('ri:')) return '';
      // An unknown element: its content, so no text is lost.
      return inlineChildren(el, ctx);
  }
}

function styledSpan(el: XElement, ctx: Ctx): string {
  const style = attr(el, 'style').toLowerCase();
  if (/text-decoration[^;]*line-through/.test(style)) return mark(el, ctx, 'strike', '~~');
  if (/text-decoration[^;]*underline/.test(style)) return mark(el, ctx, 'ins', '<ins>', '</ins>');
  return inlineChildren(el, ctx); // colours and fonts have no Markdown form
}

function withinLink(ctx: Ctx, render: () => string): string {
  const was = ctx.inLink;
  ctx.inLink = true;
  try {
    return render();
  } finally {
    ctx.inLink = was;
  }
}

function anchorElement(el: XElement, ctx: Ctx): string {
  const href = attr(el, 'href');
  if (ctx.inLink) return inlineChildren(el, ctx);
  const text = withinLink(ctx, () => inlineChildren(el, ctx)).trim();
  if (!href) return text;
  return link(text || escapeText(href), href, attr(el, 'title'));
}

function pageUrl(ctx: Ctx, ref: PageRef): string {
  const resolved = ctx.opts.resolvePageLink?.(ref);
  if (resolved !== undefined) return resolved;
  const hash = ref.anchor ? `#${githubSlug(ref.anchor)}` : '';
  const space = ref.spaceKey || ctx.opts.spaceKey;
  if (ctx.opts.siteUrl && space) {
    const base = ctx.opts.siteUrl.replace(/\/+$/, '');
    return `${base}/wiki/display/${encodeURIComponent(space)}/${encodeURIComponent(ref.title).replace(/%20/g, '+')}${hash}`;
  }
  return hash; // no site known: the title is kept as the link text
}

function attachmentUrl(ctx: Ctx, ref: AttachmentRef): string {
  return ctx.opts.resolveAttachment?.(ref) ?? `attachments/${encodeURIComponent(ref.filename)}`;
}

function attachmentRef(el: XElement): AttachmentRef {
  const ref: AttachmentRef = { filename: attr(el, 'ri:filename') };
  const page = child(el, 'ri:page');
  if (page) {
    ref.pageTitle = attr(page, 'ri:content-title');
    if (attr(page, 'ri:space-key')) ref.spaceKey = attr(page, 'ri:space-key');
  }
  return ref;
}

function acLink(el: XElement, ctx: Ctx): string {
  const plainBody = child(el, 'ac:plain-text-link-body');
  const richBody = child(el, 'ac:link-body');
  const body = plainBody
    ? escapeText(exactBody(plainBody).trim())
    : richBody
      ? withinLink(ctx, () => inlineChildren(richBody, ctx)).trim()
      : '';
  const anchor = attr(el, 'ac:anchor');
  const target = elements(el).find((c) => qname(c).startsWith('ri:'));
  const targetName = target ? qname(target) : '';

  if (target && targetName === 'ri:user') {
    const ref: UserRef = {};
    if (attr(target, 'ri:account-id')) ref.accountId = attr(target, 'ri:account-id');
    if (attr(target, 'ri:userkey')) ref.userKey = attr(target, 'ri:userkey');
    if (attr(target, 'ri:username')) ref.username = attr(target, 'ri:username');
    ctx.result.mentions.push(ref);
    const shown = ctx.opts.resolveUser?.(ref) ?? ref.accountId ?? ref.username ?? ref.userKey ?? 'unknown user';
    return `@${escapeText(shown)}`;
  }
  let url: string;
  let fallbackText: string;
  if (target && (targetName === 'ri:page' || targetName === 'ri:blog-post')) {
    const ref: PageRef = { title: attr(target, 'ri:content-title') };
    if (attr(target, 'ri:space-key')) ref.spaceKey = attr(target, 'ri:space-key');
    if (anchor) ref.anchor = anchor;
    url = pageUrl(ctx, ref);
    fallbackText = escapeText(ref.title);
  } else if (target && targetName === 'ri:attachment') {
    const ref = attachmentRef(target);
    url = attachmentUrl(ctx, ref);
    fallbackText = escapeText(ref.filename);
  } else if (target && targetName === 'ri:url') {
    url = attr(target, 'ri:value');
    fallbackText = escapeText(url);
  } else if (target && targetName === 'ri:space') {
    const key = attr(target, 'ri:space-key');
    url = ctx.opts.siteUrl ? `${ctx.opts.siteUrl.replace(/\/+$/, '')}/wiki/spaces/${encodeURIComponent(key)}` : '';
    fallbackText = escapeText(key);
  } else if (anchor) {
    url = `#${githubSlug(anchor)}`;
    fallbackText = escapeText(anchor);
  } else {
    return body; // an empty link: nothing to point at
  }
  const text = body || fallbackText;
  return ctx.inLink ? text : link(text, url);
}

function acImage(el: XElement, ctx: Ctx): string {
  const { image, caption } = acImageParts(el, ctx);
  return caption ? `${image}\\\n*${caption}*` : image;
}

function acImageParts(el: XElement, ctx: Ctx): { image: string; caption: string } {
  const source = elements(el).find((c) => qname(c) === 'ri:attachment' || qname(c) === 'ri:url');
  const caption = child(el, 'ac:caption');
  const captionText = caption ? inlineChildren(caption, ctx).trim() : '';
  let src = '';
  if (source && qname(source) === 'ri:attachment') src = attachmentUrl(ctx, attachmentRef(source));
  else if (source) src = attr(source, 'ri:value');
  if (!src || !isSafeUrl(src)) return { image: placeholderText(ctx, 'ac:image'), caption: captionText };
  const alt = attr(el, 'ac:alt') || (caption ? plainText(caption) : '');
  const image = `![${escapeText(alt)}](${linkDestination(src)}${linkTitle(attr(el, 'ac:title'))})`;
  return { image, caption: captionText };
}

function inlineMacro(el: XElement, ctx: Ctx): string {
  const name = macroName(el);
  switch (name) {
    case 'status': {
      const colour = param(el, 'colour') || param(el, 'color');
      const title = param(el, 'title') || colour || 'status';
      ctx.result.statuses.push({ title, colour: colour || 'Grey' });
      return `**[${escapeText(title)}]**`;
    }
    case 'jira': {
      const key = param(el, 'key');
      const base = (ctx.opts.jiraBaseUrl ?? ctx.opts.siteUrl ?? '').replace(/\/+$/, '');
      if (key) return base && !ctx.inLink ? link(escapeText(key), `${base}/browse/${encodeURIComponent(key)}`) : escapeText(key);
      // A JQL list is generated by Jira at view time: a placeholder naming the query.
      const jql = param(el, 'jqlQuery');
      ctx.result.unconverted.push({ macro: 'jira', title: jql });
      const query = jql && base && !ctx.inLink ? link(escapeText(jql), `${base}/issues/?jql=${encodeURIComponent(jql)}`) : escapeText(jql);
      return `\\[Jira issues: ${query}\\]`;
    }
    case 'anchor': {
      const id = param(el, '') || param(el, 'anchor');
      return id ? `<a id="${githubSlug(id).replace(/"/g, '')}"></a>` : '';
    }
  }
  if (isBlock(el)) return ` ${blockMacro(el, ctx).map((b) => b.md).join(' ')} `;
  return placeholderText(ctx, name || 'unnamed');
}

// ---------------------------------------------------------------- entry points

type Heading = ReturnType<Ctx['headings']>[number];

function collectHeadings(doc: XDocument): Heading[] {
  const seen = new Map<string, number>();
  const out: Heading[] = [];
  const walk = (el: XElement) => {
    for (let node = el.firstChild; node; node = node.nextSibling) {
      if (node.nodeType !== ELEMENT) continue;
      const c = node as XElement;
      const n = qname(c);
      if (/^h[1-6]$/.test(n)) {
        const text = plainText(c);
        if (text) out.push({ level: Number(n[1]), text: escapeText(text), slug: githubSlug(text, seen) });
      } else walk(c);
    }
  };
  if (doc.documentElement) walk(doc.documentElement);
  return out;
}

/** The walk recurses per element; thousands of levels (which no editor writes) overflow it. */
function isStackOverflow(error: unknown): boolean {
  // V8 throws a RangeError, Firefox an InternalError ("too much recursion").
  return (error instanceof RangeError && /call stack/i.test(error.message)) || (error instanceof Error && error.name === 'InternalError');
}

/** Convert an already-parsed storage document. */
export function storageDocumentToMarkdown(doc: XDocument, opts: StorageToMarkdownOptions): ConversionResult {
  const result: ConversionResult = { markdown: '', unconverted: [], statuses: [], mentions: [] };
  let headings: Heading[] | undefined;
  const ctx: Ctx = { opts, result, headings: () => (headings ??= collectHeadings(doc)), marks: new Set(), inLink: false };
  const root = doc.documentElement;
  let md: string;
  try {
    md = root ? joinFlow(renderFlow(root, ctx)) : '';
  } catch (error) {
    throw isStackOverflow(error) ? new Error('The page nests its content too deeply to convert to Markdown.', { cause: error }) : error;
  }
  result.markdown = md === '' ? '' : `${md}\n`;
  return result;
}

/**
 * Convert a page's storage body (as the REST API returns it) to GitHub-flavoured Markdown.
 * A body that is not well-formed throws an Error saying so, on either parse path.
 */
export function storageToMarkdown(storage: string, opts: StorageToMarkdownOptions = {}): ConversionResult {
  const doc = opts.parseXml ? parseStorage(storage, opts.parseXml) : parseStorageTree(storage);
  return storageDocumentToMarkdown(doc, opts);
}
