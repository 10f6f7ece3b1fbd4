/**
 * The sentences people read about a failure: what happened and what to do, per class. Built from
 * fixed text, operation names, scope names and the site's host only: never from credentials, and
 * never echoing a response body. Which class an answer is comes from classify.ts.
 */
import type { EndpointError, TokenKind } from '../endpoints';
import type { FailureClass } from '../failure-classes';
import { OPERATIONS, type OperationId } from '../operations';
import { scopesForOperation } from '../scopes/scopes';
import type { FailureCause, MalformedWhy } from './classify';

export interface Failure {
  class: FailureClass;
  /** What happened, for people. */
  message: string;
  /** What to do about it. */
  fix: string;
  status?: number;
  /** For `missing-scope`: what the spec says the operation needs (either set works on v1). */
  scopes?: { classic: readonly string[]; granular: readonly string[] };
  /** For `rate-limited` (and 503s that say so): how long the server asked us to wait. */
  retryAfterMs?: number;
  /** For `policy-refused`: the organisation's policy key (lib/features/policy/policy.ts). */
  policyKey?: string;
}

function describeOperation(id: OperationId): string {
  const op = OPERATIONS[id];
  return `${op.method} ${op.api === 'v2' ? `/wiki/api/v2${op.specPath}` : op.specPath}`;
}

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s === 1 ? '1 second' : `${s} seconds`;
}

/** "45 seconds", "5 minutes". */
function duration(ms: number): string {
  if (ms < 120_000) return seconds(ms);
  return `${Math.ceil(ms / 60_000)} minutes`;
}

const FIX_NEW_CLOUD_TOKEN =
  'Check the email address and the token, or create a new API token at id.atlassian.com (Security → API tokens) and paste it here.';
const FIX_NEW_DC_TOKEN =
  'Create a new personal access token in Confluence (your profile → Personal Access Tokens) and paste it here, or check that this token was made on this server.';
const FIX_MALFORMED =
  'Try again. If it repeats, check the site address: a proxy or a login page may be answering instead of Confluence.';

function fixNewToken(tokenKind: TokenKind): string {
  return tokenKind === 'dc-pat' ? FIX_NEW_DC_TOKEN : FIX_NEW_CLOUD_TOKEN;
}

/**
 * Data Center words every 401 alike for this (JSON, Tomcat's HTML "Basic Authentication Failure",
 * "Login Required"), so the sentence does not depend on the body; a 401 right after rate limiting
 * is retried first (client/execute.ts) and only a repeated one comes here.
 */
function invalidToken(status: number, tokenKind: TokenKind, site: string | undefined): Failure {
  const dc = tokenKind === 'dc-pat';
  return {
    class: 'invalid-token',
    status,
    message: dc
      ? `${site ?? 'The Data Center server'} refused the personal access token (HTTP ${status}): it is invalid, expired or revoked, or it was made on another server.`
      : 'The token was rejected: it is invalid, expired or revoked, or the email address is not the one of its account.',
    fix: fixNewToken(tokenKind),
  };
}

/** Neutral on purpose: a gateway 401 does not say whether the token is bad or classic. */
function refusedByGateway(status: number): Failure {
  return {
    class: 'invalid-token',
    status,
    message:
      `api.atlassian.com refused these credentials (HTTP ${status}). Either the email address and the token do not pair (the token is invalid, expired or revoked, or the email address is not the one of its account), ` +
      'or it is a classic token, which only the site address is sure to take; this answer alone does not tell which.',
    fix: 'Check the token on its site: the token check also tries the site address, which tells whether it is a classic token. If the site refuses it too, check the email address or create a new API token at id.atlassian.com.',
  };
}

function scopedOnSite(status: number): Failure {
  return {
    class: 'wrong-base-url',
    status,
    message:
      'The site refused this token. Scoped API tokens only work through api.atlassian.com, and this request went to the site address.',
    fix: 'Mark this token as "scoped" so the extension sends it through api.atlassian.com/ex/confluence/<cloudId>.',
  };
}

function bearerOnGateway(status: number): Failure {
  return {
    class: 'wrong-base-url',
    status,
    message: 'api.atlassian.com does not accept Bearer tokens from Data Center; it answered 404.',
    fix: 'If this is an Atlassian Cloud API token, set its kind to classic or scoped and add your email address.',
  };
}

function identityNotFound(status: number, dc: boolean): Failure {
  return {
    class: 'wrong-base-url',
    status,
    message: `Confluence's identity endpoint was not found there (HTTP ${status}), so the address is not a Confluence REST API.`,
    fix: dc ? 'Check the Data Center base URL, including any context path such as /confluence.' : 'Check the site address and its cloudId.',
  };
}

function missingScope(status: number, operation: OperationId): Failure {
  const s = scopesForOperation(operation);
  const needs =
    s.classic.length > 0
      ? `granular scope ${s.granular.join(' + ')} (or classic scope ${s.classic.join(' + ')})`
      : `granular scope ${s.granular.join(' + ')} (classic scopes don't work on the v2 API)`;
  const cannot = s.unavailableToScoped
    ? ` ${s.ungrantableToScoped.join(', ')} cannot be given to scoped tokens, so no scoped token can do this.`
    : '';
  return {
    class: 'missing-scope',
    status,
    scopes: { classic: s.classic, granular: s.granular },
    message: `The token lacks a scope this request needs: ${describeOperation(operation)} needs ${needs}.${cannot}`,
    fix: s.unavailableToScoped
      ? 'Use a classic API token for this action, or an action that works with scoped tokens.'
      : `Create a new scoped token that includes ${s.granular.join(', ')}${s.classic.length > 0 ? ` (or ${s.classic.join(', ')})` : ''}, as well as the scopes you already use.`,
  };
}

function noConfluenceAccess(status: number, site: string | undefined): Failure {
  return {
    class: 'no-confluence-access',
    status,
    message: `This account has no access to Confluence on ${site ?? 'this site'}: Confluence answered ${status}, "not permitted to use Confluence".`,
    fix: 'Ask a site admin to give the account Confluence access, or use a token of an account that has it.',
  };
}

function noPermissionOrNotFound(status: number): Failure {
  return {
    class: 'no-permission-or-not-found',
    status,
    message: `Confluence answered ${status}: the page, space or attachment does not exist, or this account is not allowed to see it. Confluence does not say which, to hide what exists.`,
    fix: 'Open it in the browser with the same account: if you can see it there, check that the token belongs to that account; otherwise ask a space admin for access.',
  };
}

function anonymousFallback(status: number, tokenKind: TokenKind): Failure {
  return {
    class: 'anonymous-fallback',
    status,
    message:
      'Confluence answered as the anonymous user: it ignored the credentials. The email or token is wrong, or the token was revoked, and this site lets anonymous visitors in.',
    fix: fixNewToken(tokenKind),
  };
}

function requestRejected(status: number, operation: OperationId, xsrf: boolean): Failure {
  return {
    class: 'request-rejected',
    status,
    message: xsrf
      ? 'Confluence refused a change because its XSRF check failed (the X-Atlassian-Token header was missing).'
      : `Confluence refused the request as invalid (HTTP ${status}) for ${describeOperation(operation)}.`,
    fix: 'This is probably a bug in the extension: please report it together with the activity log entry.',
  };
}

const MALFORMED_DETAIL: Record<Exclude<MalformedWhy, 'unexpected-status'>, string> = {
  'empty-body': 'the body was empty',
  'web-page': 'it sent a web page (probably a login page) instead of data',
  'invalid-json': 'the data was not valid JSON (it may have been cut off)',
};

function malformedDetail(why: MalformedWhy, status: number): string {
  if (why === 'unexpected-status') return `it answered with an unexpected status (${status})`;
  return MALFORMED_DETAIL[why];
}

/** The sentences for a classified answer. */
export function failureFromCause(cause: FailureCause): Failure {
  switch (cause.class) {
    case 'missing-scope':
      return missingScope(cause.status, cause.operation);
    case 'wrong-base-url':
      if (cause.why === 'scoped-on-site') return scopedOnSite(cause.status);
      if (cause.why === 'bearer-on-gateway') return bearerOnGateway(cause.status);
      return identityNotFound(cause.status, cause.baseKind === 'dc');
    case 'invalid-token':
      return cause.why === 'gateway-refused' ? refusedByGateway(cause.status) : invalidToken(cause.status, cause.tokenKind, cause.site);
    case 'no-confluence-access':
      return noConfluenceAccess(cause.status, cause.site);
    case 'no-permission-or-not-found':
      return noPermissionOrNotFound(cause.status);
    case 'anonymous-fallback':
      return anonymousFallback(cause.status, cause.tokenKind);
    case 'rate-limited':
      return rateLimited(cause, cause.waitMs);
    case 'server-error':
      return serverError(cause, cause.waitMs);
    case 'request-rejected':
      return requestRejected(cause.status, cause.operation, cause.why === 'xsrf');
    case 'malformed-response':
      return malformedFailure(malformedDetail(cause.why, cause.status), cause.status);
    case 'redirected':
      return redirectedFailure(cause.site, { status: cause.status });
  }
}

/**
 * A redirect (or an answer from another origin) where an answer was expected. The browser drops
 * `Authorization` on a cross-origin redirect, so whatever answered there answered someone else:
 * it is never believed, and the request is never repeated there. `target`: the host it pointed
 * to, when the runtime lets us see it (a browser's opaque redirect does not).
 */
export function redirectedFailure(site: string | undefined, details: { status?: number | undefined; target?: string | undefined } = {}): Failure {
  const where = details.target !== undefined ? ` (${details.target.slice(0, 253)})` : '';
  return {
    class: 'redirected',
    ...(details.status !== undefined && details.status !== 0 ? { status: details.status } : {}),
    message:
      `${site ?? 'The site'} answered with a redirect to another address${where}, so the answer was not trusted. ` +
      'The extension never sends a token on to another address: nothing was read there, and a change it asked for may not have been made.',
    fix: "Check the site address (it should be the site's own, such as acme.atlassian.net, or your Data Center server's full address); if the site has moved or a proxy answers for it, use the new address. Then try again.",
  };
}

/** A limit a longer answer broke: "the answer was larger than 2 MB". */
export function tooLargeFailure(limit: string, status: number): Failure {
  return malformedFailure(`the answer was larger than ${limit}, far more than Confluence sends, so it was not read`, status);
}

/** "14:05", in the person's local time; a wait that ends within a minute rounds up to its end. */
export function localClockTime(atMs: number): string {
  const at = new Date(Math.ceil(atMs / 60_000) * 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/**
 * A rate limit the call did not wait out (the server asked for longer than the call may wait):
 * "Rate limited by <site>: try again at HH:MM". `atMs`: when the wait ends.
 */
export function rateLimitedUntil(site: string, facts: { status?: number | undefined }, waitMs: number, atMs: number): Failure {
  const at = localClockTime(atMs);
  return {
    class: 'rate-limited',
    ...(facts.status !== undefined ? { status: facts.status } : {}),
    retryAfterMs: waitMs,
    message: `Rate limited by ${site}: try again at ${at}. It asked to wait ${duration(waitMs)}${facts.status !== undefined ? ` (HTTP ${facts.status})` : ''}, longer than the extension keeps you waiting.`,
    fix: `Try again at ${at}. Large exports run slower to stay under the limit.`,
  };
}

export function rateLimited(facts: { status: number }, waitMs: number | undefined): Failure {
  return {
    class: 'rate-limited',
    status: facts.status,
    ...(waitMs !== undefined ? { retryAfterMs: waitMs } : {}),
    message:
      'Atlassian is limiting how fast this token may call the API (HTTP 429).' +
      (waitMs !== undefined ? ` It asked to wait ${seconds(waitMs)}.` : ''),
    fix:
      waitMs !== undefined
        ? `Try again in ${seconds(waitMs)}. Large exports run slower to stay under the limit.`
        : 'Try again in a minute. Large exports run slower to stay under the limit.',
  };
}

/**
 * A Data Center 401 right after a 429: under load DC has answered "Login Required" for requests
 * over its limit (API-FACTS: seen), so it is taken as rate limiting, not as a refused token.
 * Reported as this only when the one retry it earns could not be made.
 */
export function rateLimitedAsLoginFailure(site: string, status: number, waitMs: number | undefined): Failure {
  const wait = waitMs !== undefined ? seconds(waitMs) : 'a minute';
  return {
    class: 'rate-limited',
    status,
    ...(waitMs !== undefined ? { retryAfterMs: waitMs } : {}),
    message: `${site} answered ${status} (login failed) right after limiting how fast this token may call it (HTTP 429). Data Center does that under load, so this is taken as rate limiting, not as a refused token.`,
    fix: `Try again in ${wait}. If it is refused again, check the personal access token.`,
  };
}

export function serverError(facts: { status: number }, waitMs: number | undefined): Failure {
  return {
    class: 'server-error',
    status: facts.status,
    ...(waitMs !== undefined ? { retryAfterMs: waitMs } : {}),
    message: `Confluence had a problem on its side (HTTP ${facts.status}).`,
    fix:
      waitMs !== undefined
        ? `Try again in ${seconds(waitMs)}; if it persists, check status.atlassian.com.`
        : 'Try again later; if it persists, check status.atlassian.com.',
  };
}

export function malformedFailure(detail: string, status?: number): Failure {
  return {
    class: 'malformed-response',
    ...(status !== undefined ? { status } : {}),
    message: `Confluence's answer could not be used: ${detail}.`,
    fix: FIX_MALFORMED,
  };
}

/** A fetch that rejected without an abort: no network, DNS failure, TLS failure, refused connection. */
export function offlineFailure(host: string): Failure {
  return {
    class: 'offline',
    message: `Could not reach ${host}: this computer may be offline, or the address is wrong or unreachable.`,
    fix: 'Check the network connection and the site address, then try again.',
  };
}

/** The body stopped arriving before it was complete. */
export function truncatedFailure(status: number): Failure {
  return malformedFailure('the connection dropped before the whole answer arrived', status);
}

export function cancelledFailure(): Failure {
  return { class: 'cancelled', message: 'The request was cancelled.', fix: 'Nothing to fix; start it again when you want.' };
}

export function readOnlyFailure(operation: OperationId, by?: 'organisation'): Failure {
  return {
    class: 'read-only-refused',
    message:
      by === 'organisation'
        ? `Your organisation makes every token read-only (policy “forceReadOnly”), so the extension did not send ${describeOperation(operation)}, which would change something in Confluence.`
        : `This token is marked read-only, so the extension did not send ${describeOperation(operation)}, which would change something in Confluence.`,
    fix: by === 'organisation' ? 'Ask your administrator if you need to make this change.' : 'If this token should make changes, turn off "read-only" in its settings.',
    ...(by === 'organisation' ? { policyKey: 'forceReadOnly' } : {}),
  };
}

/** What the organisation's policy refused: `key` is the policy key; the sentences are the policy feature's. */
export function policyRefusedFailure(key: string, message: string, fix: string): Failure {
  return { class: 'policy-refused', message, fix, policyKey: key };
}

export function unsupportedOnDataCenter(operation: OperationId): Failure {
  return {
    class: 'unsupported-operation',
    message: `${describeOperation(operation)} belongs to Confluence Cloud's v2 API, which Data Center does not have.`,
    fix: 'Use this action on a Confluence Cloud site; on Data Center the extension uses the v1 API where it can.',
  };
}

export function dataCenterOnlyFailure(operation: OperationId): Failure {
  return {
    class: 'unsupported-operation',
    message: `${describeOperation(operation)} is a Confluence Data Center path; Confluence Cloud does not take tokens there.`,
    fix: 'Use this action on a Data Center site; on Cloud the extension uses the REST API instead.',
  };
}

const ENDPOINT_FIXES: Record<EndpointError['code'], string> = {
  'missing-site': 'Open a page of the Confluence site once, or enter its address (e.g. acme.atlassian.net).',
  'invalid-site': 'Enter the site as it appears in the address bar, e.g. acme.atlassian.net.',
  'missing-cloud-id': 'Open a page of the site once so the extension can read its cloudId, then try again.',
  'invalid-cloud-id': 'Open a page of the site once so the extension can read its cloudId again.',
  'missing-dc-base-url': 'Enter the Data Center address, e.g. https://confluence.example.com/confluence.',
  'invalid-dc-base-url': 'Enter the Data Center address, e.g. https://confluence.example.com/confluence.',
  'dc-base-url-not-https': 'Use the https:// address of your Data Center server.',
  'dc-base-url-on-cloud-host': 'For an Atlassian Cloud site, use a classic or scoped token (or auto-detect) instead of a Data Center token.',
  'route-not-allowed': 'Data Center tokens are only sent to their own server.',
};

/** The configured site/token cannot form a base URL (missing cloudId, http:// DC URL, ...). */
export function endpointFailure(error: EndpointError): Failure {
  return { class: 'wrong-base-url', message: error.message, fix: ENDPOINT_FIXES[error.code] };
}

/** A credential that cannot be sent as it is (no email for Cloud, line breaks in the token...). */
export function unusableCredentialFailure(reason: string): Failure {
  return {
    class: 'invalid-token',
    message: `This token can't be used: ${reason}.`,
    fix: 'Edit the token: paste it again without spaces or line breaks, and for Cloud give the email address of its account.',
  };
}

/** Input that would make an unsafe or meaningless URL (empty id, `..`). */
export function invalidInputFailure(operation: OperationId, what: string): Failure {
  return {
    class: 'request-rejected',
    message: `The extension refused to call ${describeOperation(operation)}: ${what}.`,
    fix: 'Open the page again and retry; if it repeats, please report it.',
  };
}

/** A caller named an operation outside operations.ts (only possible from untyped code). */
export function unknownOperationFailure(): Failure {
  return {
    class: 'request-rejected',
    message: 'The extension refused a call to an operation it does not know.',
    fix: 'This is a bug in the extension: please report it.',
  };
}
