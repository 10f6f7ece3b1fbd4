// Rate limits per token (429 with Atlassian's headers) and outages (503 with Retry-After).
import { RATE_LIMIT_BODY, RATE_LIMIT_LIMIT, RATE_LIMIT_RESET_FALLBACK_SECONDS, SERVICE_UNAVAILABLE_BODY } from './guesses';
import { json, type SimResponse } from './http';
import { requestMatches } from './faults';
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
export function apiTokenRateLimitHeaders(retryAfter: string): Record<string, string> {
  return {
    'retry-after': retryAfter,
    'x-ratelimit-limit': RATE_LIMIT_LIMIT,
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': resetTime(retryAfter),
  };
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
  const limit = state.rateLimits.find((r) => r.remaining > 0 && r.tokenName === token.name);
  if (!limit) return undefined;
  limit.remaining -= 1;
  state.rateLimits = state.rateLimits.filter((r) => r.remaining > 0);
  return json(429, RATE_LIMIT_BODY, apiTokenRateLimitHeaders(limit.retryAfter));
}
