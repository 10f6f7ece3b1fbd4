import { describe, expect, it } from 'vitest';
import { createProgress, progressSentence, RATE_WINDOW, type ExportProgress } from './export-progress';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('createProgress', () => {
  it('counts done and failed, names the most recently started unfinished page', () => {
    const c = clock();
    const p = createProgress(5, c.now);
    expect(p.snapshot()).toEqual({ done: 0, total: 5, failed: 0, current: undefined, pagesPerSecond: 0, secondsLeft: undefined, rateLimited: 0, elapsedMs: 0 });
    const a = p.start('A');
    const b = p.start('B');
    expect(p.snapshot().current).toBe('B');
    b.finish(false);
    expect(p.snapshot()).toMatchObject({ done: 1, failed: 1, current: 'A' });
    b.finish(true); // a second finish of the same page counts nothing
    expect(p.snapshot()).toMatchObject({ done: 1, failed: 1 });
    a.finish(true, 2);
    expect(p.snapshot()).toMatchObject({ done: 2, failed: 1, current: undefined, rateLimited: 2 });
  });

  it('two pages of the same title are told apart', () => {
    const p = createProgress(2, clock().now);
    const first = p.start('Notes');
    p.start('Notes');
    first.finish(true);
    expect(p.snapshot().current).toBe('Notes');
  });

  it('finish without a handle finishes the earliest started page', () => {
    const p = createProgress(3, clock().now);
    p.start('A');
    p.start('B');
    p.finish(true);
    expect(p.snapshot()).toMatchObject({ done: 1, current: 'B' });
    p.finish(true);
    p.finish(false, 1); // nothing running: still counted
    expect(p.snapshot()).toMatchObject({ done: 3, failed: 1, current: undefined, rateLimited: 1 });
  });

  it('no time left until two pages are done; then from the pace', () => {
    const c = clock();
    const p = createProgress(10, c.now);
    c.advance(500);
    p.finish(true);
    expect(p.snapshot()).toMatchObject({ done: 1, pagesPerSecond: 2, secondsLeft: undefined, elapsedMs: 500 });
    c.advance(500);
    p.finish(true);
    // 2 pages in 1 s, 8 left.
    expect(p.snapshot()).toMatchObject({ pagesPerSecond: 2, secondsLeft: 4 });
  });

  it('the pace follows the last pages, not the whole run', () => {
    const c = clock();
    const p = createProgress(100, c.now);
    // A slow start: 10 pages, one every 2 s.
    for (let i = 0; i < 10; i++) {
      c.advance(2000);
      p.finish(true);
    }
    expect(p.snapshot().pagesPerSecond).toBeCloseTo(0.5);
    // Then fast: one every 100 ms, enough to fill the window.
    for (let i = 0; i < RATE_WINDOW; i++) {
      c.advance(100);
      p.finish(true);
    }
    expect(p.snapshot().pagesPerSecond).toBeCloseTo(10);
    expect(p.snapshot().secondsLeft).toBeCloseTo(7);
  });

  it('a stall shows as a falling pace and a growing time left', () => {
    const c = clock();
    const p = createProgress(10, c.now);
    for (let i = 0; i < 4; i++) {
      c.advance(1000);
      p.finish(true);
    }
    const before = p.snapshot();
    c.advance(60_000); // a long Retry-After somewhere
    const after = p.snapshot();
    expect(after.pagesPerSecond).toBeLessThan(before.pagesPerSecond);
    expect(after.secondsLeft).toBeGreaterThan(before.secondsLeft as number);
  });
});

describe('progressSentence', () => {
  const base: ExportProgress = { done: 12, total: 120, failed: 0, current: 'Release notes', pagesPerSecond: 3.14, secondsLeft: 34.4, rateLimited: 0, elapsedMs: 4000 };

  it('says n of N, the page, the pace and the time left', () => {
    expect(progressSentence(base)).toBe('12 of 120 pages · “Release notes” · 3.1 pages/s · about 35 s left');
  });

  it('adds the 429s ridden out and the failures', () => {
    expect(progressSentence({ ...base, rateLimited: 4, failed: 2 })).toBe('12 of 120 pages · 2 failed · “Release notes” · 3.1 pages/s · about 35 s left · 4 rate-limit waits ridden out');
    expect(progressSentence({ ...base, rateLimited: 1 })).toMatch(/· 1 rate-limit wait ridden out$/);
  });

  it('at the start: no pace, no time left', () => {
    expect(progressSentence({ ...base, done: 0, pagesPerSecond: 0, secondsLeft: undefined, current: 'Home' })).toBe('0 of 120 pages · “Home”');
    expect(progressSentence({ ...base, done: 0, total: 1, pagesPerSecond: 0, secondsLeft: undefined, current: undefined })).toBe('0 of 1 page');
  });

  it('minutes and hours for long runs', () => {
    expect(progressSentence({ ...base, secondsLeft: 240 })).toMatch(/about 4 min left$/);
    expect(progressSentence({ ...base, secondsLeft: 3 * 3600 })).toMatch(/about 3 h left$/);
    expect(progressSentence({ ...base, secondsLeft: 0.2 })).toMatch(/about 1 s left$/);
  });

  it('when done: no page, no time left', () => {
    expect(progressSentence({ ...base, done: 120, secondsLeft: 0, current: 'Last' })).toBe('120 of 120 pages · 3.1 pages/s');
  });

  it('a long title is cut, an empty one named', () => {
    const sentence = progressSentence({ ...base, current: 'x'.repeat(500) });
    expect(sentence).toContain(`“${'x'.repeat(59)}…”`);
    expect(progressSentence({ ...base, current: '  ' })).toContain('“Untitled”');
  });
});
