import { describe, expect, it } from 'vitest';
import { readRateLimitInfo, refillWaitMs } from './rate-limit-headers';

describe('readRateLimitInfo', () => {
  it('an API token’s answer (no NearLimit, no reason) yields only what was sent', () => {
    const info = readRateLimitInfo(new Headers({ 'Retry-After': '5', 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0' }));
    expect(info).toEqual({ limit: 100, remaining: 0 });
    // Absent is not "false": nothing may read the app-quota headers as if API tokens got them.
    expect('nearLimit' in info).toBe(false);
    expect('reason' in info).toBe(false);
  });

  it('reads the app-quota headers when they are present', () => {
    expect(
      readRateLimitInfo({
        'X-RateLimit-NearLimit': 'true',
        'RateLimit-Reason': 'confluence-quota-based',
        'X-RateLimit-Reset': '2025-03-01T12:01:00Z',
      }),
    ).toEqual({ nearLimit: true, reason: 'confluence-quota-based', reset: '2025-03-01T12:01:00Z' });
    expect(readRateLimitInfo({ 'x-ratelimit-nearlimit': 'false' })).toEqual({ nearLimit: false });
  });

  it('ignores numbers that are not whole numbers', () => {
    expect(readRateLimitInfo({ 'X-RateLimit-Limit': 'lots', 'X-RateLimit-Remaining': '-1' })).toEqual({});
  });

  it('reads Data Center’s interval and fill rate (a fill rate may be fractional)', () => {
    expect(readRateLimitInfo({ 'X-RateLimit-Interval-Seconds': '60', 'X-RateLimit-FillRate': '0.5', 'X-RateLimit-Limit': '30' })).toEqual({
      limit: 30,
      intervalSeconds: 60,
      fillRate: 0.5,
    });
    expect(readRateLimitInfo({ 'X-RateLimit-Interval-Seconds': '0', 'X-RateLimit-FillRate': 'fast' })).toEqual({});
  });
});

describe('refillWaitMs', () => {
  it('is ceil(IntervalSeconds / FillRate) seconds, at least one, or nothing without both headers', () => {
    expect(refillWaitMs({ intervalSeconds: 6, fillRate: 2 })).toBe(3000);
    expect(refillWaitMs({ intervalSeconds: 10, fillRate: 3 })).toBe(4000);
    expect(refillWaitMs({ intervalSeconds: 60, fillRate: 0.5 })).toBe(120_000);
    expect(refillWaitMs({ intervalSeconds: 1, fillRate: 10 })).toBe(1000);
    expect(refillWaitMs({ intervalSeconds: 1 })).toBeUndefined();
    expect(refillWaitMs({ fillRate: 1 })).toBeUndefined();
  });
});
