import { describe, expect, it } from 'vitest';
import { readRateLimitInfo } from './rate-limit-headers';

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
});
