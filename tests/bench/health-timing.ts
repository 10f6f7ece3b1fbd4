/**
 * A health report's wall time against the simulator with 200 ms of latency on every request,
 * beside the slowest single probe the report sends, and their ratio (goal ≤ 1.3). Printed, never
 * asserted (see run.ts).
 *
 * The report runs through the real background (lib/testing/background.ts, as
 * health.simulator.test.ts does): a classic token for acme, a tab on the Architecture page
 * (three small attachments), then `health-run` from the popup. That background's clock is fake,
 * so the report's own `latencyMs` figures are not wall time: the wall time here is
 * `performance.now()` around the `health-run` message, and each probe is timed on its own, one
 * after another, through a client of the same chokepoint with a real clock, as the report sends
 * it (same operation, parameters and credential). The download is two requests (302 from the
 * site, then the media host), so it is normally the slowest probe.
 *
 * Measured: the first report for a token (no stored report: identity first, then the probes) and
 * a refresh (the stored report was healthy, so every probe goes at once), median of
 * CTC_BENCH_HEALTH_RUNS runs (default 5). Runs alone with
 * `node --import tsx tests/bench/health-timing.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createAtlassianClient, type ApiResult } from '../../lib/atlassian/client';
import type { HealthReport } from '../../lib/features/token-checks/health/health-report';
import { createTestBackground, OPTIONS_PAGE, POPUP } from '../../lib/testing/background';
import { SIM_PAGES, SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import { authorizationFor, startSimulator, type Simulator } from '../simulator/index';

/** Injected on every request the simulator answers (a redirect's second hop included). */
const LATENCY_MS = 200;
/** Goal for the ratio report wall time ÷ slowest single probe; printed, never asserted. */
const RATIO_GOAL = 1.3;

const PAGE = SIM_PAGES.architecture;
const HOST = SIM_SITES.acme.host;
const PAGE_URL = `https://${HOST}/wiki/spaces/ENG/pages/${PAGE.id}/Architecture`;
const TAB_ID = 5;

type Reply = { ok: boolean; data?: any; error?: { code: string; message: string } };

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const range = (values: readonly number[]) => `(min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}; ${values.length} runs)`;

/**
 * The requests of one report grouped by when they reached the simulator: a new wave starts once
 * half the injected latency has passed since the current one began (an answer takes at least the
 * latency, so a request sent after one came back is in a later wave). "1 → 7 → 1": one request,
 * then seven together, then one.
 */
function wavesOf(entries: readonly { time: number }[]): string {
  const times = entries.map((e) => e.time).sort((a, b) => a - b);
  const waves: number[] = [];
  let start = -Infinity;
  for (const t of times) {
    if (t - start > LATENCY_MS / 2) {
      waves.push(0);
      start = t;
    }
    waves[waves.length - 1]!++;
  }
  return waves.join(' → ');
}

/** A fresh background (no stored report) with the token added and a tab on PAGE. */
async function setUp(sim: Simulator) {
  const bg = createTestBackground({ fetch: (url, init) => sim.fetch(url, init) });
  const send = async (message: unknown, sender = OPTIONS_PAGE) => (await bg.route(message, sender)) as Reply;
  const added = await send({
    type: 'tokens-add',
    input: { label: 'Bench', kind: 'classic', email: SIM_USERS.alice.email, secret: SIM_TOKENS.aliceClassic.secret, expiresOn: '2025-06-08', sites: [HOST] },
  });
  if (!added.ok || !added.data.ok) throw new Error(`tokens-add failed: ${JSON.stringify(added)}`);
  const id = added.data.token.id as string;
  const tab = bg.openTab(TAB_ID, PAGE_URL);
  await bg.route({ type: 'page-seen', host: HOST, context: { kind: 'content', host: HOST, contentId: PAGE.id, contentType: 'page', view: 'view', spaceKey: 'ENG' } }, tab);
  /** One `health-run` from the popup for the tab: its wall time, its report, the requests it sent. */
  const run = async () => {
    const logged = sim.log.length;
    const start = performance.now();
    const reply = await send({ type: 'health-run', id, tabId: TAB_ID }, POPUP);
    const ms = performance.now() - start;
    if (!reply.ok) throw new Error(`health-run failed: ${JSON.stringify(reply.error)}`);
    const report = (reply.data.reports as HealthReport[])[0];
    // A guard on what was measured, not on its speed: a report that stopped early would be fast.
    const notWorking = report?.rows.filter((r) => r.state !== 'works' && r.capability !== 'watch-change') ?? [];
    if (!report?.healthy || notWorking.length > 0) {
      throw new Error(`The benchmark's report is not a fully healthy one: ${JSON.stringify(report?.headline)} ${notWorking.map((r) => `${r.capability}=${r.state}`).join(', ')}`);
    }
    return { ms, report, requests: sim.log.length - logged, waves: wavesOf(sim.log.slice(logged)) };
  };
  return { bg, run };
}

/** Each probe of a healthy report, alone, through the chokepoint with a real clock; its median ms. */
async function timeProbesAlone(sim: Simulator, attachmentId: string, runs: number): Promise<{ name: string; ms: number }[]> {
  const client = createAtlassianClient({
    fetch: sim.fetch,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    onActivity: () => {},
  });
  const credential = { label: 'bench', kind: 'classic' as const, email: SIM_USERS.alice.email, secret: SIM_TOKENS.aliceClassic.secret, readOnly: true };
  const site = { kind: 'cloud' as const, host: HOST };
  const id = PAGE.id;
  const probes: [string, () => Promise<ApiResult<unknown>>][] = [
    ['identity (user/current)', () => client.request({ credential, site, operation: 'getCurrentUser' })],
    ['Jira myself', () => client.request({ credential, site, operation: 'getJiraCurrentUser' })],
    ['read page (v1 content)', () => client.request({ credential, site, operation: 'getContentById', pathParams: { id }, query: { expand: 'space,version' } })],
    ['watch status', () => client.request({ credential, site, operation: 'getContentWatchStatus', pathParams: { contentId: id } })],
    ['storage body (v2 page)', () => client.request({ credential, site, operation: 'getPageById', pathParams: { id }, query: { 'body-format': 'storage' } })],
    ['page tree (descendants)', () => client.request({ credential, site, operation: 'getDescendants', pathParams: { id, type: 'page' }, query: { limit: 1 } })],
    ['attachments list', () => client.request({ credential, site, operation: 'getPageAttachments', pathParams: { id }, query: { limit: 25 } })],
    ['download (302 + media)', () => client.request({ credential, site, operation: 'downloadAttachment', pathParams: { id, attachmentId } })],
  ];
  const out: { name: string; ms: number }[] = [];
  for (const [name, call] of probes) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const result = await call();
      times.push(performance.now() - start);
      if (!result.ok) throw new Error(`probe ${name} failed alone: ${result.failure.message}`);
    }
    out.push({ name, ms: median(times) });
  }
  return out;
}

export async function benchHealthTiming(label: (name: string) => string): Promise<void> {
  const runs = Math.max(1, Number(process.env.CTC_BENCH_HEALTH_RUNS) || 5);
  const sim = await startSimulator({ latencyMs: LATENCY_MS });
  try {
    // One round trip: a bare request, no client, no redirect.
    const auth = { Authorization: authorizationFor(SIM_TOKENS.aliceClassic) };
    const rtts: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      const res = await sim.fetch(`https://${HOST}/wiki/rest/api/user/current`, { headers: auth });
      await res.arrayBuffer();
      rtts.push(performance.now() - start);
    }
    const rtt = median(rtts);

    // Warm-up (module code, TLS): one first report and one refresh, not measured.
    {
      const { run } = await setUp(sim);
      await run();
      await run();
    }

    // (1) First reports: a fresh background each time, so no stored report.
    const first: number[] = [];
    let firstShape = '';
    let last: Awaited<ReturnType<typeof setUp>> | undefined;
    let attachmentId = '';
    for (let i = 0; i < runs; i++) {
      last = await setUp(sim);
      const r = await last.run();
      first.push(r.ms);
      firstShape = `${r.requests} requests in waves ${r.waves}`;
      attachmentId = r.report.probePage?.attachmentId ?? '';
    }
    if (!attachmentId) throw new Error('The first report kept no attachment to download.');

    // (2) Refreshes of the last background's healthy report (page and attachment known).
    const refresh: number[] = [];
    let refreshShape = '';
    for (let i = 0; i < runs; i++) {
      const r = await last!.run();
      if (r.report.probePage?.source !== 'tab' || r.report.probePage.attachmentId !== attachmentId) {
        throw new Error(`A refresh did not reuse the page and attachment: ${JSON.stringify(r.report.probePage)}`);
      }
      refresh.push(r.ms);
      refreshShape = `${r.requests} requests in waves ${r.waves}`;
    }

    const probes = await timeProbesAlone(sim, attachmentId, runs);
    const slowest = probes.reduce((a, b) => (b.ms > a.ms ? b : a));

    const row = (name: string, value: string, rest = '') => console.log(`${label(name)} ${value.padStart(10)} ${rest}`);
    console.log(`health report, simulator with ${LATENCY_MS} ms per request (medians of ${runs}; wall time by performance.now())`);
    row('health: a bare round trip (GET user/current)', `${rtt.toFixed(0)} ms`, range(rtts));
    for (const p of probes) row(`health: probe alone: ${p.name}`, `${p.ms.toFixed(0)} ms`);
    row('health: slowest single probe', `${slowest.ms.toFixed(0)} ms`, `(${slowest.name}; ${(slowest.ms / rtt).toFixed(1)} round trips)`);
    const result = (name: string, values: number[], shape: string) => {
      const ms = median(values);
      const ratio = ms / slowest.ms;
      row(`health: ${name}: wall time`, `${ms.toFixed(0)} ms`, `${range(values)}; ≈ ${(ms / rtt).toFixed(1)} round trips; ${shape}`);
      row(`health: ${name} ÷ slowest single probe`, ratio.toFixed(2), `   (goal ≤ ${RATIO_GOAL}: ${ratio <= RATIO_GOAL ? 'met' : 'not met'})`);
    };
    result('first report', first, firstShape);
    result('refresh', refresh, refreshShape);
    console.log(
      '(wall time: the popup\'s health-run message end to end in the real background, for one Cloud site and a\n' +
        ' classic token, probe page from the open tab. First report: no stored report, so identity goes first and\n' +
        ' the attachment to download is only known from the list; refresh: the stored report was healthy, so every\n' +
        ' probe goes at once. Slowest probe: each probe timed alone through the same client. Loopback HTTPS without\n' +
        ' keep-alive: each request also pays a TLS handshake, a few ms, on top of the injected latency.)',
    );
  } finally {
    await sim.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchHealthTiming((name) => name.padEnd(52));
}
