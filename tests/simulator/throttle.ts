// Rate limits per token (429 with Atlassian's headers), the per-token budget reported on
// authenticated answers, outages (503 with Retry-After), and Data Center's spurious 401 "Login
// Required" after its 429s.
import { dcLoginRequired } from './dc-unauthorized';
import { SIM_DC } from './fixtures';
import {
  DC_RATE_LIMIT_FILL_RATE,
  DC_RATE_LIMIT_INTERVAL_SECONDS,
  RATE_LIMIT_BODY,
  RATE_LIMIT_HEADERS_ON_SUCCESS,
  RATE_LIMIT_LIMIT,
  RATE_LIMIT_RESET_FALLBACK_SECONDS,
  SERVICE_UNAVAILABLE_BODY,
  countsTowardRateLimitEvery,
} from './guesses';
import { json, type SimRequest, type SimResponse } from './http';
import { isApiRequest, requestMatches } from './faults';
import type { SimState } from './state';
import type { SimToken } from './types';

function resetTime(retryAfter: string): string {
  const seconds = /^\d+$/.test(retryAfter) ? Math.min(Number(retryAfter), 365 * 24 * 3600) : Number.NaN;
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(retryAfter) - Date.now();
  const ahead = Number.isFinite(ms) && ms > 0 ? ms : RATE_LIMIT_RESET_FALLBACK_SECONDS * 1000;
  return new Date(Date.now() + ahead).toISOString();
}

/**
 * Headers of an API-token 429 (doc): burst and per-token limits, so no `X-RateLimit-NearLimit`
 * and no `RateLimit-Reason` (those belong to the app quotas).
 */
export function apiTokenRateLimitHeaders(retryAfter: string, limit: string = RATE_LIMIT_LIMIT): Record<string, string> {
  return {
    'retry-after': retryAfter,
    'x-ratelimit-limit': limit,
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': resetTime(retryAfter),
  };
}

/** Data Center's extra rate-limit headers (doc: DC rate limiting sends them; values are guesses). */
function dcRateLimitHeaders(host: string): Record<string, string> {
  if (host !== SIM_DC.host) return {};
  return { 'x-ratelimit-interval-seconds': DC_RATE_LIMIT_INTERVAL_SECONDS, 'x-ratelimit-fillrate': DC_RATE_LIMIT_FILL_RATE };
}

/**
 * An authenticated API answer (the request's token was accepted: `tokenLabel` is set) uses one
 * call of that token's budget and, with RATE_LIMIT_HEADERS_ON_SUCCESS, says what is left:
 * `X-RateLimit-Limit`, `X-RateLimit-Remaining` (after this call, never below 0), NearLimit only
 * when the budget asks for it, and on Data Center `-Interval-Seconds` and `-FillRate`.
 */
export function withRateLimitBudget(state: SimState, req: SimRequest, response: SimResponse): SimResponse {
  const tokenName = req.entry.tokenLabel;
  if (!RATE_LIMIT_HEADERS_ON_SUCCESS || tokenName === undefined) return response;
  const budget = state.rateLimitBudget(tokenName);
  budget.remaining = Math.max(0, budget.remaining - 1);
  const headers: Record<string, string> = {
    'x-ratelimit-limit': String(budget.limit),
    'x-ratelimit-remaining': String(budget.remaining),
    ...(budget.nearLimit ? { 'x-ratelimit-nearlimit': 'true' } : {}),
    ...dcRateLimitHeaders(req.host),
  };
  return { ...response, headers: { ...response.headers, ...headers } };
}

/** 503 or 429 for this request, or undefined to go on. */
export function throttle(state: SimState, host: string, path: string, token: SimToken | undefined): SimResponse | undefined {
  const outage = state.outages.find((o) => o.remaining > 0 && requestMatches(o, host, path));
  if (outage) {
    outage.remaining -= 1;
    state.outages = state.outages.filter((o) => o.remaining > 0);
    return json(503, SERVICE_UNAVAILABLE_BODY, outage.retryAfter !== undefined ? { 'retry-after': outage.retryAfter } : {});
  }
  if (!token) return undefined;
  const loginRequired = takeDcLoginRequired(state, host, token);
  if (loginRequired) return loginRequired;
  const periodic = state.periodicRateLimit;
  if (periodic && isApiRequest(host, path) && countsTowardRateLimitEvery(host, path, true)) {
    periodic.seen += 1;
    if (periodic.seen % periodic.every === 0) return tokenRateLimited(state, host, token, String(periodic.retryAfterSeconds));
  }
  const limit = state.rateLimits.find((r) => r.remaining > 0 && r.tokenName === token.name);
  if (!limit) return undefined;
  limit.remaining -= 1;
  state.rateLimits = state.rateLimits.filter((r) => r.remaining > 0);
  return tokenRateLimited(state, host, token, limit.retryAfter);
}

/** A "Login Required" 401 still owed to this token on Data Center (DC_LOGIN_REQUIRED_MESSAGE). */
function takeDcLoginRequired(state: SimState, host: string, token: SimToken): SimResponse | undefined {
  if (host !== SIM_DC.host) return undefined;
  const pending = state.dcLoginRequiredPending.get(token.name) ?? 0;
  if (pending <= 0) return undefined;
  if (pending === 1) state.dcLoginRequiredPending.delete(token.name);
  else state.dcLoginRequiredPending.set(token.name, pending - 1);
  return dcLoginRequired(state);
}

/** The 429 of an API token: Retry-After, X-RateLimit-* (the token's budget limit), DC's extras. */
function tokenRateLimited(state: SimState, host: string, token: SimToken, retryAfter: string): SimResponse {
  if (host === SIM_DC.host && state.dcLoginRequiredAfterRateLimit > 0) state.dcLoginRequiredPending.set(token.name, state.dcLoginRequiredAfterRateLimit);
  const budgetLimit = state.rateLimitBudgets.get(token.name)?.limit;
  return json(429, RATE_LIMIT_BODY, {
    ...apiTokenRateLimitHeaders(retryAfter, budgetLimit === undefined ? RATE_LIMIT_LIMIT : String(budgetLimit)),
    ...dcRateLimitHeaders(host),
  });
}
