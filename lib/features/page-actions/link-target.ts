import type { ActionFailure } from '../../atlassian/failure-view';
import { parsePageContext } from '../pages/parse-page-context';
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

/** `/wiki/display/KEY/Some+Title` → KEY and "Some Title" (Confluence writes spaces as `+`). */
function displayTitle(url: URL): { spaceKey: string; title: string } | undefined {
  const m = /^\/wiki\/display\/([^/]+)\/([^/]+)\/?$/.exec(url.pathname);
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

export function linkPage(linkUrl: string): LinkPage {
  let url: URL;
  try {
    url = new URL(linkUrl);
  } catch {
    return notAPage('That link is not a web address.');
  }
  const context = parsePageContext(url.href);
  if (!context) return notAPage('That link does not point to a Confluence Cloud page.');
  if (context.kind === 'content') return { ok: true, host: context.host, context };
  const byTitle = displayTitle(url);
  if (context.contentIdUnresolved && byTitle) return { ok: true, host: context.host, byTitle };
  return notAPage('That link points to Confluence, but not to one page.');
}
