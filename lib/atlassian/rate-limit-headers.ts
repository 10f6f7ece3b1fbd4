/**
 * Atlassian's rate-limit headers on every answer, so callers (a long export) can slow down
 * before they hit 429 instead of after.
 *
 * API-token traffic is under burst and per-token limits: its answers carry `Retry-After` and
 * `X-RateLimit-Limit/Remaining`, but no `X-RateLimit-NearLimit` or `RateLimit-Reason`, which
 * belong to the points-based quotas of Forge, Connect and OAuth apps (API-FACTS: doc). So those
 * two are read when present and never required: absent, they are left out, not read as "false".
 */
import { headerValue, type HeaderSource } from './retry-after';

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** ISO 8601 time the budget resets, as sent. */
  reset?: string;
  /** `X-RateLimit-NearLimit` (app quotas only): set only when the header was sent. */
  nearLimit?: boolean;
  /** `RateLimit-Reason` (app quotas only), as sent. */
  reason?: string;
}

function int(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
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
  return info;
}
