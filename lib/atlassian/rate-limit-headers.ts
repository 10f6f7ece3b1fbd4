/**
 * Atlassian's rate-limit headers on every answer, so callers (a long export) can slow down
 * before they hit 429 instead of after.
 *
 * API-token traffic is under burst and per-token limits: its answers carry `Retry-After` and
 * `X-RateLimit-Limit/Remaining`, but no `X-RateLimit-NearLimit` or `RateLimit-Reason`, which
 * belong to the points-based quotas of Forge, Connect and OAuth apps (API-FACTS: doc). So those
 * two are read when present and never required: absent, they are left out, not read as "false".
 * Data Center adds `X-RateLimit-Interval-Seconds` and `X-RateLimit-FillRate` (doc), from which a
 * 429 without `Retry-After` gets its wait (refillWaitMs).
 */
import { dcRefillSeconds } from './data-center-guesses';
import { headerValue, type HeaderSource } from './header-value';

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** ISO 8601 time the budget resets, as sent. */
  reset?: string;
  /** `X-RateLimit-NearLimit` (app quotas only): set only when the header was sent. */
  nearLimit?: boolean;
  /** `RateLimit-Reason` (app quotas only), as sent. */
  reason?: string;
  /** `X-RateLimit-Interval-Seconds` (Data Center): how often the bucket refills. */
  intervalSeconds?: number;
  /** `X-RateLimit-FillRate` (Data Center): requests added per interval. */
  fillRate?: number;
}

function int(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

/** A positive decimal such as `10` or `0.5` (a fill rate may be fractional); else undefined. */
function positive(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && Number.isFinite(n) ? n : undefined;
}

export function readRateLimitInfo(headers: HeaderSource): RateLimitInfo {
  const info: RateLimitInfo = {};
  const limit = int(headerValue(headers, 'x-ratelimit-limit'));
  const remaining = int(headerValue(headers, 'x-ratelimit-remaining'));
  const reset = headerValue(headers, 'x-ratelimit-reset');
  const nearLimit = headerValue(headers, 'x-ratelimit-nearlimit');
  const reason = headerValue(headers, 'ratelimit-reason');
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (reset !== undefined) info.reset = reset;
  if (nearLimit !== undefined) info.nearLimit = nearLimit.trim().toLowerCase() === 'true';
  if (reason !== undefined) info.reason = reason;
  const intervalSeconds = positive(headerValue(headers, 'x-ratelimit-interval-seconds'));
  const fillRate = positive(headerValue(headers, 'x-ratelimit-fillrate'));
  if (intervalSeconds !== undefined) info.intervalSeconds = intervalSeconds;
  if (fillRate !== undefined) info.fillRate = fillRate;
  return info;
}

/**
 * The wait until Data Center's bucket holds one more request, in ms (at least a second, so
 * `FillRate: 10` per second still waits 1 s), or undefined without both headers. Callers cap it.
 */
export function refillWaitMs(info: RateLimitInfo): number | undefined {
  if (info.fillRate === undefined || info.intervalSeconds === undefined) return undefined;
  const seconds = dcRefillSeconds(info.fillRate, info.intervalSeconds);
  return Number.isFinite(seconds) ? Math.max(1, seconds) * 1000 : undefined;
}
