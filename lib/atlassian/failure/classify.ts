/**
 * What one HTTP answer from Atlassian means: a failure class and the data its sentence needs,
 * or the parsed JSON of a usable answer. Pure: status, headers and body in, a verdict out.
 * Atlassian's 401 never says why, so the class comes from the status, the `X-Failure-Category`
 * header, the token kind and where the request went. The words people read are in sentences.ts.
 */
import type { BaseKind, TokenKind } from '../endpoints';
import { isRealIdentity } from '../identity';
import { OPERATIONS, type OperationId } from '../operations';
import { headerValue, waitRequestedMs, type HeaderSource } from '../retry-after';
import { DEFAULT_RETRY_POLICY } from '../retry';

export interface ResponseFacts {
  status: number;
  headers: HeaderSource;
  bodyText: string;
  operation: OperationId;
  tokenKind: TokenKind;
  baseKind: BaseKind;
  /** The site as people name it (its host); some sentences say where. */
  site?: string;
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

/**
 * The 403 body of `user/current` for an account without Confluence on the site:
 * `{"message":"Current user not permitted to use Confluence"}`. API-FACTS: **seen**.
 */
export const NO_CONFLUENCE_ACCESS_BODY = /not permitted to use Confluence/i;

/** Why an answer is a failure: its class and what its sentence needs, nothing worded yet. */
export type FailureCause =
  | { class: 'missing-scope'; status: number; operation: OperationId }
  | { class: 'wrong-base-url'; status: number; why: 'scoped-on-site' | 'bearer-on-gateway' | 'identity-not-found'; baseKind: BaseKind }
  /** 'gateway-refused': api.atlassian.com refused the credentials, which alone does not tell why. */
  | { class: 'invalid-token'; status: number; why: 'refused' | 'gateway-refused'; tokenKind: TokenKind; site?: string | undefined }
  | { class: 'no-confluence-access'; status: number; site: string | undefined }
  | { class: 'no-permission-or-not-found'; status: number }
  | { class: 'anonymous-fallback'; status: number; tokenKind: TokenKind }
  | { class: 'rate-limited'; status: number; waitMs: number | undefined }
  | { class: 'server-error'; status: number; waitMs: number | undefined }
  | { class: 'request-rejected'; status: number; why: 'xsrf' | 'invalid'; operation: OperationId }
  | { class: 'malformed-response'; status: number; why: MalformedWhy }
  /** A 3xx: the answer is somewhere else, and credentials are never sent after it. */
  | { class: 'redirected'; status: number; site: string | undefined };

export type MalformedWhy = 'empty-body' | 'web-page' | 'invalid-json' | 'unexpected-status';

export type Judgement = { ok: true; json: unknown } | { ok: false; cause: FailureCause };

function looksLikeHtml(contentType: string | undefined, bodyText: string): boolean {
  if (contentType !== undefined && /\btext\/html\b/i.test(contentType)) return true;
  return /^\s*</.test(bodyText);
}

function judgeSuccess(facts: ResponseFacts): Judgement {
  const { status, headers, bodyText } = facts;
  const malformed = (why: MalformedWhy): Judgement => ({ ok: false, cause: { class: 'malformed-response', status, why } });
  const op = OPERATIONS[facts.operation];
  if (op.response !== 'json' || status === 204) return { ok: true, json: undefined };
  if (bodyText.trim() === '') return malformed('empty-body');
  if (looksLikeHtml(headerValue(headers, 'content-type'), bodyText)) return malformed('web-page');
  let json: unknown;
  try {
    json = JSON.parse(bodyText);
  } catch {
    return malformed('invalid-json');
  }
  if (facts.operation === 'getCurrentUser' && facts.credentialsSent !== false && !isRealIdentity(json, facts.baseKind)) {
    return { ok: false, cause: { class: 'anonymous-fallback', status, tokenKind: facts.tokenKind } };
  }
  return { ok: true, json };
}

function judgeUnauthorized(facts: ResponseFacts, category: string | undefined): FailureCause {
  const { status, tokenKind, baseKind } = facts;
  if (category === SCOPE_CHECK_CATEGORY || /scope does not match/i.test(facts.bodyText)) {
    return { class: 'missing-scope', status, operation: facts.operation };
  }
  // A gateway 401 alone does not tell a classic token from a bad one (API-FACTS: guess); only
  // the site probe decides, so the sentence stays neutral. Only the gateway sends AUTH_MISMATCH.
  if (category === AUTH_MISMATCH_CATEGORY || (baseKind === 'gateway' && tokenKind === 'classic')) {
    return { class: 'invalid-token', status, why: 'gateway-refused', tokenKind };
  }
  if (tokenKind === 'scoped' && baseKind === 'site') return { class: 'wrong-base-url', status, why: 'scoped-on-site', baseKind };
  // Whatever the body: JSON, Tomcat's HTML "Basic Authentication Failure - Reason :
  // AUTHENTICATED_FAILED" or "Login Required" from Data Center (API-FACTS: seen) all mean the
  // token was refused, never a malformed answer. The status decides before any body is parsed.
  return { class: 'invalid-token', status, why: 'refused', tokenKind, site: facts.site };
}

function judgeNotFound(facts: ResponseFacts): FailureCause {
  const { status, tokenKind, baseKind } = facts;
  // Cloud API tokens sent as Bearer to the gateway get a bare 404.
  if (tokenKind === 'dc-pat' && baseKind === 'gateway') return { class: 'wrong-base-url', status, why: 'bearer-on-gateway', baseKind };
  // The identity endpoint always exists, so not finding it means the base URL is wrong.
  if (facts.operation === 'getCurrentUser') return { class: 'wrong-base-url', status, why: 'identity-not-found', baseKind };
  return { class: 'no-permission-or-not-found', status };
}

function judgeForbidden(facts: ResponseFacts): FailureCause {
  const { status, bodyText } = facts;
  if (NO_CONFLUENCE_ACCESS_BODY.test(bodyText)) return { class: 'no-confluence-access', status, site: facts.site };
  if (/xsrf/i.test(bodyText)) return { class: 'request-rejected', status, why: 'xsrf', operation: facts.operation };
  return { class: 'no-permission-or-not-found', status };
}

/**
 * The full judgement of one HTTP answer. For a 2xx JSON operation it also returns the parsed
 * body so the caller need not parse twice.
 */
export function judgeAnswer(facts: ResponseFacts): Judgement {
  const { status, headers } = facts;
  const fail = (cause: FailureCause): Judgement => ({ ok: false, cause });
  const requestedWait = () => {
    const wait = waitRequestedMs(status, headers, facts.nowMs ?? Date.now());
    return wait === undefined ? undefined : Math.min(wait, facts.maxReportedWaitMs ?? DEFAULT_RETRY_POLICY.maxReportedWaitMs);
  };

  if (status >= 200 && status < 300) return judgeSuccess(facts);
  if (status === 401) return fail(judgeUnauthorized(facts, headerValue(headers, FAILURE_CATEGORY_HEADER)?.trim().toUpperCase()));
  if (status === 404) return fail(judgeNotFound(facts));
  if (status === 403) return fail(judgeForbidden(facts));
  if (status === 429) return fail({ class: 'rate-limited', status, waitMs: requestedWait() });
  if (status >= 500 && status < 600) return fail({ class: 'server-error', status, waitMs: requestedWait() });
  if (status >= 400 && status < 500) return fail({ class: 'request-rejected', status, why: 'invalid', operation: facts.operation });
  if (status >= 300 && status < 400) return fail({ class: 'redirected', status, site: facts.site });
  return fail({ class: 'malformed-response', status, why: 'unexpected-status' });
}
