/**
 * A tree export's wall time against the simulator with 100 ms of latency on every request and a
 * 429 (`Retry-After: 1`) every 50 calls, beside the ideal (pages × calls per page × latency ÷
 * concurrency; goal ≤ 1.3), the 429s met, and the export page's peak JS heap (issue 9, §6).
 * Printed, never asserted (see run.ts).
 *
 * In real Chromium with the built extension, as a person does it: alice's classic token added
 * through the options page, the Export page opened for a generated tree (`generateTree`, under
 * the export fixture's root: one page, its descendants, and one page with two large files),
 * Markdown + attachments chosen, Start clicked; wall time is the page's `performance.now()` from
 * the click to `export-result` showing, so no polling delay is in it.
 *
 * Where the time goes comes from the simulator's log, read in this process: each request's start
 * (logged on arrival) and end (when the server sets its status, just before writing the answer).
 * A page is "in flight" from its first request to its last answer, which is how many items the
 * job's pool runs at once (work-pool.ts does not expose its limit); requests per page, their
 * kinds, and the 429s come from the same log. The heap is `Performance.getMetrics`
 * (JSHeapUsedSize) over CDP on the Export page, sampled every ~100 ms after a forced GC; the
 * zip's Blobs live in the browser process, outside that heap, by design (zip-writer.ts).
 *
 * Environment: CTC_BENCH_TREE_PAGES (default `100,500`: each figure is one run), CTC_BENCH_TREE_OUT_DIR
 * (default `.output-bench/export-tree`), CTC_SKIP_BUILD=1 to reuse that build,
 * CTC_BENCH_TREE_RATE_LIMIT_EVERY (default 50; 0: no 429s), CTC_BENCH_TREE_DUMP=1 to print every
 * request (start and end in ms from the first, status, kind, page).
 * Alone: `node --import tsx tests/bench/export-tree.ts`.
 */
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { DEFAULT_INITIAL_CONCURRENCY, DEFAULT_MAX_CONCURRENCY } from '../../lib/features/export/tree/work-pool';
import { addAlice, choose, openExportPage } from '../e2e/export-helpers';
import { SIM_EXPORT, SIM_MEDIA_HOST, startSimulator, type Simulator } from '../simulator/index';
import type { RequestLogEntry } from '../simulator/types';
import { chromiumExtensionArgs } from '../support/chromium-args';
import { buildDir, buildExtension, isBuilt } from '../support/extension-build';
import { extensionIdOf } from '../support/extension-tabs';
import { ChromiumNotFoundError, findChromium } from '../support/find-chromium';

const LATENCY_MS = 100;
/** CTC_BENCH_TREE_RATE_LIMIT_EVERY=0 turns the periodic 429 off, to see what the rest costs. */
const RATE_LIMIT_EVERY = Math.max(0, Math.floor(Number(process.env.CTC_BENCH_TREE_RATE_LIMIT_EVERY ?? 50) || 0));
const RETRY_AFTER_S = 1;
/** Goal for wall time ÷ ideal; printed, never asserted. */
const RATIO_GOAL = 1.3;
const ATTACHMENTS_PER_PAGE = 2;
const SMALL_BYTES = 4096;
/** One page carries two files this big, so a streamed entry of some size is in the heap figure. */
const LARGE_BYTES = 2 * 1024 * 1024;
const SAMPLE_EVERY_MS = 100;
const LIMITS = RATE_LIMIT_EVERY > 0 ? `429 every ${RATE_LIMIT_EVERY} calls` : 'no 429s';

const MB = 1024 * 1024;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

declare global {
  interface Window {
    __ctcBench?: { clickedAt?: number; doneAt?: number; outcome?: string | null };
  }
}

/**
 * Every request's answer time. The log notes arrivals only; the server sets an entry's `status`
 * the moment it writes the answer, so a setter on each new entry's `status` (the log array's
 * `push`, wrapped for the run) notes that moment exactly, with no polling lag.
 */
function watchAnswers(sim: Simulator) {
  const ends = new WeakMap<RequestLogEntry, number>();
  const log = sim.log;
  const push = log.push;
  log.push = (...entries: RequestLogEntry[]) => {
    for (const entry of entries) {
      let status = entry.status;
      Object.defineProperty(entry, 'status', {
        enumerable: true,
        configurable: true,
        get: () => status,
        set: (value: number) => {
          status = value;
          if (value !== 0 && !ends.has(entry)) ends.set(entry, Date.now());
        },
      });
    }
    return push.apply(log, entries);
  };
  return {
    endOf: (entry: RequestLogEntry) => ends.get(entry),
    stop: () => {
      log.push = push;
    },
  };
}

/** JS heap of the Export page every ~100 ms (CDP Performance domain), until stopped. */
async function sampleHeap(cdp: CDPSession) {
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { used: get('JSHeapUsedSize'), total: get('JSHeapTotalSize') };
  };
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const baseline = await read();
  let peakUsed = baseline.used;
  let peakTotal = baseline.total;
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      try {
        const m = await read();
        peakUsed = Math.max(peakUsed, m.used);
        peakTotal = Math.max(peakTotal, m.total);
        samples++;
      } catch {
        return; // The page went away.
      }
      await sleep(SAMPLE_EVERY_MS);
    }
  })();
  return {
    baseline,
    stop: async () => {
      stopped = true;
      await loop;
      return { peakUsed, peakTotal, samples };
    },
  };
}

/** Runs in the Export page: the click on Start and the result's appearance, by the page's clock. */
function watchStartAndResult(): void {
  const marks: NonNullable<Window['__ctcBench']> = {};
  window.__ctcBench = marks;
  document.querySelector('[data-testid="export-start"]')?.addEventListener('click', () => (marks.clickedAt ??= performance.now()), { capture: true });
  const observer = new MutationObserver(() => {
    const result = document.querySelector('[data-testid="export-result"]');
    if (!result || marks.doneAt !== undefined) return;
    marks.doneAt = performance.now();
    marks.outcome = result.getAttribute('data-outcome');
    observer.disconnect();
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
}

type Kind = 'page read' | 'attachment list' | 'download (302)' | 'media (background)' | 'media (page)' | 'tree listing' | 'other';

interface Timed {
  entry: RequestLogEntry;
  start: number;
  end: number;
  kind: Kind;
  pageId: string | undefined;
}

function classify(entry: RequestLogEntry, mediaSeen: Map<string, number>): { kind: Kind; pageId: string | undefined } {
  const url = new URL(entry.path, `https://${entry.host}`);
  if (entry.host === SIM_MEDIA_HOST) {
    // Per file: the background follows the 302 (to learn the signed URL), then the page fetches it.
    const file = url.pathname;
    const n = (mediaSeen.get(file) ?? 0) + 1;
    mediaSeen.set(file, n);
    return { kind: n === 1 ? 'media (background)' : 'media (page)', pageId: /^contentId-(\d+)$/.exec(url.searchParams.get('collection') ?? '')?.[1] };
  }
  const p = url.pathname;
  let m: RegExpExecArray | null;
  if (/\/pages\/\d+\/descendants$/.test(p) || /\/descendant\/page$/.test(p)) return { kind: 'tree listing', pageId: undefined };
  if ((m = /\/rest\/api\/content\/(\d+)\/child\/attachment\/[^/]+\/download$/.exec(p))) return { kind: 'download (302)', pageId: m[1] };
  if ((m = /\/api\/v2\/pages\/(\d+)\/attachments$/.exec(p))) return { kind: 'attachment list', pageId: m[1] };
  if ((m = /\/rest\/api\/content\/(\d+)$/.exec(p))) return { kind: 'page read', pageId: m[1] };
  return { kind: 'other', pageId: undefined };
}

/** Share of `[from, to]` spent with 0, 1, 2… intervals open, and the time-weighted mean. */
function occupancy(intervals: ReadonlyArray<{ start: number; end: number }>, from: number, to: number) {
  const events: Array<[number, number]> = [];
  for (const i of intervals) {
    events.push([Math.max(from, i.start), +1], [Math.min(to, i.end), -1]);
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const time = new Map<number, number>();
  let open = 0;
  let at = from;
  let peak = 0;
  let firstAtPeakMax = Infinity;
  for (const [t, d] of events) {
    time.set(open, (time.get(open) ?? 0) + (t - at));
    at = t;
    open += d;
    peak = Math.max(peak, open);
    if (open >= DEFAULT_MAX_CONCURRENCY && firstAtPeakMax === Infinity) firstAtPeakMax = t - from;
  }
  time.set(open, (time.get(open) ?? 0) + (to - at));
  const span = Math.max(1, to - from);
  let mean = 0;
  for (const [n, ms] of time) mean += (n * ms) / span;
  return { peak, mean, share: (n: number) => (time.get(n) ?? 0) / span, firstAtMax: firstAtPeakMax };
}

async function runOnce(context: BrowserContext, extensionId: string, sim: Simulator, pages: number, label: (name: string) => string): Promise<void> {
  // A fresh tree each time (reset: generated ids count again from the start, no latency, no 429s).
  sim.control.reset();
  const benchRoot = sim.control.generateTree({ parentId: SIM_EXPORT.rootId, count: 1, attachmentsPerPage: ATTACHMENTS_PER_PAGE, attachmentBytes: SMALL_BYTES })[0]!;
  sim.control.generateTree({ parentId: benchRoot, count: pages - 2, attachmentsPerPage: ATTACHMENTS_PER_PAGE, attachmentBytes: SMALL_BYTES });
  sim.control.generateTree({ parentId: benchRoot, count: 1, attachmentsPerPage: ATTACHMENTS_PER_PAGE, attachmentBytes: LARGE_BYTES });
  const attachments = pages * ATTACHMENTS_PER_PAGE;

  const page: Page = await openExportPage(context, extensionId, 'tree', benchRoot);
  let answers: ReturnType<typeof watchAnswers> | undefined;
  try {
    await choose(page, { formats: ['markdown'], attachments: true });
    await page.evaluate(watchStartAndResult);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = await sampleHeap(cdp);

    // From here on, every request is the export's: latency and the periodic 429 count from its first call.
    sim.control.setLatency(LATENCY_MS);
    sim.control.rateLimitEvery(RATE_LIMIT_EVERY, RETRY_AFTER_S);
    sim.clearLog();
    answers = watchAnswers(sim);
    const timeoutMs = Math.max(60_000, pages * 600);
    const downloading = page.waitForEvent('download', { timeout: timeoutMs });
    const clickedAt = performance.now();
    await page.getByTestId('export-start').click();
    await page.waitForFunction(() => window.__ctcBench?.doneAt !== undefined, undefined, { timeout: timeoutMs, polling: 50 });
    const nodeWall = performance.now() - clickedAt;
    answers.stop();
    const { endOf } = answers;
    const memory = await heap.stop();
    sim.control.setLatency(0);
    sim.control.rateLimitEvery(0, 0);

    const marks = await page.evaluate(() => window.__ctcBench!);
    const sentence = (await page.getByTestId('export-outcome').innerText()).trim();
    if (marks.outcome !== 'done') throw new Error(`The export did not finish as done (${marks.outcome}): ${sentence}`);
    const download = await downloading;
    const zipBytes = readFileSync((await download.path())!);
    const manifest = JSON.parse(strFromU8(unzipSync(new Uint8Array(zipBytes), { filter: (f) => f.name === 'manifest.json' })['manifest.json']!)) as {
      pages: Array<{ attachments: number }>;
      failures: unknown[];
      stats: { calls: number; rateLimited: number; durationMs: number };
    };
    // A guard on what was measured, not on its speed: an export that skipped work would be fast.
    const written = manifest.pages.reduce((n, p) => n + p.attachments, 0);
    if (manifest.pages.length !== pages || written !== attachments || manifest.failures.length > 0) {
      throw new Error(`The benchmark's export is not complete: ${manifest.pages.length}/${pages} pages, ${written}/${attachments} attachments, ${manifest.failures.length} failures.`);
    }
    const wallMs = marks.doneAt! - marks.clickedAt!;

    // The log, timed and sorted into kinds.
    const mediaSeen = new Map<string, number>();
    const timed: Timed[] = sim.log.map((entry) => ({ entry, start: entry.time, end: endOf(entry) ?? entry.time + LATENCY_MS, ...classify(entry, mediaSeen) }));
    if (process.env.CTC_BENCH_TREE_DUMP) {
      const t0 = Math.min(...timed.map((t) => t.start));
      for (const t of timed) console.log(`${String(t.start - t0).padStart(6)} ${String(t.end - t0).padStart(6)} ${t.entry.status} ${t.kind.padEnd(20)} ${t.pageId ?? ''} ${t.entry.path.slice(0, 90)}`);
    }
    const api = timed.filter((t) => t.entry.host !== SIM_MEDIA_HOST);
    const media = timed.filter((t) => t.entry.host === SIM_MEDIA_HOST);
    const limited = api.filter((t) => t.entry.status === 429);
    const answered = api.filter((t) => t.entry.status !== 429);
    const byKind = new Map<Kind, number>();
    for (const t of timed) if (t.entry.status !== 429) byKind.set(t.kind, (byKind.get(t.kind) ?? 0) + 1);
    const statuses = new Map<number, number>();
    for (const t of timed) statuses.set(t.entry.status, (statuses.get(t.entry.status) ?? 0) + 1);
    const from = Math.min(...timed.map((t) => t.start));
    const to = Math.max(...timed.map((t) => t.end));
    const requestMs = timed.map((t) => t.end - t.start).sort((a, b) => a - b);
    const medianRequestMs = requestMs[requestMs.length >> 1] ?? 0;

    // A page's span: from its first request to its last answer (its slot in the pool).
    const spans = new Map<string, { start: number; end: number; busy: number; limited: number }>();
    for (const t of timed) {
      if (!t.pageId) continue;
      const span = spans.get(t.pageId) ?? { start: t.start, end: t.end, busy: 0, limited: 0 };
      span.start = Math.min(span.start, t.start);
      span.end = Math.max(span.end, t.end);
      span.busy += t.end - t.start;
      if (t.entry.status === 429) span.limited++;
      spans.set(t.pageId, span);
    }
    const spanList = [...spans.values()];
    const pagesInFlight = occupancy(spanList, from, to);
    const requestsInFlight = occupancy(timed, from, to);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const clean = spanList.filter((x) => x.limited === 0);
    const hit = spanList.filter((x) => x.limited > 0);

    // The ideal, as issue 9 words it: pages × calls per page × latency ÷ concurrency (the pool's max).
    const jobCalls = manifest.stats.calls;
    const callsPerPage = jobCalls / pages;
    const idealMs = (pages * callsPerPage * LATENCY_MS) / DEFAULT_MAX_CONCURRENCY;
    const roundTrips = answered.length + media.length;
    const idealAllMs = (roundTrips * LATENCY_MS) / DEFAULT_MAX_CONCURRENCY;
    const ratio = wallMs / idealMs;
    const ratioAll = wallMs / idealAllMs;

    const row = (name: string, value: string, rest = '') => console.log(`${label(name)} ${value.padStart(10)} ${rest}`);
    const tag = `tree ${pages}`;
    console.log(
      `tree export, ${pages} pages + ${attachments} attachments, ${LATENCY_MS} ms latency, ${LIMITS}: ` +
        `${s(wallMs)} wall, ideal ${s(idealMs)} (${pages} × ${callsPerPage.toFixed(2)} calls × ${LATENCY_MS} ms ÷ ${DEFAULT_MAX_CONCURRENCY}), ` +
        `ratio ${ratio.toFixed(2)} (goal ≤ ${RATIO_GOAL}: ${ratio <= RATIO_GOAL ? 'met' : 'not met'}), ` +
        `${limited.length} 429s ridden out, peak JS heap ${mb(memory.peakUsed)}, zip ${mb(zipBytes.length)}`,
    );
    row(`${tag}: wall time (click → done)`, s(wallMs), `(Node's clock: ${s(nodeWall)}; the job's own: ${s(manifest.stats.durationMs)})`);
    row(`${tag}: the page's result`, '', sentence);
    row(`${tag}: calls (the job's count)`, String(jobCalls), `= ${callsPerPage.toFixed(2)} per page; the simulator answered ${answered.length} API calls + ${limited.length} 429s`);
    row(
      `${tag}: requests by kind (429s apart)`,
      String(answered.length + media.length),
      `${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')}; statuses ${[...statuses].sort((a, b) => a[0] - b[0]).map(([st, n]) => `${st}: ${n}`).join(', ')}`,
    );
    row(`${tag}: ideal, every round trip counted`, s(idealAllMs), `(${roundTrips} requests incl. media × ${LATENCY_MS} ms ÷ ${DEFAULT_MAX_CONCURRENCY}); wall ÷ that ${ratioAll.toFixed(2)}`);
    row(`${tag}: 429s met`, String(limited.length), `(page says ${manifest.stats.rateLimited} rate-limit waits ridden out; Retry-After ${RETRY_AFTER_S} s each)`);
    row(`${tag}: one request (median, latency included)`, `${medianRequestMs.toFixed(0)} ms`);
    row(
      `${tag}: pages in flight (pool)`,
      pagesInFlight.mean.toFixed(2),
      `mean; peak ${pagesInFlight.peak} (pool: start ${DEFAULT_INITIAL_CONCURRENCY}, max ${DEFAULT_MAX_CONCURRENCY}); ` +
        `${[0, 1, 2, 3, 4, 5, 6].map((n) => `${n}: ${(pagesInFlight.share(n) * 100).toFixed(0)}%`).join(' ')} of the time; ` +
        `first at ${DEFAULT_MAX_CONCURRENCY} after ${Number.isFinite(pagesInFlight.firstAtMax) ? s(pagesInFlight.firstAtMax) : 'never'}`,
    );
    row(`${tag}: requests in flight`, requestsInFlight.mean.toFixed(2), `mean; peak ${requestsInFlight.peak}; none in flight ${(requestsInFlight.share(0) * 100).toFixed(0)}% of the time`);
    row(
      `${tag}: one page, first request → last answer`,
      `${mean(clean.map((x) => x.end - x.start)).toFixed(0)} ms`,
      `(no 429; of which waiting on requests ${mean(clean.map((x) => x.busy)).toFixed(0)} ms); with a 429: ${mean(hit.map((x) => x.end - x.start)).toFixed(0)} ms (${hit.length} pages)`,
    );
    const spanSum = spanList.reduce((a, x) => a + x.end - x.start, 0);
    const fullPoolMs = spanSum / DEFAULT_MAX_CONCURRENCY;
    row(
      `${tag}: the same page spans, ${DEFAULT_MAX_CONCURRENCY} in flight all along`,
      s(fullPoolMs),
      `(Σ spans ${s(spanSum)} ÷ ${DEFAULT_MAX_CONCURRENCY}); outside any request (click → first, last → result): ${s(wallMs - (to - from))}`,
    );
    // Each 429's wait: from the 429's arrival to the same page's next request (its retry).
    const waits = limited.map((t) => {
      const next = timed.find((u) => u.start > t.start && u.pageId === t.pageId && u.kind === t.kind);
      return next ? next.start - t.start : RETRY_AFTER_S * 1000 + LATENCY_MS;
    });
    const waitSum = waits.reduce((a, b) => a + b, 0);
    if (limited.length > 0) {
      row(
        `${tag}: 429 → retry, per 429 (mean)`,
        `${(waitSum / limited.length).toFixed(0)} ms`,
        `(Σ ${s(waitSum)} of page slots; ÷ ${DEFAULT_MAX_CONCURRENCY} = ${s(waitSum / DEFAULT_MAX_CONCURRENCY)} of wall if the pool stayed full)`,
      );
    }
    row(
      `${tag}: ratio, where it comes from`,
      ratio.toFixed(2),
      `= ${(idealAllMs / idealMs).toFixed(2)} (media round trips: ${(roundTrips / pages).toFixed(2)} requests per page, not ${callsPerPage.toFixed(2)}) ` +
        `× ${(fullPoolMs / idealAllMs).toFixed(2)} (per page beyond its requests' latency, 429 waits included) ` +
        `× ${(wallMs / fullPoolMs).toFixed(2)} (pool below ${DEFAULT_MAX_CONCURRENCY}: ${pagesInFlight.mean.toFixed(2)} in flight, and time outside the pages)`,
    );
    row(
      `${tag}: export page JS heap`,
      mb(memory.peakUsed),
      `peak used (before: ${mb(heap.baseline.used)}; peak total ${mb(memory.peakTotal)}; ${memory.samples} samples); zip ${mb(zipBytes.length)}`,
    );
    await cdp.detach().catch(() => undefined);
  } finally {
    answers?.stop();
    sim.control.setLatency(0);
    sim.control.rateLimitEvery(0, 0);
    await page.close();
  }
}

export async function benchExportTree(label: (name: string) => string): Promise<void> {
  let chromiumPath: string;
  try {
    chromiumPath = findChromium().path;
  } catch (error) {
    if (!(error instanceof ChromiumNotFoundError)) throw error;
    console.log(`${label('tree export')} skipped: ${error.message}`);
    return;
  }
  const sizes = (process.env.CTC_BENCH_TREE_PAGES || '100,500')
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((n) => Number.isInteger(n) && n >= 3);
  const outDir = process.env.CTC_BENCH_TREE_OUT_DIR || '.output-bench/export-tree';
  let extensionDir: string;
  if (process.env.CTC_SKIP_BUILD === '1' && isBuilt(outDir)) {
    extensionDir = buildDir(outDir);
  } else {
    console.log(`(building the extension into ${outDir} for the tree export figures)`);
    extensionDir = await buildExtension(outDir);
  }

  const sim = await startSimulator();
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    acceptDownloads: true,
    args: chromiumExtensionArgs({ extensionDir, hostResolverRules: sim.hostResolverRules }),
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = extensionIdOf(worker);
    await addAlice(context, extensionId);
    console.log(
      `tree export, simulator with ${LATENCY_MS} ms per request, ${LIMITS} (Retry-After ${RETRY_AFTER_S} s); ` +
        `Markdown + attachments (${ATTACHMENTS_PER_PAGE} per page of ${SMALL_BYTES / 1024} KiB, one page with ${ATTACHMENTS_PER_PAGE} × ${mb(LARGE_BYTES)}); one run each`,
    );
    for (const pages of sizes) await runOnce(context, extensionId, sim, pages, label);
    console.log(
      '(ideal: the issue\'s pages × calls per page × latency ÷ concurrency, with calls as the job counts them\n' +
        ` (page read, attachment list, one download call per file, the tree listing) and the pool's max of\n` +
        ` ${DEFAULT_MAX_CONCURRENCY}; the job does not expose its limit, so pages in flight are read from the simulator's log.\n` +
        ' Each file also costs two media-host round trips (the background follows the 302 to learn the signed URL,\n' +
        ' then the page fetches it), each paying the latency too: the "every round trip" ideal counts them.)',
    );
  } finally {
    await context.close();
    await sim.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchExportTree((name) => name.padEnd(52));
}
