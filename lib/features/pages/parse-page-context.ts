import { CONTENT_TYPES, MAX_CONTENT_ID, type ContentType, type PageContext } from './page-context';
import { cloudSiteHostOf } from '../../sites/site-host';
import { decodeTinyLink } from './tiny-link';
import { CONTENT_URL_SHAPES } from './url-shapes';

/**
 * Reads a `<meta name="...">` tag's content, or null. The content script passes one backed by
 * the document; tests pass a plain lookup; the background (which has only a URL) passes none.
 */
export type MetaReader = (
  name: 'ajs-page-id' | 'ajs-space-key' | 'ajs-content-type' | 'ajs-version-number' | 'ajs-context-path',
) => string | null | undefined;

export const noMeta: MetaReader = () => null;

/** A content id as a canonical decimal string, or null. */
export function normaliseContentId(raw: string | null | undefined): string | null {
  if (!raw || !/^\d{1,19}$/.test(raw)) return null;
  const id = BigInt(raw);
  return id > 0n && id <= MAX_CONTENT_ID ? id.toString() : null;
}

export function validSpaceKey(key: string | null | undefined): string | null {
  return key && /^[^\s/?#]{1,255}$/.test(key) ? key : null;
}

export function decodeSpaceKey(segment: string | undefined): string | null {
  try {
    return validSpaceKey(segment && decodeURIComponent(segment));
  } catch {
    return null;
  }
}

export function sameSpace(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/**
 * The page context of a URL, or null when it is not a Confluence page (another host, or a
 * path outside `/wiki` such as Jira on the same site).
 *
 * Meta tags are only used where the URL lacks something, and only when they agree with the
 * URL: after single-page navigation they may still describe the previous page.
 */
export function parsePageContext(href: string, readMeta: MetaReader = noMeta): PageContext | null {
  const host = cloudSiteHostOf(href);
  if (!host) return null;
  const url = new URL(href);
  const path = url.pathname;
  if (path !== '/wiki' && !path.startsWith('/wiki/')) return null;
  const rest = path.slice('/wiki'.length);

  const metaId = normaliseContentId(readMeta('ajs-page-id'));
  const metaSpace = validSpaceKey(readMeta('ajs-space-key'));
  const metaTypeRaw = readMeta('ajs-content-type');
  const metaType = CONTENT_TYPES.find((t) => t === metaTypeRaw);
  // Meta describing the page with this id (or not naming an id at all) may fill in gaps.
  const metaAgrees = (id: string) => metaId === null || metaId === id;

  const content = (contentId: string, contentType: ContentType, spaceKey: string | null, view: 'view' | 'edit' = 'view'): PageContext => ({
    kind: 'content',
    host,
    contentId,
    contentType,
    view,
    spaceKey,
  });
  const other = (spaceKey: string | null, contentIdUnresolved = false): PageContext => ({
    kind: 'confluence-other',
    host,
    spaceKey,
    contentIdUnresolved,
  });

  for (const shape of CONTENT_URL_SHAPES) {
    const groups = shape.pattern.exec(rest)?.groups;
    const id = normaliseContentId(groups?.id);
    if (groups && id) return content(id, shape.type, decodeSpaceKey(groups.space), shape.view);
  }

  if (rest === '/pages/viewpage.action') {
    const id = normaliseContentId(url.searchParams.get('pageId'));
    if (!id) return other(null, true);
    const useMeta = metaAgrees(id);
    return content(id, (useMeta && metaType) || 'page', useMeta ? metaSpace : null);
  }

  const tiny = /^\/x\/([^/]+)\/?$/.exec(rest);
  if (tiny) {
    const id = decodeTinyLink(tiny[1]!);
    if (!id) return other(null, true);
    const useMeta = metaAgrees(id);
    return content(id, (useMeta && metaType) || 'page', useMeta ? metaSpace : null);
  }

  const display = /^\/display\/([^/]+)(?:\/(.*))?$/.exec(rest);
  if (display) {
    const spaceKey = decodeSpaceKey(display[1]);
    const title = display[2]?.replace(/\/$/, '');
    if (!title) return other(spaceKey);
    // The URL names the page by title only: the id comes from meta tags of the same space.
    const spaceAgrees = !metaSpace || !spaceKey || sameSpace(metaSpace, spaceKey);
    if (metaId && spaceAgrees) return content(metaId, metaType ?? 'page', spaceKey ?? metaSpace);
    return other(spaceKey, true);
  }

  const space = /^\/spaces\/([^/]+)/.exec(rest);
  return other(space ? decodeSpaceKey(space[1]) : null);
}
