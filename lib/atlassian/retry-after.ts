/**
 * How long the server asked us to wait. Atlassian sends delta seconds, RFC 9110 also allows an
 * HTTP date, and absurd values (`9223372036854775807`) have been seen, so the result is a finite
 * number that callers cap.
 */

import { headerValue, type HeaderSource } from './header-value';
import { readRateLimitInfo, refillWaitMs } from './rate-limit-headers';

// Re-exported for existing importers; the lookup lives apart so rate-limit-headers.ts can use it too.
export { headerValue, type HeaderSource };

/**
 * Milliseconds to wait from `nowMs`, or undefined when the value is absent or unreadable.
 * A date in the past means "now" (0). Never Infinity or NaN.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, Number.MAX_SAFE_INTEGER);
  // Only the HTTP-date forms have letters and a year; a bare "-1" or "1.5" is malformed, not a date.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  // HTTP dates are always GMT; asctime() form carries no zone and would parse as local time.
  const at = Date.parse(/\b(GMT|UTC)\b|[+-]\d{4}$/i.test(trimmed) ? trimmed : `${trimmed} GMT`);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * The shortest wait a server may ask for. `Retry-After: 0` has been seen (Jira, Data Center;
 * API-FACTS: seen): retrying at once only earns another 429, so a server-given wait is floored here.
 */
export const MIN_SERVER_WAIT_MS = 1_000;

function requestedOrReset(status: number, headers: HeaderSource | undefined, nowMs: number): number | undefined {
  const retryAfter = parseRetryAfter(headerValue(headers, 'retry-after'), nowMs);
  if (retryAfter !== undefined) return retryAfter;
  if (status !== 429) return undefined;
  const reset = headerValue(headers, 'x-ratelimit-reset');
  const at = reset === undefined ? Number.NaN : Date.parse(reset);
  if (!Number.isNaN(at)) return Math.max(0, at - nowMs);
  // Data Center sends no reset time, but says how fast its bucket refills.
  return headers === undefined ? undefined : refillWaitMs(readRateLimitInfo(headers));
}

/**
 * The wait a response asks for, at least MIN_SERVER_WAIT_MS: `Retry-After` first; on 429
 * without it, `X-RateLimit-Reset` (an ISO 8601 time, per Atlassian's rate-limit docs), else Data
 * Center's refill rate (rate-limit-headers.ts). Callers cap it (RetryPolicy). `Beta-Retry-After` is a pacing hint, not a wait, and is not read.
 */
export function waitRequestedMs(status: number, headers: HeaderSource | undefined, nowMs: number): number | undefined {
  const wait = requestedOrReset(status, headers, nowMs);
  return wait === undefined ? undefined : Math.max(MIN_SERVER_WAIT_MS, wait);
}
