/**
 * Per client: when each Data Center origin last answered 429, so that a 401 from it soon after
 * (in another call) can be taken as rate limiting first (execute.ts). Bounded: a person has a few
 * servers, and an entry older than the window means nothing.
 */
import { DC_SPURIOUS_401_WINDOW_MS } from '../data-center-guesses';

export interface RecentRateLimit {
  at: number;
  /** What that 429 asked to wait, if it said. */
  waitMs: number | undefined;
}

export interface RateLimitMemory {
  noteRateLimited(origin: string, at: number, waitMs: number | undefined): void;
  /** The last 429 from `origin` no longer than the window before `now`, if any. */
  recentRateLimit(origin: string, now: number): RecentRateLimit | undefined;
}

const MAX_ORIGINS = 32;

export function createRateLimitMemory(windowMs: number = DC_SPURIOUS_401_WINDOW_MS): RateLimitMemory {
  const last = new Map<string, RecentRateLimit>();
  return {
    noteRateLimited(origin, at, waitMs) {
      last.delete(origin);
      last.set(origin, { at, waitMs });
      // Oldest first in a Map: drop from the front.
      for (const key of last.keys()) {
        if (last.size <= MAX_ORIGINS) break;
        last.delete(key);
      }
    },
    recentRateLimit(origin, now) {
      const seen = last.get(origin);
      return seen !== undefined && now - seen.at <= windowMs && now >= seen.at ? seen : undefined;
    },
  };
}
