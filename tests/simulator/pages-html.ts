// HTML pages of a Cloud site, so the extension's content script runs on realistic URLs and DOM:
// page/blog/whiteboard/database/folder URLs, tiny links, /display/ titles, overview, home, Jira
// pages (not Confluence), and a page that navigates with history.pushState like the real app.
// Every Confluence page has the chrome of Confluence Cloud (page-chrome.ts, page-styles.ts).
import { findSpace, slugToTitle, spaceOfContent, spacesOf, type ContentStore } from './content-store';
import type { SimContent, SimSite, SimSpace } from './fixtures';
import {
  JIRA_PAGES_CARRY_CLOUD_ID,
  editV2Path,
  OVERVIEW_CARRIES_HOMEPAGE_META,
  SHORT_DATABASE_AND_FOLDER_PATHS,
  pageDocumentTitle,
} from './guesses';
import { escapeHtml, renderDocument, scriptJson, type HtmlDocument } from './html-doc';
import { html, redirect, type SimRequest, type SimResponse } from './http';
import { contentBodyHtml } from './page-body';
import {
  ICONS,
  bylineInner,
  editorBar,
  formatDate,
  labelsInner,
  pageFoot,
  pageHeaderInner,
  shell,
  sidebar,
  sidebarInner,
  spaceAvatar,
  topNav,
  typeIcon,
} from './page-chrome';
import { PAGE_CSS } from './page-styles';
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

const hrefOf = (c: SimContent): string => cloudContentPath(c);

function contentView(c: SimContent, content: ContentStore): string {
  return contentBodyHtml(c, hrefOf, content);
}

const overviewHref = (space: SimSpace): string => `/wiki/spaces/${space.key}/overview`;

function nav(site: SimSite, product: 'Confluence' | 'Jira' = 'Confluence'): string {
  return topNav({ flavor: 'cloud', product, siteName: site.name, homeHref: product === 'Jira' ? '/jira/your-work' : '/wiki/home' });
}

/** The parts of a content page that change with the page (the SPA demo swaps them by element id). */
function contentRegions(c: SimContent, bodyHtml: string, onOverview: boolean, content: ContentStore): Record<string, string> {
  const space = spaceOfContent(c);
  return {
    'ctc-sidebar': sidebarInner({ flavor: 'cloud', space, current: c, onOverview, hrefOf, overviewHref: overviewHref(space), content }),
    'ctc-page-header': pageHeaderInner({
      flavor: 'cloud',
      space,
      c,
      hrefOf,
      overviewHref: overviewHref(space),
      editHref: c.type === 'page' ? editV2Path(space.key, c.id) : undefined,
      content,
    }),
    'ctc-byline': bylineInner(c, bodyHtml, 'cloud'),
    'ctc-labels': labelsInner(c),
  };
}

interface SpaRoute {
  docTitle: string;
  title: string;
  metas: Record<string, string>;
  bodyHtml: string;
  /** Element id → inner HTML: sidebar, breadcrumbs, byline, labels. */
  regions: Record<string, string>;
}

/** Links of the single-page-app demo page: other pages of the site, a blog post, the overview. */
function spaTargets(start: SimContent, content: ContentStore): SimContent[] {
  const ids = [start.id, '1000002', '201819180', '6180601871', '1000100', '1000501'];
  return ids.map((id) => content.find(start.site, id)).filter((c): c is SimContent => c !== undefined);
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
    Object.keys(r.regions || {}).forEach(function (id) {
      var el = document.getElementById(id);
      if (el) el.innerHTML = r.regions[id];
    });
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

function spaParts(c: SimContent, site: SimSite, content: ContentStore): { nav: string; script: string } {
  const routes: Record<string, SpaRoute> = {};
  const targets = spaTargets(c, content);
  for (const t of targets) {
    const space = spaceOfContent(t);
    const bodyHtml = contentView(t, content);
    routes[cloudContentPath(t)] = {
      docTitle: pageDocumentTitle(t.title, space.name),
      title: t.title,
      metas: contentMetas(t, site),
      bodyHtml,
      regions: contentRegions(t, bodyHtml, false, content),
    };
  }
  const eng = findSpace(site.host, c.spaceKey);
  if (eng) {
    // The overview has no page id in its URL; the app still shows the homepage.
    const home = content.find(site.host, eng.homepageId);
    if (home) {
      const bodyHtml = contentView(home, content);
      routes[`/wiki/spaces/${eng.key}/overview`] = {
        docTitle: pageDocumentTitle(home.title, eng.name),
        title: home.title,
        metas: OVERVIEW_CARRIES_HOMEPAGE_META ? contentMetas(home, site) : { 'ajs-space-key': eng.key, 'ajs-space-name': eng.name },
        bodyHtml,
        regions: contentRegions(home, bodyHtml, true, content),
      };
    }
  }
  const items = Object.entries(routes)
    .map(([href, r]) => `<li><a href="${escapeHtml(href)}" data-spa-link>${escapeHtml(r.title)}</a></li>`)
    .join('');
  return { nav: `<nav id="spa-nav"><ul>${items}</ul></nav>`, script: spaScript(routes) };
}

function contentDocument(c: SimContent, site: SimSite, content: ContentStore, mode: 'view' | 'edit' = 'view', onOverview = false): HtmlDocument {
  const space = spaceOfContent(c);
  const spa = c.spa ? spaParts(c, site, content) : undefined;
  const title = mode === 'edit' ? `Editing ${c.title}` : c.title;
  const view = contentView(c, content);
  const regions = contentRegions(c, view, onOverview, content);
  const main = `${mode === 'edit' ? editorBar() : ''}<div id="page">
  <div id="ctc-page-header" class="ctc-page-header">${regions['ctc-page-header']}</div>
  <div class="ctc-content">
  ${spa?.nav ?? ''}
  <h1 id="title-text" class="ctc-title">${escapeHtml(c.title)}</h1>
  <div id="ctc-byline" class="ctc-byline">${regions['ctc-byline']}</div>
  <div id="main-content" class="wiki-content">${mode === 'edit' ? `<div contenteditable="true">${view}</div>` : view}</div>
  <div id="ctc-labels" class="ctc-labels">${regions['ctc-labels']}</div>
  ${mode === 'edit' ? '' : pageFoot('cloud')}
  </div>
</div>`;
  return {
    title: pageDocumentTitle(title, space.name),
    metas: contentMetas(c, site),
    bodyHtml: shell(nav(site), sidebar(regions['ctc-sidebar']!), main),
    script: spa?.script,
    styles: PAGE_CSS,
    bodyClass: 'ctc-cloud',
  };
}

function notFoundDocument(site: SimSite): SimResponse {
  const main = `<div class="ctc-empty">${ICONS.page.replace('width="16" height="16"', 'width="56" height="56" style="margin:0 auto;color:#8590A2"')}
<h1>Page not found</h1><p>We can't find the page you're looking for. It may have been moved or deleted.</p>
<p><a class="ctc-btn ctc-neutral" href="/wiki/home">Go to Home</a></p></div>`;
  return html(404, renderDocument({ title: 'Page Not Found - Confluence', metas: siteMetas(site), bodyHtml: shell(nav(site), undefined, main), styles: PAGE_CSS, bodyClass: 'ctc-cloud' }));
}

function contentResponse(site: SimSite, content: ContentStore, id: string | undefined | null, mode: 'view' | 'edit' = 'view'): SimResponse {
  const c = id ? content.find(site.host, id) : undefined;
  return c ? html(200, renderDocument(contentDocument(c, site, content, mode))) : notFoundDocument(site);
}

function overview(site: SimSite, content: ContentStore, key: string): SimResponse {
  const space = findSpace(site.host, key);
  if (!space) return notFoundDocument(site);
  const home = content.find(site.host, space.homepageId);
  if (home && OVERVIEW_CARRIES_HOMEPAGE_META) return html(200, renderDocument(contentDocument(home, site, content, 'view', true)));
  const side = home ? sidebar(sidebarInner({ flavor: 'cloud', space, onOverview: true, hrefOf, overviewHref: overviewHref(space), content })) : undefined;
  return html(
    200,
    renderDocument({
      title: `${space.name} - Confluence`,
      metas: { 'ajs-space-key': space.key, 'ajs-space-name': space.name, ...siteMetas(site) },
      bodyHtml: shell(nav(site), side, `<div class="ctc-content"><h1 id="title-text" class="ctc-title">${escapeHtml(space.name)}</h1><p>${escapeHtml(space.description)}</p></div>`),
      styles: PAGE_CSS,
      bodyClass: 'ctc-cloud',
    }),
  );
}

/** /wiki/home: "For you", recent pages and the site's spaces. */
function homeDocument(site: SimSite, content: ContentStore): HtmlDocument {
  const spaces = spacesOf(site.host);
  const recent = content
    .all()
    .filter((c) => c.site === site.host)
    .sort((a, b) => b.version.when.localeCompare(a.version.when) || a.id.localeCompare(b.id))
    .slice(0, 6);
  const side = `<aside id="ctc-sidebar" class="ctc-sidebar" aria-label="Sidebar"><ul class="ctc-side-links">
<li><a class="ctc-side-link ctc-current" href="/wiki/home" aria-current="page">${ICONS.home}<span>For you</span></a></li>
<li><span class="ctc-side-link">${ICONS.clock}<span>Recent</span></span></li>
<li><span class="ctc-side-link">${ICONS.star}<span>Starred</span></span></li>
<li><span class="ctc-side-link">${ICONS.people}<span>Teams</span></span></li></ul>
<div class="ctc-side-section">Spaces<span aria-hidden="true">+</span></div>
<ul class="ctc-side-links">${spaces.map((s) => `<li><a class="ctc-side-link" href="${escapeHtml(overviewHref(s))}">${spaceAvatar(s).replace('ctc-space-avatar"', 'ctc-space-avatar" data-size="s"')}<span>${escapeHtml(s.name)}</span></a></li>`).join('')}</ul></aside>`;
  const cards = recent
    .map((c) => `<a class="ctc-card" href="${escapeHtml(hrefOf(c))}"><div class="ctc-card-title">${typeIcon(c.type)}<span>${escapeHtml(c.title)}</span></div><div class="ctc-card-meta">${escapeHtml(spaceOfContent(c).name)} · Updated ${formatDate(c.version.when)}</div></a>`)
    .join('');
  const spaceCards = spaces
    .map((s) => `<a class="ctc-card" href="${escapeHtml(overviewHref(s))}"><div class="ctc-card-title">${spaceAvatar(s)}<span>${escapeHtml(s.name)}</span></div><div class="ctc-card-meta">${escapeHtml(s.description)}</div></a>`)
    .join('');
  const main = `<div class="ctc-content" style="max-width:1040px">
<h1 id="title-text" class="ctc-title">Welcome to Confluence</h1>
<p style="color:#44546F;margin:0">Pick up where you left off on ${escapeHtml(site.name)}.</p>
<section class="ctc-home-section"><h2>Recently updated</h2><div class="ctc-cards">${cards}</div></section>
<section class="ctc-home-section"><h2>Spaces</h2><div class="ctc-cards">${spaceCards}</div></section>
</div>`;
  return { title: 'Home - Confluence', metas: siteMetas(site), bodyHtml: shell(nav(site), side, main), styles: PAGE_CSS, bodyClass: 'ctc-cloud' };
}

function jiraPage(site: SimSite, title: string, bodyHtml: string): SimResponse {
  const metas: Record<string, string> = { 'application-name': 'JIRA' };
  if (JIRA_PAGES_CARRY_CLOUD_ID) metas['ajs-cloud-id'] = site.cloudId;
  const main = `<div class="ctc-content wiki-content" style="max-width:1040px">${bodyHtml}</div>`;
  return html(200, renderDocument({ title: `${title} - Jira`, metas, bodyHtml: shell(nav(site, 'Jira'), undefined, main), styles: PAGE_CSS, bodyClass: 'ctc-jira' }));
}

export function handleSiteHtml(req: SimRequest, site: SimSite, content: ContentStore): SimResponse {
  const p = req.url.pathname;
  let m: RegExpExecArray | null;
  if (p === '/' || p === '/wiki' || p === '/wiki/') return redirect('/wiki/home');
  if (p === '/favicon.ico') return { status: 404 };
  if (p === '/wiki/home') {
    return html(200, renderDocument(homeDocument(site, content)));
  }
  if ((m = /^\/wiki\/spaces\/([^/]+)(?:\/overview)?\/?$/.exec(p))) return overview(site, content, decodeURIComponent(m[1]!));
  if ((m = /^\/wiki\/spaces\/[^/]+\/pages\/edit-v2\/(\d+)\/?$/.exec(p))) return contentResponse(site, content, m[1], 'edit');
  if ((m = /^\/wiki\/spaces\/[^/]+\/pages\/(\d+)(?:\/[^/]*)?\/?$/.exec(p))) return contentResponse(site, content, m[1]);
  if (p === '/wiki/pages/viewpage.action') return contentResponse(site, content, req.url.searchParams.get('pageId'));
  if ((m = /^\/wiki\/spaces\/[^/]+\/blog\/\d{4}\/\d{2}\/\d{2}\/(\d+)(?:\/[^/]*)?\/?$/.exec(p))) return contentResponse(site, content, m[1]);
  if ((m = /^\/wiki\/spaces\/[^/]+\/(?:whiteboard|database|folder)\/(\d+)\/?$/.exec(p))) return contentResponse(site, content, m[1]);
  if (SHORT_DATABASE_AND_FOLDER_PATHS && (m = /^\/(?:database|folder)\/(\d+)\/?$/.exec(p))) return contentResponse(site, content, m[1]);
  if ((m = /^\/wiki\/display\/([^/]+)\/([^/]+)\/?$/.exec(p))) {
    const c = content.findByTitle(site.host, decodeURIComponent(m[1]!), slugToTitle(m[2]!));
    return c ? html(200, renderDocument(contentDocument(c, site, content))) : notFoundDocument(site);
  }
  if ((m = /^\/wiki\/x\/([A-Za-z0-9_-]+)\/?$/.exec(p))) return contentResponse(site, content, idForTinyCode(m[1]!));
  if (p === '/jira/your-work') return jiraPage(site, 'Your work', '<h1>Your work</h1><p>Assigned to me</p>');
  if ((m = /^\/browse\/([A-Z][A-Z0-9]+-\d+)$/.exec(p))) return jiraPage(site, `[${m[1]}] Example issue`, `<h1>${escapeHtml(m[1]!)}</h1>`);
  return notFoundDocument(site);
}
