/**
 * How many exports may run at once, adapted to the site: additive increase, gentle decrease.
 * About 20 parallel calls with one token have drawn 429s and the limits are unpublished, so it
 * feels for them: one more after as many clean completions in a row as it runs at once (roughly
 * one round of work). A completion that met a 429 lowers it by one; another 429 within the same
 * round (429s keep coming at this pace) halves it, never below 1. The client has already waited
 * out `Retry-After` by then. Halving on every 429 was measured to cost a tree export about 40 %
 * of its speed against a site that sends a 429 every 50 calls whatever the pace
 * (tests/bench/export-tree.ts): the pool spent its time climbing back from 3 to 6.
 */

export interface AdaptiveLimit {
  /** Items that may be in flight now. */
  readonly current: number;
  /** One item finished having met `rateLimited` 429s. */
  completed(rateLimited: number): void;
}

export function createAdaptiveLimit(initial: number, max: number): AdaptiveLimit {
  const ceiling = Math.max(1, max);
  let current = Math.min(Math.max(1, initial), ceiling);
  let streak = 0;
  /** Completions since the last one that met a 429 (none yet: never). */
  let sinceRateLimited = Number.POSITIVE_INFINITY;
  return {
    get current() {
      return current;
    },
    completed(rateLimited) {
      if (rateLimited > 0) {
        const again = sinceRateLimited < current;
        current = Math.max(1, again ? Math.floor(current / 2) : current - 1);
        streak = 0;
        sinceRateLimited = 0;
        return;
      }
      sinceRateLimited++;
      streak++;
      if (streak >= current && current < ceiling) {
        current++;
        streak = 0;
      }
    },
  };
}
