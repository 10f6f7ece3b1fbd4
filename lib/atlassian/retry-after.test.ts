import { describe, expect, it } from 'vitest';
import { MIN_SERVER_WAIT_MS, headerValue, parseRetryAfter, waitRequestedMs } from './retry-after';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each<[string | undefined | null, number | undefined]>([
    ['5', 5000],
    [' 0 ', 0],
    ['120', 120_000],
    ['Sat, 01 Mar 2025 12:00:10 GMT', 10_000], // IMF-fixdate
    ['Saturday, 01-Mar-25 12:00:10 GMT', 10_000], // obsolete RFC 850
    ['Sat Mar  1 12:00:10 2025', 10_000], // asctime: GMT although it has no zone
    ['Fri, 28 Feb 2025 12:00:00 GMT', 0], // in the past
    ['-1', undefined],
    ['1.5', undefined],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
    [null, undefined],
  ])('%j → %j', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it('turns an absurd delta into a finite number for callers to cap', () => {
    const ms = parseRetryAfter('9223372036854775807', NOW);
    expect(Number.isFinite(ms)).toBe(true);
    expect(ms).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('waitRequestedMs', () => {
  it('prefers Retry-After, uses X-RateLimit-Reset on 429 only', () => {
    expect(waitRequestedMs(429, { 'retry-after': '2', 'x-ratelimit-reset': '2025-03-01T12:01:00Z' }, NOW)).toBe(2000);
    expect(waitRequestedMs(429, { 'X-RateLimit-Reset': '2025-03-01T12:01:00Z' }, NOW)).toBe(60_000);
    expect(waitRequestedMs(503, { 'X-RateLimit-Reset': '2025-03-01T12:01:00Z' }, NOW)).toBeUndefined();
    expect(waitRequestedMs(503, new Headers({ 'Retry-After': '4' }), NOW)).toBe(4000);
  });

  it('floors a server-given wait at about a second: Retry-After: 0 never means "at once"', () => {
    expect(MIN_SERVER_WAIT_MS).toBe(1000);
    expect(waitRequestedMs(429, { 'Retry-After': '0' }, NOW)).toBe(1000);
    expect(waitRequestedMs(503, { 'Retry-After': 'Fri, 28 Feb 2025 12:00:00 GMT' }, NOW)).toBe(1000);
    expect(waitRequestedMs(429, { 'X-RateLimit-Reset': '2025-03-01T11:59:00Z' }, NOW)).toBe(1000);
    // Longer waits are untouched, absurd ones stay finite for the policy to cap.
    expect(waitRequestedMs(429, { 'Retry-After': '2' }, NOW)).toBe(2000);
    expect(waitRequestedMs(429, { 'Retry-After': '9223372036854775807' }, NOW)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('takes no wait from the Beta-* pacing hints', () => {
    expect(waitRequestedMs(429, { 'Beta-Retry-After': '30', 'X-Beta-RateLimit-Reset': '2025-03-01T12:01:00Z' }, NOW)).toBeUndefined();
  });

  it('reads headers case-insensitively from Headers and plain objects', () => {
    expect(headerValue({ 'RETRY-AFTER': '1' }, 'retry-after')).toBe('1');
    expect(headerValue(new Headers({ 'Retry-After': '1' }), 'retry-after')).toBe('1');
    expect(headerValue(undefined, 'retry-after')).toBeUndefined();
  });
});

describe('waitRequestedMs on Data Center', () => {
  const dc = { 'X-RateLimit-Interval-Seconds': '6', 'X-RateLimit-FillRate': '2' };
  it('a 429 without Retry-After waits one refill of the bucket', () => {
    expect(waitRequestedMs(429, dc, NOW)).toBe(3000);
  });
  it('Retry-After still wins, and a 503 does not read the bucket', () => {
    expect(waitRequestedMs(429, { ...dc, 'Retry-After': '7' }, NOW)).toBe(7000);
    expect(waitRequestedMs(503, dc, NOW)).toBeUndefined();
  });
});
