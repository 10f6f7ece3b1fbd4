import { describe, expect, it } from 'vitest';
import { watchStatusSchema } from './watch';

describe('the watch status answer', () => {
  it('Cloud’s {watching} and Data Center’s bare boolean become one shape', () => {
    expect(watchStatusSchema.parse({ watching: true })).toEqual({ watching: true });
    expect(watchStatusSchema.parse({ watching: false })).toEqual({ watching: false });
    expect(watchStatusSchema.parse(true)).toEqual({ watching: true });
    expect(watchStatusSchema.parse(false)).toEqual({ watching: false });
    // Data Center's JSON text as it comes off the wire.
    expect(watchStatusSchema.parse(JSON.parse('false'))).toEqual({ watching: false });
  });

  it('refuses what says neither', () => {
    for (const answer of ['true', 1, null, {}, { watching: 'true' }, [true]]) {
      expect(watchStatusSchema.safeParse(answer).success, JSON.stringify(answer)).toBe(false);
    }
  });
});
