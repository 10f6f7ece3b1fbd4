// The body of a simulated Confluence page in the browser: the storage body through bodies.ts's
// storageToView, after a small pass that keeps what the view shows of some macros (status
// lozenges, panel colours, code titles, Jira keys), whose parameters storageToView drops.
// Whiteboards, databases and folders get a look-alike of their own.
import { storageBody, storageToView } from './bodies';
import type { ContentStore } from './content-store';
import type { SimContent } from './fixtures';
import { escapeHtml } from './html-doc';
import { ICONS, formatDate, typeIcon } from './page-chrome';

function param(inner: string, name: string): string | undefined {
  const m = new RegExp(`<ac:parameter\\b[^>]*ac:name="${name}"[^>]*>([\\s\\S]*?)</ac:parameter>`).exec(inner);
  return m?.[1]?.trim();
}

/** Text of a storage parameter (XHTML text: entities stay, tags go). */
function paramText(inner: string, name: string): string | undefined {
  const v = param(inner, name)?.replace(/<[^>]+>/g, '').trim();
  return v ? v : undefined;
}

const TONES = ['blue', 'green', 'yellow', 'red', 'purple', 'teal', 'orange', 'gray', 'magenta', 'lime'];

function safeColour(v: string | undefined): string | undefined {
  if (!v) return undefined;
  if (/^var\(--ds-[a-z0-9-]+\)$/.test(v) || /^#[0-9a-fA-F]{3,8}$/.test(v)) return v;
  return undefined;
}

/** Storage with status, panel, code, expand and jira macros made ready for storageToView. */
export function prepareStorage(storage: string): string {
  // A whole status macro (never nested) becomes a lozenge.
  let s = storage.replace(/<ac:structured-macro\b[^>]*\bac:name="status"[^>]*(?<!\/)>([\s\S]*?)<\/ac:structured-macro>/g, (whole, inner: string) => {
    if (inner.includes('<ac:structured-macro')) return whole;
    const colour = (param(inner, 'colour') ?? 'grey').toLowerCase().replace(/[^a-z]/g, '');
    return `<span class="status-macro aui-lozenge lozenge-${colour}">${paramText(inner, 'title') ?? colour}</span>`;
  });
  // A jira macro shows its issue key.
  s = s.replace(/<ac:structured-macro\b[^>]*\bac:name="jira"[^>]*(?<!\/)>([\s\S]*?)<\/ac:structured-macro>/g, (whole, inner: string) => {
    if (inner.includes('<ac:structured-macro')) return whole;
    const key = paramText(inner, 'key');
    return key ? `<span class="jira-issue">${key}</span>` : whole;
  });
  // The opening of panel, code and expand macros, with the parameters right after it.
  s = s.replace(
    /<ac:structured-macro\b[^>]*\bac:name="(panel|code|expand)"[^>]*(?<!\/)>((?:\s*<ac:parameter\b[^>]*>[\s\S]*?<\/ac:parameter>)*)/g,
    (_m, name: string, params: string) => {
      if (name === 'panel') {
        const bg = safeColour(param(params, 'bgColor'));
        const tone = TONES.find((t) => bg?.includes(t)) ?? (bg ? 'gray' : 'gray');
        return `<div class="conf-macro output-block" data-macro-name="panel" data-panel-tone="${tone}"${bg ? ` style="background-color:${bg}"` : ''}>`;
      }
      const title = paramText(params, 'title');
      if (name === 'code') return `<div class="conf-macro output-block" data-macro-name="code">${title ? `<div class="code-title">${title}</div>` : ''}`;
      return `<div class="conf-macro output-block" data-macro-name="expand"><div class="expand-title">${title ?? 'Click here to expand...'}</div>`;
    },
  );
  return s;
}

function whiteboardView(c: SimContent): string {
  // Sticky notes at fixed positions (px) with connectors between their edges.
  const notes = [
    ['#FFF7D6', 'Browser', 60, 60],
    ['#E9F2FF', 'Content script', 300, 40],
    ['#DCFFF1', 'Background', 540, 110],
    ['#F3F0FF', 'REST API', 300, 220],
  ] as const;
  const stickies = notes
    .map(([bg, text, left, top]) => `<div style="position:absolute;left:${left}px;top:${top}px;width:120px;height:48px;display:flex;align-items:center;justify-content:center;background:${bg};border-radius:4px;box-shadow:0 1px 2px rgba(9,30,66,.25);font-size:14px">${text}</div>`)
    .join('');
  const lines = 'M180 84 C 230 84, 250 64, 300 64 M420 64 C 480 64, 490 134, 540 134 M360 88 L 360 220';
  return `<div class="ctc-type-banner">${typeIcon(c.type)}<span>Whiteboard · ${escapeHtml(c.title)}</span></div>
<div style="position:relative;height:320px;border:1px solid #DFE1E6;border-radius:8px;background-color:#FFFFFF;background-image:radial-gradient(#DCDFE4 1px, transparent 1px);background-size:16px 16px;overflow:hidden">
<svg style="position:absolute;left:0;top:0" width="760" height="320" aria-hidden="true"><path d="${lines}" fill="none" stroke="#8590A2" stroke-width="2"/></svg>${stickies}</div>`;
}

function databaseView(c: SimContent): string {
  const rows = [
    ['Content script', 'Frontend', 'Done', 'green'],
    ['Token vault', 'Background', 'In progress', 'blue'],
    ['Health report', 'Background', 'In review', 'purple'],
    ['Reminders', 'Options', 'To do', 'grey'],
  ];
  const body = rows
    .map(([name, area, status, colour]) => `<tr><td>${name}</td><td>${area}</td><td><span class="status-macro lozenge-${colour}">${status}</span></td><td>Alice Example</td></tr>`)
    .join('');
  return `<div class="ctc-type-banner">${typeIcon(c.type)}<span>Database · ${rows.length} entries</span></div>
<table><thead><tr><th>Component</th><th>Area</th><th>Status</th><th>Owner</th></tr></thead><tbody>${body}</tbody></table>`;
}

function folderView(c: SimContent, hrefOf: (c: SimContent) => string, content: ContentStore): string {
  const kids = content.childrenOf(c);
  if (!kids.length) {
    return `<div class="ctc-type-banner">${typeIcon(c.type)}<span>Folder</span></div>
<div class="ctc-empty" style="padding:48px 24px;border:1px dashed #DFE1E6;border-radius:8px">${ICONS.folder.replace(/width="16" height="16"/, 'width="40" height="40" style="margin:0 auto;color:#8590A2"')}<p>This folder is empty.</p></div>`;
  }
  const items = kids.map((k) => `<a class="ctc-card" href="${escapeHtml(hrefOf(k))}"><div class="ctc-card-title">${typeIcon(k.type)}${escapeHtml(k.title)}</div><div class="ctc-card-meta">Updated ${formatDate(k.version.when)}</div></a>`);
  return `<div class="ctc-type-banner">${typeIcon(c.type)}<span>Folder · ${kids.length} items</span></div><div class="ctc-cards">${items.join('')}</div>`;
}

/** The HTML inside `#main-content` for any type of content. */
export function contentBodyHtml(c: SimContent, hrefOf: (c: SimContent) => string, content: ContentStore): string {
  switch (c.type) {
    case 'page':
    case 'blogpost':
      return storageToView(prepareStorage(storageBody(c)), c);
    case 'whiteboard':
      return whiteboardView(c);
    case 'database':
      return databaseView(c);
    case 'folder':
      return folderView(c, hrefOf, content);
  }
}
