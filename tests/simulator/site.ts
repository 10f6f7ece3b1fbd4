// A Cloud site (`https://<site>.atlassian.net`): tenant_info, the REST APIs on the site URL,
// Jira's `/rest/api/3/myself`, legacy download links and the HTML pages. `serveCloudApi` is shared with the gateway.
import { authenticateSite } from './auth';
import { attachmentBytes, type ContentStore, type Principal } from './content-store';
import type { SimSite } from './fixtures';
import { LEGACY_DOWNLOAD_REFUSED_BODY, LEGACY_DOWNLOAD_WITHOUT_AUTHORIZATION_SERVES_BYTES } from './guesses';
import { header, json, text, type SimRequest, type SimResponse } from './http';
import { JIRA_MYSELF_PATH, handleJiraSite } from './jira';
import { handleSiteHtml } from './pages-html';
import { CLOUD_V1_FLAVOR, handleV1 } from './routes-v1';
import { handleV2 } from './routes-v2';
import type { SpecApi, SpecIndex } from './spec-scopes';
import type { SimState } from './state';

export interface SimEnv {
  state: SimState;
  specs: SpecIndex;
}

export const V1_PREFIX = '/wiki/rest/api';
export const V2_PREFIX = '/wiki/api/v2';
/** Where `downloadLink` / `_links.download` point (site-relative). */
export const LEGACY_DOWNLOAD_PREFIX = '/wiki/download/attachments/';

/** CHANGE-2735 (doc): the legacy download path answers API tokens with an OAuth challenge. */
export const LEGACY_DOWNLOAD_REFUSED_STATUS = 401;
export function legacyDownloadWwwAuthenticate(host: string): string {
  return `OAuth realm="https://${host}/wiki"`;
}

export function serveCloudApi(req: SimRequest, env: SimEnv, site: SimSite, api: SpecApi, subPath: string, principal: Principal): SimResponse {
  const base = `https://${site.host}/wiki`;
  if (api === 'v1') {
    return handleV1({
      req,
      state: env.state,
      env: { host: site.host, base, context: '/wiki', flavor: 'cloud', principal, content: env.state.content },
      flavor: CLOUD_V1_FLAVOR,
      subPath,
    });
  }
  return handleV2({ req, state: env.state, env: { host: site.host, base, content: env.state.content }, principal, subPath });
}

function tenantInfo(req: SimRequest, state: SimState, site: SimSite): SimResponse {
  if (req.method !== 'GET') return json(405, { message: 'Method Not Allowed' });
  switch (state.tenantInfo.get(site.host) ?? 'ok') {
    case 'ok':
      return json(200, { cloudId: site.cloudId });
    case 'malformed':
      return text(200, `{"cloudId":"${site.cloudId.slice(0, 8)}`, 'application/json');
    case 'error500':
      return text(500, 'Internal Server Error');
  }
}

/** `/wiki/download/attachments/<pageId>/<file>`: browser session only; API tokens are refused. */
function downloadLink(req: SimRequest, site: SimSite, content: ContentStore): SimResponse {
  if (header(req, 'authorization') !== undefined || !LEGACY_DOWNLOAD_WITHOUT_AUTHORIZATION_SERVES_BYTES) {
    return text(LEGACY_DOWNLOAD_REFUSED_STATUS, LEGACY_DOWNLOAD_REFUSED_BODY, undefined, { 'www-authenticate': legacyDownloadWwwAuthenticate(site.host) });
  }
  const m = /^\/wiki\/download\/attachments\/(\d+)\/([^/]+)$/.exec(req.url.pathname);
  const c = m ? content.find(site.host, m[1]!) : undefined;
  const att = c?.attachments.find((a) => a.title === decodeURIComponent(m![2]!));
  if (!att) return text(404, 'Not Found');
  return { status: 200, headers: { 'content-type': att.mediaType }, body: attachmentBytes(att) };
}

export function handleSite(req: SimRequest, env: SimEnv, site: SimSite): SimResponse {
  const p = req.url.pathname;
  if (p === '/_edge/tenant_info') return tenantInfo(req, env.state, site);
  for (const [api, prefix] of [['v1', V1_PREFIX], ['v2', V2_PREFIX]] as const) {
    if (p === prefix || p.startsWith(`${prefix}/`)) {
      const auth = authenticateSite(req, env.state, site.host, api);
      if (!auth.ok) return auth.response;
      return serveCloudApi(req, env, site, api, p.slice(prefix.length), auth.principal);
    }
  }
  if (p === JIRA_MYSELF_PATH) return handleJiraSite(req, env.state, site);
  if (p.startsWith(LEGACY_DOWNLOAD_PREFIX)) return downloadLink(req, site, env.state.content);
  return handleSiteHtml(req, site, env.state.content);
}
