// Page bodies in every representation. Storage comes from the shared real samples when present
// (read at runtime, never copied into the project), else from a built-in body; the other
// representations are derived from it with a deliberately small renderer, or, for content with
// `rendering: 'confluence'`, with Confluence's own markup (export-view.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { ContentStore } from './content-store';
import { renderConfluenceView } from './export-view';
import { builtinStorage, type SimContent } from './fixtures';
import { ADF_SAMPLES_DIR, STORAGE_SAMPLES_DIR } from './paths';
import { contextPathOf } from './urls';

export const BODY_FORMATS = [
  'storage',
  'atlas_doc_format',
  'view',
  'export_view',
  'anonymous_export_view',
  'styled_view',
  'editor',
] as const;
export type BodyFormat = (typeof BODY_FORMATS)[number];

const cache = new Map<string, string | null>();

function readSample(dir: string, file: string): string | undefined {
  const full = path.join(dir, file);
  if (!cache.has(full)) cache.set(full, existsSync(full) ? readFileSync(full, 'utf8') : null);
  return cache.get(full) ?? undefined;
}

let sampleNames: readonly string[] | undefined;

/** The shared storage samples' file names, sorted (none when ../shared is missing). */
export function storageSampleNames(): readonly string[] {
  sampleNames ??= existsSync(STORAGE_SAMPLES_DIR) ? readdirSync(STORAGE_SAMPLES_DIR).filter((f) => f.endsWith('.xml')).sort() : [];
  return sampleNames;
}

export function storageBody(c: SimContent): string {
  if (c.storage) return c.storage;
  if (c.storageParts) return c.storageParts.map((p) => ('storage' in p ? p.storage : (readSample(STORAGE_SAMPLES_DIR, p.sample) ?? ''))).join('\n');
  const sample = c.storageSample ? readSample(STORAGE_SAMPLES_DIR, c.storageSample) : undefined;
  return sample ?? builtinStorage(c.title);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Storage (XHTML with ac:/ri: elements) to view HTML, roughly the way Confluence renders it. */
export function storageToView(storage: string, c: SimContent): string {
  // Site-relative links, under '/wiki' on Cloud and the context path on Data Center.
  const context = contextPathOf(c.site);
  let html = storage
    .replace(/<\?xml[^>]*\?>/g, '')
    .replace(/<!DOCTYPE[^>]*>/gi, '')
    .replace(/<\/?ac:confluence[^>]*>/g, '');
  html = html.replace(/<ac:parameter\b[^>]*>[\s\S]*?<\/ac:parameter>/g, '');
  html = html.replace(/<ac:plain-text-body>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/ac:plain-text-body>/g, (_m, code: string) => `<pre>${escapeHtml(code)}</pre>`);
  html = html.replace(/<ac:plain-text-link-body>\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*<\/ac:plain-text-link-body>/g, (_m, text: string) => escapeHtml(text));
  html = html.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, text: string) => escapeHtml(text));
  html = html.replace(/<ac:image\b[^>]*>\s*<ri:attachment\b[^>]*ri:filename="([^"]*)"[^>]*\/>\s*<\/ac:image>/g, (_m, file: string) => {
    const att = c.attachments.find((a) => a.title === file);
    const version = att ? att.version : 1;
    return `<img class="confluence-embedded-image" src="${context}/download/attachments/${c.id}/${encodeURIComponent(file)}?version=${version}&amp;api=v2" alt="${escapeHtml(file)}">`;
  });
  html = html.replace(/<ac:link\b[^>]*>\s*<ri:page\b[^>]*ri:content-title="([^"]*)"[^>]*\/>([\s\S]*?)<\/ac:link>/g, (_m, title: string, inner: string) => {
    const text = inner.replace(/<[^>]+>/g, '').trim() || title;
    return `<a href="${context}/display/${c.spaceKey}/${encodeURIComponent(title).replace(/%20/g, '+')}">${text}</a>`;
  });
  html = html.replace(/<ac:structured-macro\b[^>]*ac:name="([^"]*)"[^>]*\/>/g, (_m, name: string) => `<div class="conf-macro output-block" data-macro-name="${escapeHtml(name)}"></div>`);
  html = html.replace(/<ac:structured-macro\b[^>]*ac:name="([^"]*)"[^>]*>/g, (_m, name: string) => `<div class="conf-macro output-block" data-macro-name="${escapeHtml(name)}">`);
  html = html.replace(/<\/ac:structured-macro>/g, '</div>');
  html = html.replace(/<ac:rich-text-body>/g, '<div class="panelContent">').replace(/<\/ac:rich-text-body>/g, '</div>');
  html = html.replace(/<ac:task-list>/g, '<ul class="inline-task-list">').replace(/<\/ac:task-list>/g, '</ul>');
  html = html.replace(/<ac:task>/g, '<li>').replace(/<\/ac:task>/g, '</li>');
  html = html.replace(/<ac:task-(?:id|status)>[\s\S]*?<\/ac:task-(?:id|status)>/g, '');
  // Whatever ac:/ri: markup is left is dropped, keeping its text.
  html = html.replace(/<\/?(?:ac|ri):[^>]*>/g, '');
  return html.trim();
}

function plainText(html: string): string {
  return html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\s+/g, ' ').trim();
}

export function adfBody(c: SimContent): string {
  if (c.adfDoc) return JSON.stringify(c.adfDoc);
  const sample = c.adfSample ? readSample(ADF_SAMPLES_DIR, c.adfSample) : undefined;
  if (sample) return JSON.stringify(JSON.parse(sample));
  const text = plainText(storageToView(storageBody(c), c)).slice(0, 2000) || c.title;
  return JSON.stringify({
    type: 'doc',
    version: 1,
    content: [
      { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: c.title }] },
      { type: 'paragraph', content: [{ type: 'text', text }] },
    ],
  });
}

const STYLED_VIEW_CSS = 'body{font-family:-apple-system,"Segoe UI",sans-serif;font-size:14px;line-height:1.42857}';

// Rendered Confluence-style views, per store (content never changes; a reset makes a new store).
const rendered = new WeakMap<ContentStore, Map<SimContent, string>>();

/** view HTML: Confluence's markup for `rendering: 'confluence'` (falling back if not well-formed), else the small renderer. */
function viewHtml(storage: string, c: SimContent, store: ContentStore): string {
  if (c.rendering !== 'confluence') return storageToView(storage, c);
  let cache = rendered.get(store);
  if (!cache) rendered.set(store, (cache = new Map()));
  let html = cache.get(c);
  if (html === undefined) {
    html = renderConfluenceView(storage, c, store) ?? storageToView(storage, c);
    cache.set(c, html);
  }
  return html;
}

export function bodyIn(format: BodyFormat, c: SimContent, store: ContentStore): string {
  const storage = storageBody(c);
  switch (format) {
    case 'storage':
      return storage;
    case 'atlas_doc_format':
      return adfBody(c);
    case 'editor':
      return storageToView(storage, c);
    case 'view':
      return viewHtml(storage, c, store);
    case 'export_view':
    case 'anonymous_export_view':
      return `<div class="wiki-content">${viewHtml(storage, c, store)}</div>`;
    case 'styled_view':
      return `<html><head><style>${STYLED_VIEW_CSS}</style></head><body><div id="Content">${viewHtml(storage, c, store)}</div></body></html>`;
  }
}

export function isBodyFormat(s: string): s is BodyFormat {
  return (BODY_FORMATS as readonly string[]).includes(s);
}
