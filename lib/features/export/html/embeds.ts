// Embedded frames and media (a widget connector's iframe, a video attachment) cannot come
// along: each leaves a visible link to what it showed instead of silently disappearing.
import { isScriptUrl } from './removal-tally';

const EMBEDS = new Set(['iframe', 'frame', 'embed', 'object', 'video', 'audio']);

function embedSource(el: Element): string {
  const own = el.getAttribute('src') ?? el.getAttribute('data') ?? '';
  if (own.trim()) return own.trim();
  return el.querySelector('source[src]')?.getAttribute('src')?.trim() ?? '';
}

/**
 * Puts a placeholder link before an embed that is about to be removed. Inserted before the
 * element, so DOMPurify's walk, already past that point, does not visit it; the link rewrite
 * afterwards checks its target like any other link's.
 */
export function leaveEmbedPlaceholder(el: Element, tagName: string): void {
  if (!EMBEDS.has(tagName) || !el.parentNode) return;
  const source = embedSource(el);
  if (!source || isScriptUrl(source) || /^\s*data:/i.test(source)) return;
  const a = el.ownerDocument.createElement('a');
  a.setAttribute('class', 'export-embed');
  a.setAttribute('href', source);
  a.textContent = `Embedded content: ${el.getAttribute('title')?.trim() || source}`;
  el.parentNode.insertBefore(a, el);
}
