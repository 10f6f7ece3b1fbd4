// The API gateway: `https://api.atlassian.com/ex/confluence/<cloudId>/wiki/...` (scoped tokens),
// and Jira's `myself` at `/ex/jira/<cloudId>/rest/api/3/myself`.
import { authenticateGateway, scopeCheckFailure } from './auth';
import { SIM_SITES, type SimSite } from './fixtures';
import { GATEWAY_LEGACY_DOWNLOAD_CHECKS_CREDENTIALS_FIRST, GATEWAY_NOT_FOUND_BODY, GATEWAY_UNKNOWN_CLOUD_ID_STATUS } from './guesses';
import { json, type SimRequest, type SimResponse } from './http';
import { JIRA_MYSELF_PATH, handleJiraGateway } from './jira';
import { LEGACY_DOWNLOAD_PREFIX, V1_PREFIX, V2_PREFIX, serveCloudApi, type SimEnv } from './site';

const SITES: readonly SimSite[] = Object.values(SIM_SITES);

/** The legacy download path through the gateway: the scope-check 401 (doc, CHANGE-2735). */
function legacyDownloadViaGateway(req: SimRequest, env: SimEnv, host: string, rest: string): SimResponse {
  if (GATEWAY_LEGACY_DOWNLOAD_CHECKS_CREDENTIALS_FIRST) {
    const auth = authenticateGateway(req, env.state, host, env.specs, 'v1', rest);
    if (!auth.ok) return auth.response;
  }
  return scopeCheckFailure();
}

/** `/ex/jira/<cloudId>/...`: only `rest/api/3/myself` is simulated. */
function handleJira(req: SimRequest, env: SimEnv, site: SimSite, rest: string): SimResponse {
  if (rest !== JIRA_MYSELF_PATH) return json(404, GATEWAY_NOT_FOUND_BODY);
  return handleJiraGateway(req, env.state, site);
}

export function handleGateway(req: SimRequest, env: SimEnv): SimResponse {
  const m = /^\/ex\/(confluence|jira)\/([^/]+)(\/.*)?$/.exec(req.url.pathname);
  if (!m) return json(404, GATEWAY_NOT_FOUND_BODY);
  const site = SITES.find((s) => s.cloudId === m[2]);
  if (!site) return json(GATEWAY_UNKNOWN_CLOUD_ID_STATUS, GATEWAY_NOT_FOUND_BODY);
  const rest = m[3] ?? '';
  if (m[1] === 'jira') return handleJira(req, env, site, rest);
  if (rest.startsWith(LEGACY_DOWNLOAD_PREFIX)) return legacyDownloadViaGateway(req, env, site.host, rest);
  let api: 'v1' | 'v2';
  let specPath: string;
  let subPath: string;
  if (rest === V1_PREFIX || rest.startsWith(`${V1_PREFIX}/`)) {
    // v1 spec paths include '/wiki/rest/api'.
    api = 'v1';
    specPath = rest;
    subPath = rest.slice(V1_PREFIX.length);
  } else if (rest.startsWith(`${V2_PREFIX}/`)) {
    // v2 spec paths are relative to '/wiki/api/v2'.
    api = 'v2';
    specPath = rest.slice(V2_PREFIX.length);
    subPath = specPath;
  } else {
    return json(404, GATEWAY_NOT_FOUND_BODY);
  }
  const auth = authenticateGateway(req, env.state, site.host, env.specs, api, specPath);
  if (!auth.ok) return auth.response;
  return serveCloudApi(req, env, site, api, subPath, auth.principal);
}
