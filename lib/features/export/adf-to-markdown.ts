// Atlas Doc Format (ADF, `atlas_doc_format`) → GitHub-flavoured Markdown.
// A small walk over the ADF node spec, with the same rules as the storage converter (tables,
// alerts, tasks, placeholders) so both sources give the same Markdown. A node type this walk
// does not know becomes a visible placeholder naming it, and its content is still written.
import type { ConversionResult, UserRef } from './conversion';
import {
  alert,
  blockquote,
  details,
  escapeLineStarts,
  escapeText,
  fencedCode,
  inlineCode,
  isSafeUrl,
  linkDestination,
  linkTitle,
  type AlertKind,
  type Block,
} from './markdown/gfm';
import { joinFlow, listItem } from './markdown/list';
import { writeTable, type TableRow } from './markdown/table';

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  marks?: AdfMark[];
  text?: string;
}
export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface MediaRef {
  id?: string;
  collection?: string;
  alt?: string;
}

export interface AdfToMarkdownOptions {
  /** The exported page's URL: placeholders link to it. */
  pageUrl?: string;
  /** A display name for a mention; defaults to the mention's own text, else its account id. */
  resolveUser?: (ref: UserRef) => string | undefined;
  /**
   * A media node names a file by its media id only; map it to a URL (a tree export knows the
   * page's attachments). Defaults to `attachments/<alt>` when the node carries a file name.
   */
  resolveMedia?: (ref: MediaRef) => string | undefined;
}

interface Ctx {
  opts: AdfToMarkdownOptions;
  result: ConversionResult;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function num(v: unknown, fallback: number): number {
  const n = typeof v === 'number' ? v : Number.parseInt(str(v), 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

function placeholderText(ctx: Ctx, what: string, title = ''): string {
  ctx.result.unconverted.push(title ? { macro: what, title } : { macro: what });
  const name = title && title !== what ? `“${escapeText(title)}” (${escapeText(what)})` : `“${escapeText(what)}”`;
  const link = ctx.opts.pageUrl ? `: see [the page in Confluence](${linkDestination(ctx.opts.pageUrl)})` : '';
  return `\\[Confluence macro ${name} not exported${link}\\]`;
}

// ---------------------------------------------------------------- inline

// Marks opened outermost first, so adjacent text nodes share one `**` instead of `**a****b**`.
const MARK_ORDER = ['link', 'strong', 'em', 'strike', 'underline', 'subsup'];

interface OpenMark {
  key: string;
  close: string;
}

function markKey(m: AdfMark): string {
  return m.type === 'link' || m.type === 'subsup' ? `${m.type}:${JSON.stringify(m.attrs ?? {})}` : m.type;
}

function markDelims(m: AdfMark): [string, string] {
  switch (m.type) {
    case 'strong':
      return ['**', '**'];
    case 'em':
      return ['*', '*'];
    case 'strike':
      return ['~~', '~~'];
    case 'underline':
      return ['<ins>', '</ins>'];
    case 'subsup': {
      const tag = str(m.attrs?.type) === 'sup' ? 'sup' : 'sub';
      return [`<${tag}>`, `</${tag}>`];
    }
    case 'link':
      if (!isSafeUrl(str(m.attrs?.href))) return ['', ''];
      return ['[', `](${linkDestination(str(m.attrs?.href))}${linkTitle(str(m.attrs?.title))})`];
    default:
      return ['', ''];
  }
}

function inline(nodes: readonly AdfNode[] | undefined, ctx: Ctx): string {
  let out = '';
  const stack: OpenMark[] = [];
  const closeTo = (depth: number) => {
    if (stack.length <= depth) return;
    // Emphasis cannot end after a space: move trailing spaces outside the closers.
    const trail = /[ \u00a0]*$/.exec(out)?.[0] ?? '';
    out = out.slice(0, out.length - trail.length);
    while (stack.length > depth) out += stack.pop()?.close ?? '';
    out += trail;
  };
  for (const node of nodes ?? []) {
    const marks = (node.type === 'text' ? (node.marks ?? []) : [])
      .filter((m) => MARK_ORDER.includes(m.type))
      .sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
    let keep = 0;
    while (keep < stack.length && keep < marks.length && stack[keep]?.key === markKey(marks[keep] as AdfMark)) keep++;
    closeTo(keep);
    let leaf = inlineLeaf(node, ctx);
    if (marks.length > keep) {
      // Emphasis cannot start before a space either.
      const lead = /^[ \u00a0]*/.exec(leaf)?.[0] ?? '';
      out += lead;
      leaf = leaf.slice(lead.length);
      for (const m of marks.slice(keep)) {
        const [open, close] = markDelims(m);
        out += open;
        stack.push({ key: markKey(m), close });
      }
    }
    out += leaf;
  }
  closeTo(0);
  return out;
}

function dateText(timestamp: unknown): string {
  const ms = Number(str(timestamp));
  return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : str(timestamp);
}

function inlineLeaf(node: AdfNode, ctx: Ctx): string {
  const a = node.attrs ?? {};
  switch (node.type) {
    case 'text': {
      const text = node.text ?? '';
      return node.marks?.some((m) => m.type === 'code') ? inlineCode(text) : escapeText(text);
    }
    case 'hardBreak':
      return '\\\n';
    case 'mention': {
      const ref: UserRef = { accountId: str(a.id) };
      ctx.result.mentions.push(ref);
      const shown = ctx.opts.resolveUser?.(ref) ?? (str(a.text).replace(/^@/, '') || str(a.id));
      return `@${escapeText(shown)}`;
    }
    case 'emoji':
      return escapeText(str(a.text) || str(a.shortName));
    case 'date':
      return escapeText(dateText(a.timestamp));
    case 'status': {
      const title = str(a.text) || str(a.color) || 'status';
      ctx.result.statuses.push({ title, colour: str(a.color) || 'neutral' });
      return `**[${escapeText(title)}]**`;
    }
    case 'inlineCard': {
      const url = str(a.url);
      return url && isSafeUrl(url) ? `[${escapeText(url)}](${linkDestination(url)})` : placeholderText(ctx, 'inlineCard');
    }
    case 'placeholder':
      return ''; // editor-only prompt text, never shown to readers
    case 'inlineExtension':
      return placeholderText(ctx, str(a.extensionKey) || 'inlineExtension', str((a.parameters as Record<string, unknown> | undefined)?.extensionTitle));
    case 'mediaInline':
      return media(node, ctx);
    default:
      // An unknown inline node: say so, and keep any text it holds.
      return placeholderText(ctx, `adf:${node.type}`) + (node.content ? ` ${inline(node.content, ctx)}` : '');
  }
}

// ---------------------------------------------------------------- blocks

function paragraph(md: string): Block[] {
  const text = escapeLineStarts(md.replace(/^(?:\\\n| )+/, '').replace(/(?:\\\n| )+$/, ''));
  return text ? [{ kind: 'paragraph', md: text }] : [];
}

function blocks(nodes: readonly AdfNode[] | undefined, ctx: Ctx): Block[] {
  const out: Block[] = [];
  for (const node of nodes ?? []) out.push(...block(node, ctx));
  return out;
}

function flow(nodes: readonly AdfNode[] | undefined, ctx: Ctx): string {
  return joinFlow(blocks(nodes, ctx));
}

const PANELS: Record<string, AlertKind> = {
  // The same colour mapping as storage: info blue, success green, warning yellow, error red.
  info: 'NOTE',
  note: 'IMPORTANT',
  success: 'TIP',
  tip: 'TIP',
  warning: 'WARNING',
  error: 'CAUTION',
};

function media(node: AdfNode, ctx: Ctx): string {
  const a = node.attrs ?? {};
  if (str(a.type) === 'external' && str(a.url) && isSafeUrl(str(a.url))) {
    return `![${escapeText(str(a.alt))}](${linkDestination(str(a.url))})`;
  }
  const ref: MediaRef = {};
  if (str(a.id)) ref.id = str(a.id);
  if (str(a.collection)) ref.collection = str(a.collection);
  if (str(a.alt)) ref.alt = str(a.alt);
  const url = ctx.opts.resolveMedia?.(ref) ?? (ref.alt ? `attachments/${encodeURIComponent(ref.alt)}` : undefined);
  if (url === undefined) return placeholderText(ctx, 'media', ref.id ? `file ${ref.id}` : '');
  return `![${escapeText(ref.alt ?? '')}](${linkDestination(url)})`;
}

function listBlocks(node: AdfNode, ordered: boolean, ctx: Ctx): Block {
  let n = ordered ? num(node.attrs?.order, 1) : 0;
  const items = (node.content ?? []).map((item) =>
    listItem(ordered ? `${n++}.` : '-', item.type === 'listItem' ? blocks(item.content, ctx) : block(item, ctx)),
  );
  return { kind: 'list', md: items.join('\n') };
}

function taskList(node: AdfNode, ctx: Ctx, done: (item: AdfNode) => boolean, label?: (item: AdfNode) => string): Block {
  // A nested task list is a sibling of the items in ADF: attach it to the item before it.
  const items: { head: string; rest: Block[] }[] = [];
  for (const c of node.content ?? []) {
    if (c.type === 'taskItem' || c.type === 'decisionItem') {
      const text = escapeLineStarts(inline(c.content, ctx).trim());
      const box = label ? label(c) : done(c) ? '[x]' : '[ ]';
      items.push({ head: text ? `${box} ${text}` : box, rest: [] });
    } else {
      const nested = block(c, ctx);
      const last = items[items.length - 1];
      if (last) last.rest.push(...nested);
      else items.push({ head: label ? '' : '[ ]', rest: nested });
    }
  }
  return {
    kind: 'list',
    md: items.map((i) => listItem('-', [{ kind: 'paragraph', md: i.head }, ...i.rest])).join('\n'),
  };
}

function table(node: AdfNode, ctx: Ctx): string {
  const rows: TableRow[] = (node.content ?? [])
    .filter((r) => r.type === 'tableRow')
    .map((r) => ({
      head: false,
      cells: (r.content ?? []).map((c) => ({
        header: c.type === 'tableHeader',
        colspan: num(c.attrs?.colspan, 1),
        rowspan: num(c.attrs?.rowspan, 1),
        blocks: blocks(c.content, ctx),
      })),
    }));
  return writeTable(rows);
}

function block(node: AdfNode, ctx: Ctx): Block[] {
  const a = node.attrs ?? {};
  switch (node.type) {
    case 'doc':
      return blocks(node.content, ctx);
    case 'paragraph':
      return paragraph(inline(node.content, ctx));
    case 'heading': {
      const level = Math.min(6, num(a.level, 1));
      const text = inline(node.content, ctx).replace(/\\\n/g, ' ').trim().replace(/(\s)(#+)$/, '$1\\$2');
      return text ? [{ kind: 'other', md: `${'#'.repeat(level)} ${text}` }] : [];
    }
    case 'bulletList':
      return [listBlocks(node, false, ctx)];
    case 'orderedList':
      return [listBlocks(node, true, ctx)];
    case 'listItem':
      return [{ kind: 'list', md: listItem('-', blocks(node.content, ctx)) }];
    case 'taskList':
      return [taskList(node, ctx, (i) => str(i.attrs?.state) === 'DONE')];
    case 'decisionList':
      return [
        taskList(node, ctx, () => false, (i) => (str(i.attrs?.state) === 'DECIDED' ? '**Decision:**' : '**Undecided:**')),
      ];
    case 'codeBlock': {
      const code = (node.content ?? []).map((t) => t.text ?? '').join('');
      return [{ kind: 'other', md: fencedCode(code, str(a.language)) }];
    }
    case 'blockquote': {
      const md = flow(node.content, ctx);
      return md ? [{ kind: 'other', md: blockquote(md) }] : [];
    }
    case 'panel': {
      const kind = PANELS[str(a.panelType)];
      const md = flow(node.content, ctx);
      const icon = str(a.panelIconText);
      return [{ kind: 'other', md: kind ? alert(kind, md) : blockquote([icon, md].filter(Boolean).join(' ')) }];
    }
    case 'rule':
      return [{ kind: 'other', md: '---' }];
    case 'table':
      return [{ kind: 'other', md: table(node, ctx) }];
    case 'expand':
    case 'nestedExpand':
      return [{ kind: 'other', md: details(str(a.title) || 'Click here to expand...', flow(node.content, ctx)) }];
    case 'mediaSingle':
    case 'mediaGroup': {
      const images = (node.content ?? []).filter((c) => c.type === 'media').map((c) => media(c, ctx));
      const caption = (node.content ?? []).find((c) => c.type === 'caption');
      const out: Block[] = images.map((md) => ({ kind: 'paragraph', md }));
      if (caption) {
        const text = inline(caption.content, ctx).trim();
        if (text) out.push({ kind: 'paragraph', md: `*${text}*` });
      }
      return out;
    }
    case 'media':
      return [{ kind: 'paragraph', md: media(node, ctx) }];
    case 'blockCard':
    case 'embedCard': {
      const url = str(a.url);
      return url
        ? [{ kind: 'paragraph', md: `[${escapeText(url)}](${linkDestination(url)})` }]
        : [{ kind: 'other', md: blockquote(placeholderText(ctx, node.type)) }];
    }
    case 'layoutSection':
    case 'layoutColumn':
      // Layouts flatten to their columns' content in reading order.
      return blocks(node.content, ctx);
    case 'extension':
    case 'bodiedExtension': {
      const params = a.parameters as Record<string, unknown> | undefined;
      const title = str(params?.extensionTitle) || str(a.text);
      const out: Block[] = [{ kind: 'other', md: blockquote(placeholderText(ctx, str(a.extensionKey) || node.type, title)) }];
      if (node.type === 'bodiedExtension') out.push(...blocks(node.content, ctx));
      return out;
    }
    default: {
      if (node.type === 'text' || node.type === 'hardBreak' || node.type === 'mention' || node.type === 'emoji') {
        return paragraph(inline([node], ctx));
      }
      // An unknown block: a placeholder, then whatever content it holds.
      const out: Block[] = [{ kind: 'other', md: blockquote(placeholderText(ctx, `adf:${node.type}`)) }];
      const children = node.content ?? [];
      const isInline = children.length > 0 && children.every((c) => c.type === 'text' || c.type === 'hardBreak');
      out.push(...(isInline ? paragraph(inline(children, ctx)) : blocks(children, ctx)));
      return out;
    }
  }
}

/** Convert an ADF document (an object, or its JSON text) to GitHub-flavoured Markdown. */
export function adfToMarkdown(doc: AdfNode | string, opts: AdfToMarkdownOptions = {}): ConversionResult {
  const root: unknown = typeof doc === 'string' ? JSON.parse(doc) : doc;
  if (!root || typeof root !== 'object' || typeof (root as AdfNode).type !== 'string') {
    throw new Error('Not an ADF document: expected an object with a "type".');
  }
  const result: ConversionResult = { markdown: '', unconverted: [], statuses: [], mentions: [] };
  const md = flow([root as AdfNode], { opts, result });
  result.markdown = md === '' ? '' : `${md}\n`;
  return result;
}
