// The Data Center server: `https://confluence.dc.test/confluence` (context path), PAT Bearer
// auth, v1 REST only, DC user shape, bare-boolean watch status, the attachment download servlet
// (dc-download.ts), a login page, and pages with ajs-version-number at every DC URL shape (in
// Data Center's look: page-chrome.ts with the 'dc' flavour).
import { authenticateDc } from './auth';
import { DC_DOWNLOAD_PREFIX, dcSessionCookie, handleDcDownload } from './dc-download';
import { slugToTitle, spaceOfContent, spacesOf, titleSlug, type ContentStore } from './content-store';
import { SIM_DC, type SimContent } from './fixtures';
import {
  DC_DOWNLOAD_NOT_FOUND_STATUS,
  DC_SPACES_PAGES_URL_TITLE_IGNORED,
  DC_VERSION_NUMBER,
  DC_WATCH_DELETE_STATUS,
  DC_WATCH_WRITE_NEEDS_XSRF_HEADER,
  dcContentWatchBody,
  dcSpaceWatchBody,
  pageDocumentTitle,
  PAGE_URL_ID_WINS_OVER_SPACE_KEY,
} from './guesses';
import { escapeHtml, renderDocument } from './html-doc';
import { empty, html, json, redirect, text, type SimRequest, type SimResponse } from './http';
import { contentBodyHtml } from './page-body';
import { bylineInner, labelsInner, pageFoot, pageHeaderInner, shell, sidebar, sidebarInner, spaceAvatar, topNav } from './page-chrome';
import { PAGE_CSS } from './page-styles';
import { handleV1, type AddedWatch, type V1Flavor } from './routes-v1';
import type { SimEnv } from './site';
import { idForTinyCode } from './tiny-link';
import { currentUserJson, userJson } from './users';

/** DC answers a watch POST with a `ContentWatch` (doc; fields in guesses.ts), or a SpaceWatch for spaces. */
function dcWatchAdded(added: AddedWatch): SimResponse {
  const { principal, env } = added;
  const watcher = principal.kind === 'user' ? userJson(principal.user, env, true) : currentUserJson(principal, env);
  if (added.target === 'space') return json(200, dcSpaceWatchBody(watcher, added.space.key));
  return json(200, dcContentWatchBody(added.content.type, watcher, added.content.id));
}

export const DC_V1_FLAVOR: V1Flavor = {
  // DC answers a bare JSON boolean, not {"watching": ...} (doc).
  watchStatus: (watching) => text(200, String(watching), 'application/json'),
  watchAdded: dcWatchAdded,
  watchRemoved: () => empty(DC_WATCH_DELETE_STATUS),
  watchWriteNeedsXsrfHeader: DC_WATCH_WRITE_NEEDS_XSRF_HEADER,
  attachmentDownload: false,
};

function baseMetas(): Record<string, string> {
  return { 'ajs-version-number': DC_VERSION_NUMBER, 'ajs-context-path': SIM_DC.contextPath, 'ajs-base-url': SIM_DC.baseUrl };
}

const dcHref = (c: SimContent): string => `${SIM_DC.contextPath}/display/${c.spaceKey}/${titleSlug(c.title)}`;

function dcNav(): string {
  return topNav({ flavor: 'dc', product: 'Confluence', homeHref: `${SIM_DC.contextPath}/` });
}

function dcDocument(title: string, metas: Record<string, string>, sidebarHtml: string | undefined, mainHtml: string): string {
  return renderDocument({ title, metas, bodyHtml: shell(dcNav(), sidebarHtml, mainHtml), styles: PAGE_CSS, bodyClass: 'ctc-dc' });
}

function notFoundPage(status = 404): SimResponse {
  return html(
    status,
    dcDocument('Page Not Found - Confluence', baseMetas(), undefined, '<div class="ctc-empty"><h1>Page not found</h1><p>The page you were looking for was not found.</p></div>'),
  );
}

/** The browser shown a page is logged in: its session cookie comes along (see DC_SESSION_COOKIE_NAME). */
function withSession(r: SimResponse): SimResponse {
  return { ...r, headers: { ...r.headers, 'set-cookie': dcSessionCookie() } };
}

function loginPage(req: SimRequest): SimResponse {
  const destination = req.url.searchParams.get('os_destination') ?? '/';
  const main = `<div class="ctc-content"><h1 id="title-text" class="ctc-title">Log in</h1>
<form id="loginform" method="post" action="${SIM_DC.contextPath}/dologin.action">
<p><label>Username <input id="os_username" name="os_username" autocomplete="username"></label></p>
<p><label>Password <input id="os_password" name="os_password" type="password" autocomplete="current-password"></label></p>
<input type="hidden" name="os_destination" value="${escapeHtml(destination)}"><button id="loginButton" type="submit">Log in</button></form></div>`;
  return html(200, dcDocument('Log In - Confluence', baseMetas(), undefined, main));
}

function pageHtml(c: SimContent | undefined, content: ContentStore): SimResponse {
  if (!c) return notFoundPage();
  const space = spaceOfContent(c);
  const home = content.find(SIM_DC.host, space.homepageId);
  const overviewHref = home ? dcHref(home) : `${SIM_DC.contextPath}/`;
  const view = contentBodyHtml(c, dcHref, content);
  const main = `<div id="page">
  <div id="ctc-page-header" class="ctc-page-header">${pageHeaderInner({ flavor: 'dc', space, c, hrefOf: dcHref, overviewHref, content })}</div>
  <div class="ctc-content">
  <h1 id="title-text" class="ctc-title">${escapeHtml(c.title)}</h1>
  <div id="ctc-byline" class="ctc-byline">${bylineInner(c, view, 'dc')}</div>
  <div id="main-content" class="wiki-content">${view}</div>
  <div id="ctc-labels" class="ctc-labels">${labelsInner(c)}</div>
  ${pageFoot('dc')}
  </div>
</div>`;
  const side = sidebar(sidebarInner({ flavor: 'dc', space, current: c, hrefOf: dcHref, overviewHref, content }));
  return html(
    200,
    dcDocument(
      pageDocumentTitle(c.title, space.name),
      {
        'ajs-page-id': c.id,
        'ajs-page-title': c.title,
        'ajs-space-key': space.key,
        'ajs-space-name': space.name,
        'ajs-content-type': c.type,
        'ajs-page-version': String(c.version.number),
        ...baseMetas(),
      },
      side,
      main,
    ),
  );
}

function dashboard(content: ContentStore): SimResponse {
  const spaces = spacesOf(SIM_DC.host);
  const cards = spaces
    .map((s) => {
      const home = content.find(SIM_DC.host, s.homepageId);
      return `<a class="ctc-card" href="${escapeHtml(home ? dcHref(home) : `${SIM_DC.contextPath}/`)}"><div class="ctc-card-title">${spaceAvatar(s)}<span>${escapeHtml(s.name)}</span></div><div class="ctc-card-meta">${escapeHtml(s.description)}</div></a>`;
    })
    .join('');
  const main = `<div class="ctc-content"><h1 id="title-text" class="ctc-title">Dashboard</h1>
<p style="color:#44546F;margin:0">Welcome to Confluence.</p>
<section class="ctc-home-section"><h2>Spaces</h2><div class="ctc-cards">${cards}</div></section></div>`;
  return html(200, dcDocument('Dashboard - Confluence', baseMetas(), undefined, main));
}

/** `/spaces/KEY/pages/ID[/Title]` (newer DC versions): the id names the page (guesses.ts). */
function spacesPagesHtml(content: ContentStore, spaceKey: string, id: string, slug: string | undefined): SimResponse {
  const c = content.find(SIM_DC.host, id);
  if (!c) return pageHtml(undefined, content);
  const keyOk = PAGE_URL_ID_WINS_OVER_SPACE_KEY || c.spaceKey.toLowerCase() === spaceKey.toLowerCase();
  const titleOk = DC_SPACES_PAGES_URL_TITLE_IGNORED || slug === undefined || slugToTitle(slug) === c.title;
  return pageHtml(keyOk && titleOk ? c : undefined, content);
}

function dcHtml(req: SimRequest, rest: string, content: ContentStore): SimResponse {
  let m: RegExpExecArray | null;
  if (rest === '/login.action') return loginPage(req);
  if (rest === '' || rest === '/' || rest === '/index.action') return withSession(dashboard(content));
  if (rest === '/pages/viewpage.action') return withSession(pageHtml(content.find(SIM_DC.host, req.url.searchParams.get('pageId') ?? ''), content));
  if ((m = /^\/display\/([^/]+)\/([^/]+)\/?$/.exec(rest))) return withSession(pageHtml(content.findByTitle(SIM_DC.host, decodeURIComponent(m[1]!), slugToTitle(m[2]!)), content));
  if ((m = /^\/spaces\/([^/]+)\/pages\/(\d+)(?:\/([^/]+))?\/?$/.exec(rest))) return withSession(spacesPagesHtml(content, decodeURIComponent(m[1]!), m[2]!, m[3]));
  if ((m = /^\/x\/([A-Za-z0-9_-]+)\/?$/.exec(rest))) return withSession(pageHtml(content.find(SIM_DC.host, idForTinyCode(m[1]!) ?? ''), content));
  return pageHtml(undefined, content);
}

export function handleDc(req: SimRequest, env: SimEnv): SimResponse {
  const p = req.url.pathname;
  if (p === '/') return redirect(`${SIM_DC.contextPath}/`);
  if (p !== SIM_DC.contextPath && !p.startsWith(`${SIM_DC.contextPath}/`)) return text(404, 'Not Found');
  const rest = p.slice(SIM_DC.contextPath.length);
  if (rest === '/rest/api' || rest.startsWith('/rest/api/')) {
    const auth = authenticateDc(req, env.state, SIM_DC.host);
    if (!auth.ok) return auth.response;
    return handleV1({
      req,
      state: env.state,
      env: { host: SIM_DC.host, base: SIM_DC.baseUrl, context: SIM_DC.contextPath, flavor: 'dc', principal: auth.principal, content: env.state.content },
      flavor: DC_V1_FLAVOR,
      subPath: rest.slice('/rest/api'.length),
    });
  }
  if (rest.startsWith(DC_DOWNLOAD_PREFIX)) return handleDcDownload(req, env, rest, () => notFoundPage(DC_DOWNLOAD_NOT_FOUND_STATUS));
  return dcHtml(req, rest, env.state.content);
}
