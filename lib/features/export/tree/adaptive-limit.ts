/**
 * How many exports may run at once, adapted to the site: additive increase, multiplicative
 * decrease (as TCP does). About 20 parallel calls with one token have drawn 429s and the limits
 * are unpublished, so it feels for them: one more after as many clean completions in a row as
 * it runs at once (roughly one round of work), halved (never below 1) on a completion that met
 * a 429. The client has already waited out `Retry-After` by then; halving keeps the next calls
 * from meeting it too.
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
  return {
    get current() {
      return current;
    },
    completed(rateLimited) {
      if (rateLimited > 0) {
        current = Math.max(1, Math.floor(current / 2));
        streak = 0;
        return;
      }
      streak++;
      if (streak >= current && current < ceiling) {
        current++;
        streak = 0;
      }
    },
  };
}
