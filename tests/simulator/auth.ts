// Who is calling, and may they: site URL (classic tokens, anonymous access), gateway (scoped
// tokens, scope checks) and Data Center (PATs). Rules from API-FACTS.md; guesses in guesses.ts.
import type { Principal } from './content-store';
import { dcUnauthorized, tomcatUnauthorized } from './dc-unauthorized';
import {
  BASIC_AUTH_DEPRECATED_BODY,
  BASIC_AUTH_DEPRECATED_CONTENT_TYPE,
  GATEWAY_AUTH_MISMATCH_BODY,
  GATEWAY_BEARER_STATUS,
  GATEWAY_NOT_FOUND_BODY,
  GATEWAY_NO_CREDENTIALS_IS_AUTH_MISMATCH,
  GATEWAY_OTHER_SITE_IS_AUTH_MISMATCH,
  GATEWAY_REFUSES_CLASSIC_TOKENS,
  JIRA_NOT_AUTHENTICATED_MESSAGE,
  JIRA_SCOPED_TOKEN_ON_SITE_MESSAGE,
  JIRA_SITE_BEARER_LIKE_CONFLUENCE,
  OPERATION_WITHOUT_ACCEPTED_SCOPES_FAILS,
  SCOPED_TOKEN_ON_SITE_V1_MESSAGE,
  SITE_BEARER_REFUSED_EVEN_WITH_ANONYMOUS_ACCESS,
  SITE_NO_CREDENTIALS_MESSAGE,
  SITE_WWW_AUTHENTICATE,
  WRONG_CREDENTIALS_FALL_BACK_TO_ANONYMOUS,
  jiraErrorBody,
  v1ErrorBody,
  v2ErrorBody,
} from './guesses';
import { header, json, text, type SimRequest, type SimResponse } from './http';
import { NEVER_GRANTED_TO_SCOPED_TOKENS, scopesSatisfy, type SpecApi, type SpecIndex } from './spec-scopes';
import type { SimState } from './state';
import type { AuthKind, SimToken, TokenKind } from './types';

/** Seen from several clients: the gateway's answer when a scoped token lacks the operation's scopes. */
export const SCOPE_CHECK_FAILURE_BODY = '{"code":401,"message":"Unauthorized; scope does not match"}';
export const FAILURE_CATEGORY_HEADER = 'x-failure-category';
export const FAILURE_CLIENT_SCOPE_CHECK = 'FAILURE_CLIENT_SCOPE_CHECK';
export const FAILURE_CLIENT_AUTH_MISMATCH = 'FAILURE_CLIENT_AUTH_MISMATCH';
/** Seen 2023-2025: `Authorization: Bearer <Cloud API token>` on a site URL. */
export const SITE_BEARER_STATUS = 403;
export const SITE_BEARER_BODY = { error: 'Failed to parse Connect Session Auth Token' };

export interface PresentedCredentials {
  kind: AuthKind;
  email?: string;
  secret?: string;
  /** The known token whose secret was presented (accepted or not). */
  token?: SimToken;
}

export type AuthResult = { ok: true; principal: Principal } | { ok: false; response: SimResponse };

export function readCredentials(req: SimRequest, state: SimState): PresentedCredentials {
  const value = header(req, 'authorization');
  if (!value) return { kind: 'none' };
  const [scheme = '', ...rest] = value.trim().split(/\s+/);
  const param = rest.join(' ');
  let creds: PresentedCredentials;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = Buffer.from(param, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    creds = colon < 0 ? { kind: 'basic' } : { kind: 'basic', email: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  } else if (scheme.toLowerCase() === 'bearer') {
    creds = { kind: 'bearer', secret: param };
  } else {
    // An unknown scheme carries no credentials we understand.
    creds = { kind: 'none' };
  }
  if (creds.secret) creds.token = state.tokenBySecret(creds.secret);
  return creds;
}

function accepted(req: SimRequest, token: SimToken): AuthResult {
  req.entry.tokenLabel = token.name;
  return { ok: true, principal: { kind: 'user', user: token.user, tokenName: token.name } };
}

function emailMatches(creds: PresentedCredentials, token: SimToken): boolean {
  return (creds.email ?? '').toLowerCase() === token.user.email.toLowerCase();
}

function validBasicToken(creds: PresentedCredentials, state: SimState, kind: TokenKind, host: string): SimToken | undefined {
  const t = creds.token;
  if (creds.kind !== 'basic' || !t || t.kind !== kind) return undefined;
  if (!emailMatches(creds, t) || !state.isUsable(t) || !t.sites.includes(host)) return undefined;
  return t;
}

const ANONYMOUS: AuthResult = { ok: true, principal: { kind: 'anonymous' } };

function siteUnauthorized(): SimResponse {
  return text(401, BASIC_AUTH_DEPRECATED_BODY, BASIC_AUTH_DEPRECATED_CONTENT_TYPE, { 'www-authenticate': SITE_WWW_AUTHENTICATE });
}

/**
 * A scoped token on the site URL, even where anonymous access would succeed (seen): v1 401 with
 * "…lacks valid authentication credentials…", v2 404 in the v2 envelope.
 */
export function scopedTokenOnSite(api: SpecApi): SimResponse {
  if (api === 'v2') return json(404, v2ErrorBody(404, 'Not Found'));
  return json(401, v1ErrorBody(401, SCOPED_TOKEN_ON_SITE_V1_MESSAGE), { 'www-authenticate': SITE_WWW_AUTHENTICATE });
}

/** Bearer on a site URL: Confluence reads it as a Connect session token and fails to parse it (seen). */
export function siteBearerRefused(): SimResponse {
  return json(SITE_BEARER_STATUS, SITE_BEARER_BODY);
}

/** How one API on a Cloud site URL answers what isn't a valid classic token. */
interface SiteAuthAnswers {
  /** Whether the site's anonymous-access switch applies to this API at all. */
  anonymousAllowed: boolean;
  noCredentials(): SimResponse;
  bearer(): SimResponse;
  scopedToken(): SimResponse;
  badCredentials(): SimResponse;
}

/** The site URL's rules (classic Basic tokens for that host; anonymous access where allowed). */
function authenticateSiteWith(req: SimRequest, state: SimState, host: string, answers: SiteAuthAnswers): AuthResult {
  const creds = readCredentials(req, state);
  const anonymousOn = answers.anonymousAllowed && state.anonymous.get(host) === true;
  if (creds.kind === 'none') {
    if (anonymousOn) return ANONYMOUS;
    return { ok: false, response: answers.noCredentials() };
  }
  if (creds.kind === 'bearer') {
    return anonymousOn && !SITE_BEARER_REFUSED_EVEN_WITH_ANONYMOUS_ACCESS ? ANONYMOUS : { ok: false, response: answers.bearer() };
  }
  if (creds.token?.kind === 'scoped') return { ok: false, response: answers.scopedToken() };
  const token = validBasicToken(creds, state, 'classic', host);
  if (token) return accepted(req, token);
  if (anonymousOn && WRONG_CREDENTIALS_FALL_BACK_TO_ANONYMOUS) return ANONYMOUS;
  return { ok: false, response: answers.badCredentials() };
}

/** Cloud site URL (`https://<site>.atlassian.net/wiki/...`): classic tokens and anonymous access. */
export function authenticateSite(req: SimRequest, state: SimState, host: string, api: SpecApi): AuthResult {
  return authenticateSiteWith(req, state, host, {
    anonymousAllowed: true,
    noCredentials: () => json(401, v1ErrorBody(401, SITE_NO_CREDENTIALS_MESSAGE), { 'www-authenticate': SITE_WWW_AUTHENTICATE }),
    bearer: siteBearerRefused,
    scopedToken: () => scopedTokenOnSite(api),
    badCredentials: siteUnauthorized,
  });
}

function jiraUnauthorized(message: string): SimResponse {
  return json(401, jiraErrorBody([message]), { 'www-authenticate': SITE_WWW_AUTHENTICATE });
}

/**
 * Jira on the site URL (`https://<site>.atlassian.net/rest/api/3/myself`): the same classic-token
 * rules, but `myself` "cannot be accessed anonymously" (doc), so the anonymous switch never applies.
 */
export function authenticateJiraSite(req: SimRequest, state: SimState, host: string): AuthResult {
  return authenticateSiteWith(req, state, host, {
    anonymousAllowed: false,
    noCredentials: () => jiraUnauthorized(JIRA_NOT_AUTHENTICATED_MESSAGE),
    bearer: () => (JIRA_SITE_BEARER_LIKE_CONFLUENCE ? siteBearerRefused() : jiraUnauthorized(JIRA_NOT_AUTHENTICATED_MESSAGE)),
    scopedToken: () => jiraUnauthorized(JIRA_SCOPED_TOKEN_ON_SITE_MESSAGE),
    badCredentials: () => jiraUnauthorized(JIRA_NOT_AUTHENTICATED_MESSAGE),
  });
}

function authMismatch(): SimResponse {
  return json(401, GATEWAY_AUTH_MISMATCH_BODY, { [FAILURE_CATEGORY_HEADER]: FAILURE_CLIENT_AUTH_MISMATCH });
}

export function scopeCheckFailure(): SimResponse {
  return text(401, SCOPE_CHECK_FAILURE_BODY, 'application/json;charset=UTF-8', { [FAILURE_CATEGORY_HEADER]: FAILURE_CLIENT_SCOPE_CHECK });
}

/**
 * Gateway (`https://api.atlassian.com/ex/confluence/<cloudId>/wiki/...`): scoped tokens, then the
 * operation's scopes from the spec (see `acceptedScopeSets`). `specPath` is the path as the spec names it.
 */
export function authenticateGateway(
  req: SimRequest,
  state: SimState,
  host: string,
  specs: SpecIndex,
  api: SpecApi,
  specPath: string,
): AuthResult {
  return authenticateGatewayWith(req, state, host, (t) => {
    const op = specs.match(api, req.method, specPath);
    return !op || scopesSatisfy(op, t.scopes, OPERATION_WITHOUT_ACCEPTED_SCOPES_FAILS);
  });
}

/**
 * Jira through the gateway (`https://api.atlassian.com/ex/jira/<cloudId>/rest/api/3/...`): the
 * gateway's credential rules as for Confluence, then one of `scopeSets` (a guess for Jira: no
 * Jira spec in ../shared) held in full.
 */
export function authenticateGatewayJira(req: SimRequest, state: SimState, host: string, scopeSets: readonly (readonly string[])[]): AuthResult {
  return authenticateGatewayWith(req, state, host, (t) => {
    const held = new Set(t.scopes.filter((s) => !NEVER_GRANTED_TO_SCOPED_TOKENS.includes(s)));
    return scopeSets.some((set) => set.every((s) => held.has(s)));
  });
}

/** The gateway's credential checks, then `scopesOk` for a scoped token (classic tokens, when accepted, skip it). */
function authenticateGatewayWith(req: SimRequest, state: SimState, host: string, scopesOk: (token: SimToken) => boolean): AuthResult {
  const creds = readCredentials(req, state);
  if (creds.kind === 'bearer') return { ok: false, response: json(GATEWAY_BEARER_STATUS, GATEWAY_NOT_FOUND_BODY) };
  if (creds.kind === 'none') {
    return { ok: false, response: GATEWAY_NO_CREDENTIALS_IS_AUTH_MISMATCH ? authMismatch() : json(401, GATEWAY_AUTH_MISMATCH_BODY) };
  }
  if (!GATEWAY_REFUSES_CLASSIC_TOKENS) {
    const classic = validBasicToken(creds, state, 'classic', host);
    if (classic) return accepted(req, classic);
  }
  const t = creds.token;
  const scopedHere = t && t.kind === 'scoped' && emailMatches(creds, t) && state.isUsable(t) && (t.sites.includes(host) || !GATEWAY_OTHER_SITE_IS_AUTH_MISMATCH);
  if (!t || !scopedHere) return { ok: false, response: authMismatch() };
  if (!scopesOk(t)) return { ok: false, response: scopeCheckFailure() };
  return accepted(req, t);
}

/**
 * Data Center: `Authorization: Bearer <PAT>`. Basic (a Cloud `email:token` sent to DC) fails the
 * Tomcat login filter: its HTML 401 (seen). Anything else refused is the DC 401.
 */
export function authenticateDc(req: SimRequest, state: SimState, host: string): AuthResult {
  const creds = readCredentials(req, state);
  if (creds.kind === 'none') {
    if (state.anonymous.get(host) === true) return ANONYMOUS;
    return { ok: false, response: dcUnauthorized(state) };
  }
  if (creds.kind === 'basic') return { ok: false, response: tomcatUnauthorized() };
  const t = creds.token;
  if (creds.kind === 'bearer' && t && t.kind === 'dc-pat' && state.isUsable(t) && t.sites.includes(host)) return accepted(req, t);
  return { ok: false, response: dcUnauthorized(state) };
}
