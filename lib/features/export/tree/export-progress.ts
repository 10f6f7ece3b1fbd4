/**
 * Progress of a tree export, for the Export page: n of N, the page being worked on, pages per
 * second and time left, and the 429s ridden out.
 *
 * Pages per second come from a sliding window of the last RATE_WINDOW pages, measured up to
 * now: the pool's concurrency ramps up at the start and halves on 429s, so an average over the
 * whole run would lag behind both, and measuring to "now" makes a stall (a long Retry-After)
 * show as a falling rate and a growing time left instead of a frozen one.
 */

/** Pages the rate is measured over. */
export const RATE_WINDOW = 20;

export interface ExportProgress {
  /** Pages finished, failed ones included. */
  done: number;
  total: number;
  failed: number;
  /** Title of the most recently started page that has not finished. */
  current: string | undefined;
  pagesPerSecond: number;
  /** Undefined until 2 pages are done (one page says nothing about the pace). */
  secondsLeft: number | undefined;
  rateLimited: number;
  elapsedMs: number;
}

/** A started page, to finish exactly that one when several run at once. */
export interface StartedPage {
  /** A second call does nothing. */
  finish(ok: boolean, rateLimited?: number): void;
}

export interface ProgressTracker {
  start(title: string): StartedPage;
  /** Finishes the earliest started page still running (or counts one page when none was started). */
  finish(ok: boolean, rateLimited?: number): void;
  snapshot(): ExportProgress;
}

export function createProgress(total: number, now: () => number): ProgressTracker {
  const startedAt = now();
  // Running pages in start order; a number key keeps two pages of the same title apart.
  const running = new Map<number, string>();
  let nextKey = 0;
  let done = 0;
  let failed = 0;
  let rateLimited = 0;
  // Finish times of the last RATE_WINDOW + 1 pages: the oldest one is where the window starts.
  const finishTimes: number[] = [];

  const record = (ok: boolean, met: number | undefined) => {
    done++;
    if (!ok) failed++;
    if (met !== undefined && Number.isFinite(met) && met > 0) rateLimited += met;
    finishTimes.push(now());
    if (finishTimes.length > RATE_WINDOW + 1) finishTimes.shift();
  };

  const pagesPerSecond = (at: number): number => {
    if (done === 0) return 0;
    // Until the window is full it starts at the run's start.
    const full = finishTimes.length > RATE_WINDOW;
    const from = full ? (finishTimes[0] as number) : startedAt;
    const pages = full ? RATE_WINDOW : finishTimes.length;
    const seconds = (at - from) / 1000;
    return seconds > 0 ? pages / seconds : 0;
  };

  return {
    start(title) {
      const key = nextKey++;
      running.set(key, title);
      let finished = false;
      return {
        finish(ok, met) {
          if (finished) return;
          finished = true;
          running.delete(key);
          record(ok, met);
        },
      };
    },
    finish(ok, met) {
      const earliest = running.keys().next();
      if (!earliest.done) running.delete(earliest.value);
      record(ok, met);
    },
    snapshot() {
      const at = now();
      const rate = pagesPerSecond(at);
      const left = Math.max(0, total - done);
      return {
        done,
        total,
        failed,
        current: [...running.values()].at(-1),
        pagesPerSecond: rate,
        secondsLeft: done >= 2 && rate > 0 ? left / rate : undefined,
        rateLimited,
        elapsedMs: Math.max(0, at - startedAt),
      };
    },
  };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "35 s", "4 min", "2 h": rounded up at first, so "about 1 s left" never reads as zero. */
function timeLeft(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} s`;
  if (seconds < 90 * 60) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

/** Longest title shown; the sentence must stay one line's worth. */
const MAX_TITLE_CHARS = 60;

function shortTitle(title: string): string {
  const chars = [...title.trim()];
  return chars.length > MAX_TITLE_CHARS ? `${chars.slice(0, MAX_TITLE_CHARS - 1).join('')}…` : chars.join('');
}

/** "12 of 120 pages · “Release notes” · 3.1 pages/s · about 35 s left · 4 rate-limit waits ridden out". */
export function progressSentence(p: ExportProgress): string {
  const parts = [`${p.done} of ${plural(p.total, 'page', 'pages')}`];
  if (p.failed > 0) parts.push(`${p.failed} failed`);
  if (p.current !== undefined && p.done < p.total) parts.push(`“${shortTitle(p.current) || 'Untitled'}”`);
  if (p.done > 0 && p.pagesPerSecond > 0) parts.push(`${p.pagesPerSecond.toFixed(1)} pages/s`);
  if (p.secondsLeft !== undefined && p.done < p.total) parts.push(`about ${timeLeft(p.secondsLeft)} left`);
  if (p.rateLimited > 0) parts.push(`${plural(p.rateLimited, 'rate-limit wait', 'rate-limit waits')} ridden out`);
  return parts.join(' · ');
}
