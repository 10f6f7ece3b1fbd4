/**
 * `npm run bench`: speed and memory figures for the hot paths, printed, never asserted (a timed
 * test would fail on a slow machine for no fault of the code). Compare runs on one machine.
 *
 * - page detection: what the content script does on every page load and navigation;
 * - failure classification: what runs on every answer from Atlassian;
 * - the activity log: appending to a full log and exporting it;
 * - unlocking the vault: one PBKDF2-SHA-256 derivation (600,000 iterations), paid once per
 *   browser session by design;
 * - the simulator round trip: a real HTTPS request through the request chokepoint;
 * - a health report's wall time with 200 ms of latency per request, first report and refresh,
 *   beside the slowest single probe (health-timing.ts; alone: `node --import tsx tests/bench/health-timing.ts`);
 * - the popup's time to settled content in real Chromium, beside a blank extension page
 *   (popup-timing.ts; builds the extension into `.output-bench/`, skipped without Chromium);
 * - Markdown conversion throughput in real Chromium, ours beside Turndown + GFM, and ours in Node
 *   (export-conversion.ts; alone: `node --expose-gc --import tsx tests/bench/export-conversion.ts`);
 * - a tree export's wall time against the simulator (100 ms latency, a 429 every 50 calls) beside
 *   the ideal, its 429s and the Export page's peak heap (export-tree.ts; builds into
 *   `.output-bench/export-tree/`; alone: `node --import tsx tests/bench/export-tree.ts`).
 */
import { performance } from 'node:perf_hooks';
import { appendActivity, type ActivityEntry } from '../../lib/atlassian/activity-log';
import { activityToCsv, activityToJson } from '../../lib/features/activity/activity-export';
import { createAtlassianClient } from '../../lib/atlassian/client';
import { classifyResponse } from '../../lib/atlassian/failure';
import { parsePageContext } from '../../lib/features/pages/parse-page-context';
import { decodeTinyLink } from '../../lib/features/pages/tiny-link';
import { deriveVaultKey, PBKDF2_ITERATIONS } from '../../lib/features/tokens/vault-crypto';
import { SIM_SITES, SIM_TOKENS, SIM_USERS } from '../simulator/fixtures';
import { startSimulator } from '../simulator/index';
import { benchExportConversion } from './export-conversion';
import { benchExportTree } from './export-tree';
import { benchHealthTiming } from './health-timing';
import { benchPopupTiming } from './popup-timing';

function measure(name: string, iterations: number, run: (i: number) => unknown): void {
  for (let i = 0; i < Math.min(iterations, 1000); i++) run(i); // warm up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) run(i);
  const ms = performance.now() - start;
  const perOp = (ms * 1000) / iterations;
  console.log(`${name.padEnd(52)} ${String(Math.round(iterations / (ms / 1000))).padStart(10)} ops/s  ${perOp.toFixed(2).padStart(9)} µs/op`);
}

async function measureAsync(name: string, iterations: number, run: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) await run();
  const ms = (performance.now() - start) / iterations;
  console.log(`${name.padEnd(52)} ${ms.toFixed(1).padStart(10)} ms/op  (${iterations} runs)`);
}

const urls = [
  'https://acme.atlassian.net/wiki/spaces/ENG/pages/1000002/Architecture',
  'https://acme.atlassian.net/wiki/spaces/ENG/blog/2024/03/15/1000100/Quarterly+update',
  'https://acme.atlassian.net/wiki/x/D4BkcAE',
  'https://acme.atlassian.net/wiki/pages/viewpage.action?pageId=6180601871',
  'https://acme.atlassian.net/wiki/spaces/ENG/pages/edit-v2/1000002',
  'https://acme.atlassian.net/jira/your-work',
];

console.log('Confluence Token Companion benchmarks (figures only; compare runs on one machine)\n');

measure('parsePageContext (6 URL shapes, round robin)', 200_000, (i) => parsePageContext(urls[i % urls.length]!));
measure('decodeTinyLink (id above 2^32)', 500_000, () => decodeTinyLink('D4BkcAE'));

const scopeFailure = {
  status: 401,
  headers: { 'x-failure-category': 'FAILURE_CLIENT_SCOPE_CHECK' },
  bodyText: '{"code":401,"message":"Unauthorized; scope does not match"}',
  operation: 'getCurrentUser',
  tokenKind: 'scoped',
  baseKind: 'gateway',
} as const;
const okUser = {
  status: 200,
  headers: { 'content-type': 'application/json' },
  bodyText: JSON.stringify({ type: 'known', accountId: SIM_USERS.alice.accountId, displayName: SIM_USERS.alice.displayName }),
  operation: 'getCurrentUser',
  tokenKind: 'classic',
  baseKind: 'site',
} as const;
measure('classifyResponse: scope check failure', 200_000, () => classifyResponse(scopeFailure));
measure('classifyResponse: 200 with a real identity', 200_000, () => classifyResponse(okUser));

const entry = (i: number): ActivityEntry => ({
  time: new Date(1_750_000_000_000 + i * 1000).toISOString(),
  tokenLabel: `Token ${i % 5}`,
  site: 'acme.atlassian.net',
  operation: 'getCurrentUser',
  method: 'GET',
  path: '/wiki/rest/api/user/current',
  status: i % 7 === 0 ? 429 : 200,
  durationMs: 20 + (i % 50),
  outcome: i % 7 === 0 ? 'rate-limited' : 'ok',
  retries: i % 3,
});
// Retained memory needs a collection before each reading (`npm run bench` passes --expose-gc).
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
let log: ActivityEntry[] = [];
for (let i = 0; i < 2000; i++) log = appendActivity(log, entry(i));
gc?.();
const heapAfter = process.memoryUsage().heapUsed;
console.log(
  `${'activity log: 2,000 entries in memory'.padEnd(52)} ${((heapAfter - heapBefore) / 1024).toFixed(0).padStart(10)} KiB heap${gc ? '' : ' (no --expose-gc: includes garbage)'}`,
);
measure('appendActivity to a full log (2,000)', 2_000, (i) => appendActivity(log, entry(i)));
measure('activityToCsv (2,000 entries)', 50, () => activityToCsv(log));
measure('activityToJson (2,000 entries)', 50, () => activityToJson(log));
console.log(`${'activity log as stored JSON'.padEnd(52)} ${(JSON.stringify(log).length / 1024).toFixed(0).padStart(10)} KiB`);

const salt = new Uint8Array(16);
await measureAsync(`unlock: PBKDF2-SHA-256 (${PBKDF2_ITERATIONS.toLocaleString('en')} iterations)`, 3, () =>
  deriveVaultKey(globalThis.crypto.subtle, 'correct horse battery staple', salt, PBKDF2_ITERATIONS),
);

const sim = await startSimulator();
try {
  const client = createAtlassianClient({
    fetch: sim.fetch,
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    onActivity: () => {},
  });
  const credential = { label: 'bench', kind: 'classic' as const, email: SIM_USERS.alice.email, secret: SIM_TOKENS.aliceClassic.secret, readOnly: true };
  await measureAsync('chokepoint → simulator: GET user/current (HTTPS)', 50, async () => {
    const result = await client.request({ credential, site: { kind: 'cloud', host: SIM_SITES.acme.host }, operation: 'getCurrentUser' });
    if (!result.ok) throw new Error(result.failure.message);
  });
} finally {
  await sim.close();
}

console.log('');
await benchHealthTiming((name) => name.padEnd(52));

console.log('');
await benchPopupTiming((name) => name.padEnd(52));

console.log('');
await benchExportConversion((name) => name.padEnd(52));

console.log('');
await benchExportTree((name) => name.padEnd(52));
