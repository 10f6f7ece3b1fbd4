/**
 * Turns whatever went wrong into one of a few classes a person can act on. Atlassian's 401 never
 * says why, so the class comes from the status, the `X-Failure-Category` header, the token kind
 * and where the request went. Messages are built from fixed text, operation names and scope
 * names only: never from credentials, and never echoing the response body.
 */
import type { BaseKind, EndpointError, TokenKind } from './endpoints';
import { FAILURE_CLASSES, type FailureClass } from './failure-classes';
import { isRealIdentity } from './identity';
import { OPERATIONS, type OperationId } from './operations';
import { headerValue, waitRequestedMs, type HeaderSource } from './retry-after';
import { DEFAULT_RETRY_POLICY } from './retry';
import { scopesForOperation } from './scopes/scopes';

export { FAILURE_CLASSES, type FailureClass };

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
}

export interface ResponseFacts {
  status: number;
  headers: HeaderSource;
  bodyText: string;
  operation: OperationId;
  tokenKind: TokenKind;
  baseKind: BaseKind;
  /** False only for deliberate anonymous calls; otherwise a 200 from "anonymous" is a failure. */
  credentialsSent?: boolean;
  /** For `Retry-After` given as an HTTP date. */
  nowMs?: number;
  /** Longest wait to report (see RetryPolicy.maxReportedWaitMs). */
  maxReportedWaitMs?: number;
}

export const FAILURE_CATEGORY_HEADER = 'x-failure-category';
export const SCOPE_CHECK_CATEGORY = 'FAILURE_CLIENT_SCOPE_CHECK';
export const AUTH_MISMATCH_CATEGORY = 'FAILURE_CLIENT_AUTH_MISMATCH';

function describeOperation(id: OperationId): string {
  const op = OPERATIONS[id];
  return `${op.method} ${op.api === 'v2' ? `/wiki/api/v2${op.specPath}` : op.specPath}`;
}

function seconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return s === 1 ? '1 second' : `${s} seconds`;
}

const FIX_NEW_CLOUD_TOKEN =
  'Check the email address and the token, or create a new API token at id.atlassian.com (Security → API tokens) and paste it here.';
const FIX_NEW_DC_TOKEN = 'Create a new personal access token in Confluence (your profile → Personal Access Tokens) and paste it here.';

function invalidToken(facts: ResponseFacts, extra = ''): Failure {
  const dc = facts.tokenKind === 'dc-pat';
  return {
    class: 'invalid-token',
    status: facts.status,
    message:
      (dc
        ? 'The personal access token was rejected: it is invalid, expired or revoked.'
        : 'The token was rejected: it is invalid, expired or revoked, or the email address is not the one of its account.') +
      extra,
    fix: dc ? FIX_NEW_DC_TOKEN : FIX_NEW_CLOUD_TOKEN,
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

function classicOnGateway(status: number): Failure {
  return {
    class: 'wrong-base-url',
    status,
    message:
      'api.atlassian.com refused this token (FAILURE_CLIENT_AUTH_MISMATCH). Classic API tokens (without scopes) only work on the site address, e.g. acme.atlassian.net.',
    fix: 'Mark this token as "classic" so the extension sends it to the site, or create a token with scopes.',
  };
}

function missingScope(facts: ResponseFacts): Failure {
  const s = scopesForOperation(facts.operation);
  const needs =
    s.classic.length > 0
      ? `granular scope ${s.granular.join(' + ')} (or classic scope ${s.classic.join(' + ')})`
      : `granular scope ${s.granular.join(' + ')} (classic scopes don't work on the v2 API)`;
  const cannot =
    s.unavailableToScoped
      ? ` ${s.ungrantableToScoped.join(', ')} cannot be given to scoped tokens, so no scoped token can do this.`
      : '';
  return {
    class: 'missing-scope',
    status: facts.status,
    scopes: { classic: s.classic, granular: s.granular },
    message: `The token lacks a scope this request needs: ${describeOperation(facts.operation)} needs ${needs}.${cannot}`,
    fix: s.unavailableToScoped
      ? 'Use a classic API token for this action, or an action that works with scoped tokens.'
      : `Create a new scoped token that includes ${s.granular.join(', ')}${s.classic.length > 0 ? ` (or ${s.classic.join(', ')})` : ''}, as well as the scopes you already use.`,
  };
}

function wrongBaseUrlNotFound(facts: ResponseFacts): Failure {
  const dc = facts.baseKind === 'dc';
  return {
    class: 'wrong-base-url',
    status: facts.status,
    message: `Confluence's identity endpoint was not found there (HTTP ${facts.status}), so the address is not a Confluence REST API.`,
    fix: dc
      ? 'Check the Data Center base URL, including any context path such as /confluence.'
      : 'Check the site address and its cloudId.',
  };
}

function noPermissionOrNotFound(facts: ResponseFacts): Failure {
  return {
    class: 'no-permission-or-not-found',
    status: facts.status,
    message: `Confluence answered ${facts.status}: the page, space or attachment does not exist, or this account is not allowed to see it. Confluence does not say which, to hide what exists.`,
    fix: 'Open it in the browser with the same account: if you can see it there, check that the token belongs to that account; otherwise ask a space admin for access.',
  };
}

export function rateLimited(facts: Pick<ResponseFacts, 'status'>, waitMs: number | undefined): Failure {
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

export function serverError(facts: Pick<ResponseFacts, 'status'>, waitMs: number | undefined): Failure {
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

const FIX_MALFORMED =
  'Try again. If it repeats, check the site address: a proxy or a login page may be answering instead of Confluence.';

export function malformedFailure(detail: string, status?: number): Failure {
  return {
    class: 'malformed-response',
    ...(status !== undefined ? { status } : {}),
    message: `Confluence's answer could not be used: ${detail}.`,
    fix: FIX_MALFORMED,
  };
}

function requestRejected(facts: ResponseFacts, xsrf: boolean): Failure {
  return {
    class: 'request-rejected',
    status: facts.status,
    message: xsrf
      ? 'Confluence refused a change because its XSRF check failed (the X-Atlassian-Token header was missing).'
      : `Confluence refused the request as invalid (HTTP ${facts.status}) for ${describeOperation(facts.operation)}.`,
    fix: 'This is probably a bug in the extension: please report it together with the activity log entry.',
  };
}

function anonymousFallback(facts: ResponseFacts): Failure {
  return {
    class: 'anonymous-fallback',
    status: facts.status,
    message:
      'Confluence answered as the anonymous user: it ignored the credentials. The email or token is wrong, or the token was revoked, and this site lets anonymous visitors in.',
    fix: facts.tokenKind === 'dc-pat' ? FIX_NEW_DC_TOKEN : FIX_NEW_CLOUD_TOKEN,
  };
}

function looksLikeHtml(contentType: string | undefined, bodyText: string): boolean {
  if (contentType !== undefined && /\btext\/html\b/i.test(contentType)) return true;
  return /^\s*</.test(bodyText);
}

/** Either the parsed JSON of a usable answer, or why the answer is a failure. */
export type Inspection = { ok: true; json: unknown } | { ok: false; failure: Failure };

/**
 * The full judgement of one HTTP answer. For a 2xx JSON operation it also returns the parsed
 * body so the caller need not parse twice.
 */
export function inspectResponse(facts: ResponseFacts): Inspection {
  const { status, headers, bodyText, tokenKind, baseKind } = facts;
  const nowMs = facts.nowMs ?? Date.now();
  const cap = facts.maxReportedWaitMs ?? DEFAULT_RETRY_POLICY.maxReportedWaitMs;
  const requestedWait = () => {
    const wait = waitRequestedMs(status, headers, nowMs);
    return wait === undefined ? undefined : Math.min(wait, cap);
  };
  const category = headerValue(headers, FAILURE_CATEGORY_HEADER)?.trim().toUpperCase();

  if (status >= 200 && status < 300) {
    const op = OPERATIONS[facts.operation];
    if (op.response !== 'json' || status === 204) return { ok: true, json: undefined };
    if (bodyText.trim() === '') return { ok: false, failure: malformedFailure('the body was empty', status) };
    if (looksLikeHtml(headerValue(headers, 'content-type'), bodyText)) {
      return {
        ok: false,
        failure: malformedFailure('it sent a web page (probably a login page) instead of data', status),
      };
    }
    let json: unknown;
    try {
      json = JSON.parse(bodyText);
    } catch {
      return { ok: false, failure: malformedFailure('the data was not valid JSON (it may have been cut off)', status) };
    }
    if (facts.operation === 'getCurrentUser' && facts.credentialsSent !== false && !isRealIdentity(json, baseKind)) {
      return { ok: false, failure: anonymousFallback(facts) };
    }
    return { ok: true, json };
  }

  if (status === 401) {
    if (category === SCOPE_CHECK_CATEGORY || /scope does not match/i.test(bodyText)) {
      return { ok: false, failure: missingScope(facts) };
    }
    if (category === AUTH_MISMATCH_CATEGORY) {
      if (tokenKind === 'classic') return { ok: false, failure: classicOnGateway(status) };
      return {
        ok: false,
        failure: invalidToken(facts, ' If it is in fact a classic token (created without scopes), mark it as classic.'),
      };
    }
    if (tokenKind === 'scoped' && baseKind === 'site') return { ok: false, failure: scopedOnSite(status) };
    if (tokenKind === 'classic' && baseKind === 'gateway') return { ok: false, failure: classicOnGateway(status) };
    return { ok: false, failure: invalidToken(facts) };
  }

  if (status === 404) {
    // Cloud API tokens sent as Bearer to the gateway get a bare 404.
    if (tokenKind === 'dc-pat' && baseKind === 'gateway') {
      return {
        ok: false,
        failure: {
          class: 'wrong-base-url',
          status,
          message: 'api.atlassian.com does not accept Bearer tokens from Data Center; it answered 404.',
          fix: 'If this is an Atlassian Cloud API token, set its kind to classic or scoped and add your email address.',
        },
      };
    }
    // The identity endpoint always exists, so not finding it means the base URL is wrong.
    if (facts.operation === 'getCurrentUser') return { ok: false, failure: wrongBaseUrlNotFound(facts) };
    return { ok: false, failure: noPermissionOrNotFound(facts) };
  }

  if (status === 403) {
    if (/xsrf/i.test(bodyText)) return { ok: false, failure: requestRejected(facts, true) };
    return { ok: false, failure: noPermissionOrNotFound(facts) };
  }

  if (status === 429) return { ok: false, failure: rateLimited(facts, requestedWait()) };
  if (status >= 500 && status < 600) return { ok: false, failure: serverError(facts, requestedWait()) };
  if (status >= 400 && status < 500) return { ok: false, failure: requestRejected(facts, false) };
  if (status >= 300 && status < 400) {
    return { ok: false, failure: malformedFailure(`it redirected (HTTP ${status}) where data was expected`, status) };
  }
  return { ok: false, failure: malformedFailure(`it answered with an unexpected status (${status})`, status) };
}

/** The failure an HTTP answer represents, or null when it is usable. */
export function classifyResponse(facts: ResponseFacts): Failure | null {
  const inspection = inspectResponse(facts);
  return inspection.ok ? null : inspection.failure;
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

export function readOnlyFailure(operation: OperationId): Failure {
  return {
    class: 'read-only-refused',
    message: `This token is marked read-only, so the extension did not send ${describeOperation(operation)}, which would change something in Confluence.`,
    fix: 'If this token should make changes, turn off "read-only" in its settings.',
  };
}

export function unsupportedOnDataCenter(operation: OperationId): Failure {
  return {
    class: 'unsupported-operation',
    message: `${describeOperation(operation)} belongs to Confluence Cloud's v2 API, which Data Center does not have.`,
    fix: 'Use this action on a Confluence Cloud site; on Data Center the extension uses the v1 API where it can.',
  };
}

/** The configured site/token cannot form a base URL (missing cloudId, http:// DC URL, ...). */
export function endpointFailure(error: EndpointError): Failure {
  const fixes: Record<EndpointError['code'], string> = {
    'missing-site': 'Open a page of the Confluence site once, or enter its address (e.g. acme.atlassian.net).',
    'invalid-site': 'Enter the site as it appears in the address bar, e.g. acme.atlassian.net.',
    'missing-cloud-id': 'Open a page of the site once so the extension can read its cloudId, then try again.',
    'invalid-cloud-id': 'Open a page of the site once so the extension can read its cloudId again.',
    'missing-dc-base-url': 'Enter the Data Center address, e.g. https://confluence.example.com/confluence.',
    'invalid-dc-base-url': 'Enter the Data Center address, e.g. https://confluence.example.com/confluence.',
    'dc-base-url-not-https': 'Use the https:// address of your Data Center server.',
    'route-not-allowed': 'Data Center tokens are only sent to their own server.',
  };
  return { class: 'wrong-base-url', message: error.message, fix: fixes[error.code] };
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
