// The Data Center server: `https://confluence.dc.test/confluence` (context path), PAT Bearer
// auth, v1 REST only, DC user shape, bare-boolean watch status, pages with ajs-version-number.
import { authenticateDc } from './auth';
import { storageBody, storageToView } from './bodies';
import { findByTitle, findContent, slugToTitle, spaceOfContent } from './content-store';
import { SIM_DC, type SimContent } from './fixtures';
import {
  DC_VERSION_NUMBER,
  DC_WATCH_DELETE_STATUS,
  DC_WATCH_WRITE_NEEDS_XSRF_HEADER,
  dcContentWatchBody,
  dcSpaceWatchBody,
  pageDocumentTitle,
} from './guesses';
import { escapeHtml, renderDocument } from './html-doc';
import { empty, html, json, redirect, text, type SimRequest, type SimResponse } from './http';
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

function pageHtml(c: SimContent | undefined): SimResponse {
  if (!c) return html(404, renderDocument({ title: 'Page Not Found - Confluence', metas: baseMetas(), bodyHtml: '<h1>Page not found</h1>' }));
  const space = spaceOfContent(c);
  return html(
    200,
    renderDocument({
      title: pageDocumentTitle(c.title, space.name),
      metas: {
        'ajs-page-id': c.id,
        'ajs-page-title': c.title,
        'ajs-space-key': space.key,
        'ajs-space-name': space.name,
        'ajs-content-type': c.type,
        'ajs-page-version': String(c.version.number),
        ...baseMetas(),
      },
      bodyHtml: `<h1 id="title-text">${escapeHtml(c.title)}</h1><div id="main-content" class="wiki-content">${storageToView(storageBody(c), c)}</div>`,
    }),
  );
}

function dcHtml(req: SimRequest, rest: string): SimResponse {
  let m: RegExpExecArray | null;
  if (rest === '' || rest === '/' || rest === '/index.action') {
    return html(200, renderDocument({ title: 'Dashboard - Confluence', metas: baseMetas(), bodyHtml: '<h1>Dashboard</h1>' }));
  }
  if (rest === '/pages/viewpage.action') return pageHtml(findContent(SIM_DC.host, req.url.searchParams.get('pageId') ?? ''));
  if ((m = /^\/display\/([^/]+)\/([^/]+)\/?$/.exec(rest))) return pageHtml(findByTitle(SIM_DC.host, decodeURIComponent(m[1]!), slugToTitle(m[2]!)));
  if ((m = /^\/x\/([A-Za-z0-9_-]+)\/?$/.exec(rest))) return pageHtml(findContent(SIM_DC.host, idForTinyCode(m[1]!) ?? ''));
  return pageHtml(undefined);
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
      env: { host: SIM_DC.host, base: SIM_DC.baseUrl, context: SIM_DC.contextPath, flavor: 'dc', principal: auth.principal },
      flavor: DC_V1_FLAVOR,
      subPath: rest.slice('/rest/api'.length),
    });
  }
  return dcHtml(req, rest);
}
