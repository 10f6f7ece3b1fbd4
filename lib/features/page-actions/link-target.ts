import type { ActionFailure } from '../../atlassian/failure-view';
import { dcSiteOfUrl, pageContextOfUrl } from '../pages/page-of-url';
import type { ContentPageContext } from '../pages/page-context';

/*
 * The page a link points to, for menu actions on links. Every URL shape page detection knows
 * (tiny links included) gives the id; `/wiki/display/KEY/Title` names the page by title only,
 * so the dispatcher looks it up through the API once it has the token.
 */

export type LinkPage =
  | { ok: true; host: string; context: ContentPageContext }
  | { ok: true; host: string; byTitle: { spaceKey: string; title: string } }
  | { ok: false; failure: ActionFailure };

const notAPage = (message: string): LinkPage => ({
  ok: false,
  failure: { class: 'no-page', message, fix: 'Use the menu on a link to a Confluence page (or on the page itself).' },
});

/**
 * `/wiki/display/KEY/Some+Title` (Cloud) or `<context path>/display/KEY/Some+Title` (Data Center)
 * → KEY and "Some Title" (Confluence writes spaces as `+`).
 */
function displayTitle(url: URL, dcSite: string | undefined): { spaceKey: string; title: string } | undefined {
  const root = dcSite ? new URL(dcSite).pathname.replace(/\/$/, '') : '/wiki';
  if (!url.pathname.startsWith(`${root}/display/`)) return undefined;
  const m = /^\/display\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname.slice(root.length));
  if (!m) return undefined;
  try {
    const decode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' ')).trim();
    const spaceKey = decode(m[1]!);
    const title = decode(m[2]!);
    return spaceKey && title ? { spaceKey, title } : undefined;
  } catch {
    return undefined;
  }
}

/** `dcSites`: the base URLs of the Data Center sites the person added. */
export function linkPage(linkUrl: string, dcSites: readonly string[] = []): LinkPage {
  let url: URL;
  try {
    url = new URL(linkUrl);
  } catch {
    return notAPage('That link is not a web address.');
  }
  const context = pageContextOfUrl(url.href, dcSites);
  if (!context) return notAPage('That link does not point to a page of a Confluence site the extension knows.');
  if (context.kind === 'content') return { ok: true, host: context.host, context };
  const byTitle = displayTitle(url, dcSiteOfUrl(url.href, dcSites));
  if (context.contentIdUnresolved && byTitle) return { ok: true, host: context.host, byTitle };
  return notAPage('That link points to Confluence, but not to one page.');
}
