import { isUnderDcSite, type SiteKey } from '../../sites/site-key';
import { CONTENT_TYPES, type ContentType, type PageContext } from './page-context';
import { decodeSpaceKey, noMeta, normaliseContentId, sameSpace, validSpaceKey, type MetaReader } from './parse-page-context';
import { decodeTinyLink } from './tiny-link';

/*
 * Data Center page URLs, under the site's context path (API-FACTS "Data Center"; issue 10):
 * `/spaces/KEY/pages/ID[/Title]` (newer versions), `/pages/viewpage.action?pageId=ID` (and
 * `editpage.action`), `/x/<tiny>`, and `/display/KEY/Title`, which names the page by title only:
 * its id comes from the page's `ajs-page-id`, when that meta tag is of the same space.
 */

/** The page context of a URL of the Data Center site `baseUrl`, or null when it is not one of its pages. */
export function parseDcPageContext(href: string, baseUrl: SiteKey, readMeta: MetaReader = noMeta): PageContext | null {
  if (!isUnderDcSite(href, baseUrl)) return null;
  const url = new URL(href);
  const contextPath = new URL(baseUrl).pathname.replace(/\/$/, '');
  const rest = url.pathname.slice(contextPath.length);

  const metaId = normaliseContentId(readMeta('ajs-page-id'));
  const metaSpace = validSpaceKey(readMeta('ajs-space-key'));
  const metaTypeRaw = readMeta('ajs-content-type');
  const metaType = CONTENT_TYPES.find((t) => t === metaTypeRaw);
  const metaAgrees = (id: string) => metaId === null || metaId === id;

  const content = (contentId: string, spaceKey: string | null, view: 'view' | 'edit' = 'view'): PageContext => {
    const useMeta = metaAgrees(contentId);
    const contentType: ContentType = (useMeta && metaType) || 'page';
    return { kind: 'content', host: baseUrl, contentId, contentType, view, spaceKey: spaceKey ?? (useMeta ? metaSpace : null) };
  };
  const other = (spaceKey: string | null, contentIdUnresolved = false): PageContext => ({ kind: 'confluence-other', host: baseUrl, spaceKey, contentIdUnresolved });

  const spacePage = /^\/spaces\/([^/]+)\/pages\/(\d+)(?:\/.*)?$/.exec(rest);
  if (spacePage) {
    const id = normaliseContentId(spacePage[2]);
    if (id) return content(id, decodeSpaceKey(spacePage[1]));
  }
  const action = /^\/pages\/(viewpage|editpage)\.action$/.exec(rest);
  if (action) {
    const id = normaliseContentId(url.searchParams.get('pageId'));
    return id ? content(id, null, action[1] === 'editpage' ? 'edit' : 'view') : other(null, true);
  }
  const tiny = /^\/x\/([^/]+)\/?$/.exec(rest);
  if (tiny) {
    const id = decodeTinyLink(tiny[1]!);
    return id ? content(id, null) : other(null, true);
  }
  const display = /^\/display\/([^/]+)(?:\/(.*))?$/.exec(rest);
  if (display) {
    const spaceKey = decodeSpaceKey(display[1]);
    const title = display[2]?.replace(/\/$/, '');
    if (!title) return other(spaceKey);
    const spaceAgrees = !metaSpace || !spaceKey || sameSpace(metaSpace, spaceKey);
    if (metaId && spaceAgrees) return content(metaId, spaceKey ?? metaSpace);
    return other(spaceKey, true);
  }
  const space = /^\/spaces\/([^/]+)/.exec(rest);
  return other(space ? decodeSpaceKey(space[1]) : null);
}

/**
 * The base URL a page of a Data Center server says it belongs to: its origin and its
 * `ajs-context-path`, but only on a page that has `ajs-version-number` (every Confluence page
 * has it; Cloud pages are recognised by their host instead). Undefined: not a Confluence page.
 */
export function dcBaseUrlOfPage(href: string, readMeta: MetaReader): string | undefined {
  if (!readMeta('ajs-version-number')) return undefined;
  const contextPath = (readMeta('ajs-context-path') ?? '').trim().replace(/\/+$/, '');
  if (contextPath !== '' && !/^\/[^\s?#]*$/.test(contextPath)) return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:') return undefined;
  return `${url.origin}${contextPath}`;
}
