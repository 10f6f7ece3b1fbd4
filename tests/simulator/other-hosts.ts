// Hosts that are not Confluence, for the "Add a Data Center site" refusals: `www.example.test`
// is an ordinary intranet web server (a home page without any `ajs-*` meta tag, 404 HTML for
// everything else, `/rest/api/...` included). `down.example.test` never reaches the simulator
// (see SIM_OTHER_HOSTS and NOT_CONFLUENCE_NOT_FOUND_STATUS / UNREACHABLE_HOST_CONNECT_STATUS).
import { NOT_CONFLUENCE_NOT_FOUND_STATUS } from './guesses';
import { escapeHtml, renderDocument } from './html-doc';
import { html, type SimRequest, type SimResponse } from './http';

const STYLES = 'body{font-family:system-ui,sans-serif;margin:40px;color:#222}nav a{margin-right:16px}';

function homePage(): string {
  return renderDocument({
    title: 'Example Corp intranet',
    metas: { description: 'Example Corp intranet home' },
    styles: STYLES,
    bodyClass: 'intranet',
    bodyHtml: `<header><h1>Example Corp intranet</h1><nav><a href="/news">News</a><a href="/people">People</a><a href="/help">Help</a></nav></header>
<main><p>Welcome to the intranet. The wiki has moved; ask the help desk for its new address.</p></main>`,
  });
}

function notFoundPage(path: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL ${escapeHtml(path)} was not found on this server.</p></body></html>`;
}

export function handleNotConfluence(req: SimRequest): SimResponse {
  const p = req.url.pathname;
  if ((p === '/' || p === '/index.html') && (req.method === 'GET' || req.method === 'HEAD')) return html(200, homePage());
  return html(NOT_CONFLUENCE_NOT_FOUND_STATUS, notFoundPage(p));
}
