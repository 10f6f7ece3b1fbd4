import { describe, expect, it } from 'vitest';
import { createRateLimitMemory } from './rate-limit-memory';

describe('the rate-limit memory', () => {
  it('remembers the last 429 per origin for the window, then forgets it', () => {
    const memory = createRateLimitMemory(60_000);
    memory.noteRateLimited('https://a.dc.test', 1_000, 2_000);
    expect(memory.recentRateLimit('https://a.dc.test', 61_000)).toEqual({ at: 1_000, waitMs: 2_000 });
    expect(memory.recentRateLimit('https://a.dc.test', 61_001)).toBeUndefined();
    expect(memory.recentRateLimit('https://b.dc.test', 2_000)).toBeUndefined();
    // A later 429 replaces the earlier one.
    memory.noteRateLimited('https://a.dc.test', 50_000, undefined);
    expect(memory.recentRateLimit('https://a.dc.test', 100_000)).toEqual({ at: 50_000, waitMs: undefined });
  });

  it('keeps a bounded number of origins, dropping the oldest', () => {
    const memory = createRateLimitMemory(60_000);
    for (let i = 0; i < 40; i++) memory.noteRateLimited(`https://s${i}.dc.test`, 1_000 + i, undefined);
    expect(memory.recentRateLimit('https://s0.dc.test', 2_000)).toBeUndefined();
    expect(memory.recentRateLimit('https://s39.dc.test', 2_000)).toBeDefined();
  });
});
