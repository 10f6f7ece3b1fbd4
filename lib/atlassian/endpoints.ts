import { normaliseCloudSiteHost } from '../sites/site-host';

/**
 * Where each kind of Atlassian token must be sent. The token string does not tell its kind,
 * and sending it to the wrong base fails with a 401/404 that never says why, so the base URL
 * is derived in this one place from what the user configured (see API-FACTS.md, "Token kinds").
 */

export const TOKEN_KINDS = ['classic', 'scoped', 'dc-pat'] as const;
export type TokenKind = (typeof TOKEN_KINDS)[number];

/** Which kind of host a request went to; failure classification depends on it. */
export type BaseKind = 'site' | 'gateway' | 'dc';

export type AuthScheme = 'basic' | 'bearer';

/** Scoped tokens only work through this gateway (API-FACTS: doc). */
export const ATLASSIAN_GATEWAY_ORIGIN = 'https://api.atlassian.com';

export interface ResolvedEndpoints {
  /** v1 REST base, ending in `/rest/api/`. */
  v1: string;
  /** v2 REST base, ending in `/api/v2/`; null on Data Center, which has no v2. */
  v2: string | null;
  /** Jira's v3 REST base on the same Cloud site (`/rest/api/3/`); null on Data Center. */
  jira: string | null;
  /**
   * Data Center's base URL itself (context path included, no trailing slash), below which its
   * servlet paths (`/download/attachments/…`) lie; null on Cloud, which sends no token there.
   */
  'dc-servlet': string | null;
  authScheme: AuthScheme;
  baseKind: BaseKind;
}

export type EndpointErrorCode =
  | 'missing-site'
  | 'invalid-site'
  | 'missing-cloud-id'
  | 'invalid-cloud-id'
  | 'missing-dc-base-url'
  | 'invalid-dc-base-url'
  | 'dc-base-url-not-https'
  | 'dc-base-url-on-cloud-host'
  | 'route-not-allowed';

export interface EndpointError {
  code: EndpointErrorCode;
  /** A sentence for people; never contains a token. */
  message: string;
}

export type EndpointResult<T> = { ok: true; value: T } | { ok: false; error: EndpointError };

export interface EndpointInput {
  kind: TokenKind;
  /** Cloud site host, e.g. `acme.atlassian.net`. Required for Cloud kinds. */
  siteHost?: string | undefined;
  /** The site's cloudId (from `/_edge/tenant_info`). Required for scoped tokens. */
  cloudId?: string | undefined;
  /** Data Center base URL including any context path, e.g. `https://confluence.example.com/confluence`. */
  dcBaseUrl?: string | undefined;
  /**
   * Send a Cloud token to the other Cloud base than its kind calls for. Only for telling
   * classic from scoped: the token string can't, so a health check tries both bases.
   */
  via?: 'site' | 'gateway' | undefined;
}

const CLOUD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fail<T>(code: EndpointErrorCode, message: string): EndpointResult<T> {
  return { ok: false, error: { code, message } };
}

/** Validates and normalises a Cloud site host (`Acme.Atlassian.net` → `acme.atlassian.net`). */
export function normaliseSiteHost(siteHost: string | undefined): EndpointResult<string> {
  if ((siteHost?.trim() ?? '') === '') return fail('missing-site', 'No Confluence Cloud site is set for this token.');
  const host = normaliseCloudSiteHost(siteHost);
  if (host === undefined) {
    return fail(
      'invalid-site',
      'The site must be a Confluence Cloud host such as acme.atlassian.net (no https://, path or port).',
    );
  }
  return { ok: true, value: host };
}

/**
 * Hosts that never serve Data Center, so a PAT must not be sent there: Cloud sites
 * (`*.atlassian.net`: Bearer there answers 403 "Failed to parse Connect Session Auth Token",
 * API-FACTS: seen) and the gateway (`api.atlassian.com`: Bearer there answers 404, seen). The
 * rest of `atlassian.com` is refused too: Atlassian's own hosts run no customer's Data Center (guess).
 */
export function isAtlassianCloudHost(hostname: string): boolean {
  const host = hostname.trim().toLowerCase().replace(/\.+$/, '');
  return /(^|\.)atlassian\.(net|com)$/.test(host);
}

/** Validates a Data Center base URL and returns it without a trailing slash. */
export function normaliseDcBaseUrl(dcBaseUrl: string | undefined): EndpointResult<string> {
  const raw = dcBaseUrl?.trim() ?? '';
  if (raw === '') return fail('missing-dc-base-url', 'No Data Center base URL is set for this token.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail('invalid-dc-base-url', 'The Data Center base URL is not a valid URL.');
  }
  // A PAT is a bearer secret: never let it travel in clear text.
  if (url.protocol !== 'https:') {
    return fail('dc-base-url-not-https', 'The Data Center base URL must start with https:// so the token is not sent in clear text.');
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    return fail(
      'invalid-dc-base-url',
      'The Data Center base URL must be just the address of Confluence (no user name, query or #fragment).',
    );
  }
  if (isAtlassianCloudHost(url.hostname)) {
    return fail(
      'dc-base-url-on-cloud-host',
      'A Data Center base URL cannot be an Atlassian Cloud address (*.atlassian.net or api.atlassian.com): Cloud sites take classic or scoped API tokens, not Data Center personal access tokens.',
    );
  }
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

function validCloudId(cloudId: string | undefined): EndpointResult<string> {
  const id = cloudId?.trim() ?? '';
  if (id === '') {
    return fail(
      'missing-cloud-id',
      "Scoped tokens only work through api.atlassian.com, which needs the site's cloudId, and it is not known yet.",
    );
  }
  if (!CLOUD_ID.test(id)) return fail('invalid-cloud-id', 'The cloudId is not a valid identifier (expected a UUID).');
  return { ok: true, value: id.toLowerCase() };
}

/** The v1/v2 bases and auth scheme for a token kind; a typed error when an input is missing or unsafe. */
export function resolveEndpoints(input: EndpointInput): EndpointResult<ResolvedEndpoints> {
  if (input.kind === 'dc-pat') {
    if (input.via !== undefined) {
      return fail('route-not-allowed', 'Data Center tokens only work on their own Data Center server.');
    }
    const base = normaliseDcBaseUrl(input.dcBaseUrl);
    if (!base.ok) return base;
    return { ok: true, value: { v1: `${base.value}/rest/api/`, v2: null, jira: null, 'dc-servlet': base.value, authScheme: 'bearer', baseKind: 'dc' } };
  }

  const site = normaliseSiteHost(input.siteHost);
  if (!site.ok) return site;
  const route = input.via ?? (input.kind === 'scoped' ? 'gateway' : 'site');
  if (route === 'site') {
    const origin = `https://${site.value}`;
    return {
      ok: true,
      value: { v1: `${origin}/wiki/rest/api/`, v2: `${origin}/wiki/api/v2/`, jira: `${origin}/rest/api/3/`, 'dc-servlet': null, authScheme: 'basic', baseKind: 'site' },
    };
  }
  const cloudId = validCloudId(input.cloudId);
  if (!cloudId.ok) return cloudId;
  const prefix = `${ATLASSIAN_GATEWAY_ORIGIN}/ex/confluence/${cloudId.value}`;
  // The same cloudId names the site for Jira through the gateway (API-FACTS: doc).
  const jira = `${ATLASSIAN_GATEWAY_ORIGIN}/ex/jira/${cloudId.value}/rest/api/3/`;
  return {
    ok: true,
    value: { v1: `${prefix}/wiki/rest/api/`, v2: `${prefix}/wiki/api/v2/`, jira, 'dc-servlet': null, authScheme: 'basic', baseKind: 'gateway' },
  };
}

export interface WebSite {
  /** Cloud site host; ignored when `dcBaseUrl` is set. */
  host?: string | undefined;
  dcBaseUrl?: string | undefined;
}

const GATEWAY_PREFIX = /^\/ex\/confluence\/[^/]+/;

/**
 * A link meant for people, always on the site itself: gateway URLs don't open in a browser.
 * Accepts `_links.webui` (relative to `<site>/wiki`), a `/wiki/...` path, or an absolute URL
 * (of which only path, query and fragment are kept).
 */
export function siteWebUrl(site: WebSite, relativeLink: string): EndpointResult<string> {
  let rest: string;
  try {
    const parsed = new URL(relativeLink, 'https://placeholder.invalid');
    rest = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  } catch {
    return fail('invalid-site', 'The link is not a valid URL.');
  }
  rest = rest.replace(GATEWAY_PREFIX, '');

  if (site.dcBaseUrl !== undefined) {
    const base = normaliseDcBaseUrl(site.dcBaseUrl);
    if (!base.ok) return base;
    const contextPath = new URL(base.value).pathname;
    // DC links may or may not already carry the context path.
    const withoutContext = contextPath !== '/' && rest.startsWith(`${contextPath}/`) ? rest.slice(contextPath.length) : rest;
    return { ok: true, value: `${base.value}${withoutContext}` };
  }

  const host = normaliseSiteHost(site.host);
  if (!host.ok) return host;
  const path = rest === '/wiki' || rest.startsWith('/wiki/') ? rest : `/wiki${rest}`;
  return { ok: true, value: `https://${host.value}${path}` };
}
