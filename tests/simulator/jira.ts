// Jira's current-user endpoint on the same Atlassian token (API-FACTS, Identity: "Jira, same
// token: `GET /rest/api/3/myself` (site) or `/ex/jira/<cloudId>/rest/api/3/myself`"). Only
// `myself` is simulated: the health report asks whether the token also works for Jira.
import { authenticateGatewayJira, authenticateJiraSite, type AuthResult } from './auth';
import type { SimSite } from './fixtures';
import {
  JIRA_METHOD_NOT_ALLOWED_MESSAGE,
  JIRA_MYSELF_SCOPE_SETS,
  JIRA_NO_PRODUCT_ACCESS_MESSAGE,
  JIRA_NO_PRODUCT_ACCESS_STATUS,
  JIRA_NOT_AUTHENTICATED_MESSAGE,
  JIRA_USER_LOCALE,
  jiraAvatarUrls,
  jiraErrorBody,
} from './guesses';
import { json, type SimRequest, type SimResponse } from './http';
import type { SimState } from './state';
import type { SimUser } from './types';

/** Jira's REST path of `myself`, on the site and (after `/ex/jira/<cloudId>`) on the gateway. */
export const JIRA_MYSELF_PATH = '/rest/api/3/myself';

/** Jira's `User` as `myself` returns it (`self` always on the site host, also through the gateway). */
export function jiraUserJson(user: SimUser, host: string): Record<string, unknown> {
  const accountId = user.accountId ?? '';
  return {
    self: `https://${host}/rest/api/3/user?accountId=${encodeURIComponent(accountId)}`,
    accountId,
    accountType: 'atlassian',
    emailAddress: user.email,
    avatarUrls: jiraAvatarUrls(host, accountId),
    displayName: user.displayName,
    active: true,
    timeZone: user.timeZone,
    locale: JIRA_USER_LOCALE,
    groups: { size: 0, items: [] },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

function myself(req: SimRequest, state: SimState, site: SimSite, auth: AuthResult): SimResponse {
  if (!auth.ok) return auth.response;
  const { principal } = auth;
  // Jira's myself has no anonymous answer; authenticateJiraSite/-GatewayJira never give one.
  if (principal.kind !== 'user') return json(401, jiraErrorBody([JIRA_NOT_AUTHENTICATED_MESSAGE]));
  if (req.method !== 'GET') return json(405, jiraErrorBody([JIRA_METHOD_NOT_ALLOWED_MESSAGE]));
  if (!state.hasJiraAccess(site.host, principal.user)) {
    return json(JIRA_NO_PRODUCT_ACCESS_STATUS, jiraErrorBody([JIRA_NO_PRODUCT_ACCESS_MESSAGE]));
  }
  return json(200, jiraUserJson(principal.user, site.host));
}

/** `https://<site>.atlassian.net/rest/api/3/myself` with a classic token. */
export function handleJiraSite(req: SimRequest, state: SimState, site: SimSite): SimResponse {
  return myself(req, state, site, authenticateJiraSite(req, state, site.host));
}

/** `https://api.atlassian.com/ex/jira/<cloudId>/rest/api/3/myself` with a scoped token. */
export function handleJiraGateway(req: SimRequest, state: SimState, site: SimSite): SimResponse {
  return myself(req, state, site, authenticateGatewayJira(req, state, site.host, JIRA_MYSELF_SCOPE_SETS));
}
