/**
 * Atlassian's rate-limit headers on every answer, so callers (a long export) can slow down
 * before they hit 429 instead of after.
 */
import { headerValue, type HeaderSource } from './retry-after';

export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  /** ISO 8601 time the budget resets, as sent. */
  reset?: string;
  /** Atlassian sets `X-RateLimit-NearLimit: true` when under 20 % of the budget is left. */
  nearLimit: boolean;
  reason?: string;
}

function int(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+\s*$/.test(value)) return undefined;
  return Number(value);
}

export function readRateLimitInfo(headers: HeaderSource): RateLimitInfo {
  const info: RateLimitInfo = { nearLimit: headerValue(headers, 'x-ratelimit-nearlimit')?.trim().toLowerCase() === 'true' };
  const limit = int(headerValue(headers, 'x-ratelimit-limit'));
  const remaining = int(headerValue(headers, 'x-ratelimit-remaining'));
  const reset = headerValue(headers, 'x-ratelimit-reset');
  const reason = headerValue(headers, 'ratelimit-reason');
  if (limit !== undefined) info.limit = limit;
  if (remaining !== undefined) info.remaining = remaining;
  if (reset !== undefined) info.reset = reset;
  if (reason !== undefined) info.reason = reason;
  return info;
}
