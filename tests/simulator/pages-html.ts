// HTML pages of a Cloud site, so the extension's content script runs on realistic URLs and DOM:
// page/blog/whiteboard/database/folder URLs, tiny links, /display/ titles, overview, home, Jira
// pages (not Confluence), and a page that navigates with history.pushState like the real app.
import { storageBody, storageToView } from './bodies';
import { ancestorsOf, childrenOf, findByTitle, findContent, findSpace, slugToTitle, spaceOfContent } from './content-store';
import type { SimContent, SimSite } from './fixtures';
import {
  JIRA_PAGES_CARRY_CLOUD_ID,
  OVERVIEW_CARRIES_HOMEPAGE_META,
  SHORT_DATABASE_AND_FOLDER_PATHS,
  pageDocumentTitle,
} from './guesses';
import { escapeHtml, renderDocument, scriptJson, type HtmlDocument } from './html-doc';
import { html, redirect, type SimRequest, type SimResponse } from './http';
import { idForTinyCode } from './tiny-link';
import { cloudContentPath } from './urls';

/** Meta tags that change when the single-page app moves to another page. */
const CONTENT_METAS = ['ajs-page-id', 'ajs-page-title', 'ajs-space-key', 'ajs-space-name', 'ajs-content-type', 'ajs-page-version'];

function siteMetas(site: SimSite): Record<string, string> {
  return {
    'ajs-cloud-id': site.cloudId,
    'ajs-base-url': `https://${site.host}/wiki`,
    'ajs-context-path': '/wiki',
    'ajs-site-title': `${site.name} Confluence`,
  };
}

function contentMetas(c: SimContent, site: SimSite): Record<string, string> {
  const space = spaceOfContent(c);
  return {
    'ajs-page-id': c.id,
    'ajs-page-title': c.title,
    'ajs-space-key': space.key,
    'ajs-space-name': space.name,
    'ajs-content-type': c.type,
    'ajs-page-version': String(c.version.number),
    ...siteMetas(site),
  };
}

function link(c: SimContent, spa = false): string {
  return `<a href="${escapeHtml(cloudContentPath(c))}"${spa ? ' data-spa-link' : ''}>${escapeHtml(c.title)}</a>`;
}

function contentView(c: SimContent): string {
  return c.type === 'page' || c.type === 'blogpost' ? storageToView(storageBody(c), c) : `<p>${escapeHtml(c.type)}: ${escapeHtml(c.title)}</p>`;
}

interface SpaRoute {
  docTitle: string;
  title: string;
  metas: Record<string, string>;
  bodyHtml: string;
}

/** Links of the single-page-app demo page: other pages of the site, a blog post, the overview. */
function spaTargets(start: SimContent): SimContent[] {
  const ids = [start.id, '1000002', '201819180', '6180601871', '1000100', '1000501'];
  return ids.map((id) => findContent(start.site, id)).filter((c): c is SimContent => c !== undefined);
}

function spaScript(routes: Record<string, SpaRoute>): string {
  return `(function () {
  var routes = ${scriptJson(routes)};
  var managed = ${scriptJson(CONTENT_METAS)};
  function apply(path) {
    var r = routes[path];
    if (!r) return false;
    document.title = r.docTitle;
    managed.forEach(function (name) {
      var el = document.querySelector('meta[name="' + name + '"]');
      var value = r.metas[name];
      if (value === undefined) { if (el) el.remove(); return; }
      if (!el) { el = document.createElement('meta'); el.setAttribute('name', name); document.head.appendChild(el); }
      el.setAttribute('content', value);
    });
    document.getElementById('title-text').textContent = r.title;
    document.getElementById('main-content').innerHTML = r.bodyHtml;
    return true;
  }
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[data-spa-link]') : null;
    if (!a) return;
    var href = a.getAttribute('href');
    if (!routes[href]) return;
    e.preventDefault();
    history.pushState({ spa: href }, '', href);
    apply(href);
  });
  window.addEventListener('popstate', function () { apply(location.pathname + location.search); });
})();`;
}

function spaParts(c: SimContent, site: SimSite): { nav: string; script: string } {
  const routes: Record<string, SpaRoute> = {};
  const targets = spaTargets(c);
  for (const t of targets) {
    const space = spaceOfContent(t);
    routes[cloudContentPath(t)] = { docTitle: pageDocumentTitle(t.title, space.name), title: t.title, metas: contentMetas(t, site), bodyHtml: contentView(t) };
  }
  const eng = findSpace(site.host, c.spaceKey);
  if (eng) {
    // The overview has no page id in its URL; the app still shows the homepage.
    const home = findContent(site.host, eng.homepageId);
    if (home) {
      routes[`/wiki/spaces/${eng.key}/overview`] = {
        docTitle: pageDocumentTitle(home.title, eng.name),
        title: home.title,
        metas: OVERVIEW_CARRIES_HOMEPAGE_META ? contentMetas(home, site) : { 'ajs-space-key': eng.key, 'ajs-space-name': eng.name },
        bodyHtml: contentView(home),
      };
    }
  }
  const items = Object.entries(routes)
    .map(([href, r]) => `<li><a href="${escapeHtml(href)}" data-spa-link>${escapeHtml(r.title)}</a></li>`)
    .join('');
  return { nav: `<nav id="spa-nav"><ul>${items}</ul></nav>`, script: spaScript(routes) };
}

function contentDocument(c: SimContent, site: SimSite, mode: 'view' | 'edit' = 'view'): HtmlDocument {
  const space = spaceOfContent(c);
  const crumbs = ancestorsOf(c).map((a) => `<li>${link(a)}</li>`).join('');
  const children = childrenOf(c).map((x) => `<li>${link(x)}</li>`).join('');
  const spa = c.spa ? spaParts(c, site) : undefined;
  const title = mode === 'edit' ? `Editing ${c.title}` : c.title;
  const bodyHtml = `<div id="page">
  <nav id="breadcrumbs"><ul><li><a href="/wiki/spaces/${escapeHtml(space.key)}/overview">${escapeHtml(space.name)}</a></li>${crumbs}</ul></nav>
  ${spa?.nav ?? ''}
  <h1 id="title-text">${escapeHtml(c.title)}</h1>
  <div id="main-content" class="wiki-content">${mode === 'edit' ? `<div contenteditable="true">${contentView(c)}</div>` : contentView(c)}</div>
  <ul id="child-pages">${children}</ul>
</div>`;
  return { title: pageDocumentTitle(title, space.name), metas: contentMetas(c, site), bodyHtml, script: spa?.script };
}

function notFoundDocument(site: SimSite): SimResponse {
  return html(404, renderDocument({ title: 'Page Not Found - Confluence', metas: siteMetas(site), bodyHtml: '<h1>Page not found</h1>' }));
}

function contentResponse(site: SimSite, id: string | undefined | null, mode: 'view' | 'edit' = 'view'): SimResponse {
  const c = id ? findContent(site.host, id) : undefined;
  return c ? html(200, renderDocument(contentDocument(c, site, mode))) : notFoundDocument(site);
}

function overview(site: SimSite, key: string): SimResponse {
  const space = findSpace(site.host, key);
  if (!space) return notFoundDocument(site);
  const home = findContent(site.host, space.homepageId);
  if (home && OVERVIEW_CARRIES_HOMEPAGE_META) return html(200, renderDocument(contentDocument(home, site)));
  return html(
    200,
    renderDocument({
      title: `${space.name} - Confluence`,
      metas: { 'ajs-space-key': space.key, 'ajs-space-name': space.name, ...siteMetas(site) },
      bodyHtml: `<h1 id="title-text">${escapeHtml(space.name)}</h1>`,
    }),
  );
}

function jiraPage(site: SimSite, title: string, bodyHtml: string): SimResponse {
  const metas: Record<string, string> = { 'application-name': 'JIRA' };
  if (JIRA_PAGES_CARRY_CLOUD_ID) metas['ajs-cloud-id'] = site.cloudId;
  return html(200, renderDocument({ title: `${title} - Jira`, metas, bodyHtml }));
}

export function handleSiteHtml(req: SimRequest, site: SimSite): SimResponse {
  const p = req.url.pathname;
  let m: RegExpExecArray | null;
  if (p === '/' || p === '/wiki' || p === '/wiki/') return redirect('/wiki/home');
  if (p === '/favicon.ico') return { status: 404 };
  if (p === '/wiki/home') {
    return html(200, renderDocument({ title: 'Home - Confluence', metas: siteMetas(site), bodyHtml: '<h1>Welcome to Confluence</h1>' }));
  }
  if ((m = /^\/wiki\/spaces\/([^/]+)(?:\/overview)?\/?$/.exec(p))) return overview(site, decodeURIComponent(m[1]!));
  if ((m = /^\/wiki\/spaces\/[^/]+\/pages\/edit-v2\/(\d+)\/?$/.exec(p))) return contentResponse(site, m[1], 'edit');
  if ((m = /^\/wiki\/spaces\/[^/]+\/pages\/(\d+)(?:\/[^/]*)?\/?$/.exec(p))) return contentResponse(site, m[1]);
  if (p === '/wiki/pages/viewpage.action') return contentResponse(site, req.url.searchParams.get('pageId'));
  if ((m = /^\/wiki\/spaces\/[^/]+\/blog\/\d{4}\/\d{2}\/\d{2}\/(\d+)(?:\/[^/]*)?\/?$/.exec(p))) return contentResponse(site, m[1]);
  if ((m = /^\/wiki\/spaces\/[^/]+\/(?:whiteboard|database|folder)\/(\d+)\/?$/.exec(p))) return contentResponse(site, m[1]);
  if (SHORT_DATABASE_AND_FOLDER_PATHS && (m = /^\/(?:database|folder)\/(\d+)\/?$/.exec(p))) return contentResponse(site, m[1]);
  if ((m = /^\/wiki\/display\/([^/]+)\/([^/]+)\/?$/.exec(p))) {
    const c = findByTitle(site.host, decodeURIComponent(m[1]!), slugToTitle(m[2]!));
    return c ? html(200, renderDocument(contentDocument(c, site))) : notFoundDocument(site);
  }
  if ((m = /^\/wiki\/x\/([A-Za-z0-9_-]+)\/?$/.exec(p))) return contentResponse(site, idForTinyCode(m[1]!));
  if (p === '/jira/your-work') return jiraPage(site, 'Your work', '<h1>Your work</h1><p>Assigned to me</p>');
  if ((m = /^\/browse\/([A-Z][A-Z0-9]+-\d+)$/.exec(p))) return jiraPage(site, `[${m[1]}] Example issue`, `<h1>${escapeHtml(m[1]!)}</h1>`);
  return notFoundDocument(site);
}
