#!/usr/bin/env node
// `npm test`: every check the project has, in order, stopping at the first failure.
// typecheck → unit and simulator tests (vitest) → Chrome and Firefox builds → e2e (Playwright,
// Chromium) → e2e in Firefox (vitest + puppeteer-core over WebDriver BiDi, tests/firefox/).
// The last line of the output is always `N passed, N failed[, N skipped]` over vitest, Playwright
// and the Firefox suite, so CI logs and people read the same figure.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const artifacts = join(root, 'tests', 'artifacts');
const vitestJson = join(artifacts, 'vitest-results.json');
const playwrightJson = join(artifacts, 'playwright-results.json');
const firefoxJson = join(artifacts, 'firefox-results.json');
// The builds users load; the e2e tests run against this very build instead of making their own.
const outDir = '.output';
// The Chromium build of tests/e2e/dc-sites.spec.ts: the simulated Data Center servers granted up
// front (automation cannot answer the permission prompt). The same origins as
// e2eSettings.dcGrantedOrigins (tests/support/e2e-settings.ts), whose global setup checks them.
const dcOutDir = `${outDir}/e2e-dc`;
const dcGrantedOrigins = ['https://confluence.dc.test', 'https://www.example.test', 'https://down.example.test'].join(',');
// The Chromium build of tests/e2e/policy.spec.ts: a manifest `key` fixes its id, which the machine
// policy file names. The key is the public key's PEM body (tests/support/extension-key.ts).
const policyOutDir = `${outDir}/e2e-policy`;
const manifestKey = readFileSync(join(root, 'tests', 'support', 'e2e-manifest-key.pub.pem'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('-----'))
  .join('')
  .trim();

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */
/** @typedef {{ name: string, status: 'passed' | 'failed' | 'not run', seconds?: number, counts?: Counts, note?: string }} StageResult */

/** @type {{ name: string, commands: { args: string[], env?: Record<string, string> }[], report?: { file: string, read: (file: string) => Counts } }[]} */
const stages = [
  { name: 'typecheck', commands: [{ args: [bin('tsc'), '--noEmit'] }] },
  {
    name: 'vitest',
    commands: [
      {
        args: [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
      },
    ],
    report: { file: vitestJson, read: readVitestCounts },
  },
  {
    name: 'build',
    commands: [
      // Release builds: never with the e2e switch of wxt.config.ts, whatever the environment says.
      { args: [bin('wxt'), 'build'], env: { CTC_OUT_DIR: outDir, CTC_E2E_BUILD: '', CTC_E2E_GRANTED_ORIGINS: '', CTC_E2E_MANIFEST_KEY: '' } },
      { args: [bin('wxt'), 'build', '-b', 'firefox', '--mv3'], env: { CTC_OUT_DIR: outDir, CTC_E2E_BUILD: '', CTC_E2E_GRANTED_ORIGINS: '', CTC_E2E_MANIFEST_KEY: '' } },
      { args: [bin('wxt'), 'build'], env: { CTC_OUT_DIR: dcOutDir, CTC_E2E_BUILD: '', CTC_E2E_GRANTED_ORIGINS: dcGrantedOrigins, CTC_E2E_MANIFEST_KEY: '' } },
      { args: [bin('wxt'), 'build'], env: { CTC_OUT_DIR: policyOutDir, CTC_E2E_BUILD: '', CTC_E2E_GRANTED_ORIGINS: '', CTC_E2E_MANIFEST_KEY: manifestKey } },
    ],
  },
  {
    name: 'playwright',
    commands: [
      {
        args: [bin('playwright'), 'test'],
        env: { CTC_E2E_OUT_DIR: outDir, CTC_E2E_DC_OUT_DIR: dcOutDir, CTC_E2E_POLICY_OUT_DIR: policyOutDir, CTC_SKIP_BUILD: '1', CTC_PLAYWRIGHT_JSON: playwrightJson },
      },
    ],
    report: { file: playwrightJson, read: readPlaywrightCounts },
  },
  {
    // Its global setup makes the e2e Firefox build (CTC_E2E_BUILD=1) in .output/firefox-e2e and
    // checks that the release builds of stage 3 (CTC_RELEASE_OUT_DIR) have no test switches.
    name: 'firefox',
    commands: [
      {
        args: [
          bin('vitest'),
          'run',
          '--config',
          'tests/firefox/vitest.config.ts',
          '--reporter=default',
          '--reporter=json',
          `--outputFile.json=${firefoxJson}`,
        ],
        env: { CTC_FIREFOX_OUT_DIR: `${outDir}/firefox-e2e`, CTC_RELEASE_OUT_DIR: outDir },
      },
    ],
    report: { file: firefoxJson, read: readVitestCounts },
  },
];

/** @param {string} file @returns {Counts} */
function readVitestCounts(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** @param {string} file @returns {Counts} */
function readPlaywrightCounts(file) {
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  // A flaky test passed on retry (retries are 0, so this stays 0); it still counts as passed.
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: stats.unexpected ?? 0,
    skipped: stats.skipped ?? 0,
  };
}

/** @param {string[]} args @param {Record<string, string>} [env] @returns {Promise<number>} */
function run(args, env = {}) {
  console.log(`\n$ ${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}${args.map((a) => relative(root, a) || a).join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(args[0], args.slice(1), {
      cwd: root,
      // CI=true: no prompts or spinners from WXT and friends; stdin is closed for the same reason.
      env: { ...process.env, CI: process.env.CI ?? 'true', ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', (error) => {
      console.error(`could not start ${args[0]}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

mkdirSync(artifacts, { recursive: true });
const started = Date.now();
/** @type {StageResult[]} */
const results = stages.map((stage) => ({ name: stage.name, status: 'not run' }));
let failure = '';

for (const [index, stage] of stages.entries()) {
  const result = results[index];
  const stageStart = Date.now();
  console.log(`\n=== ${stage.name} ===`);
  if (stage.report) rmSync(stage.report.file, { force: true });
  let exitCode = 0;
  for (const command of stage.commands) {
    exitCode = await run(command.args, command.env);
    if (exitCode !== 0) break;
  }
  result.seconds = (Date.now() - stageStart) / 1000;
  if (stage.report) {
    if (existsSync(stage.report.file)) {
      try {
        result.counts = stage.report.read(stage.report.file);
      } catch (error) {
        result.note = `unreadable report ${relative(root, stage.report.file)}: ${error.message}`;
      }
    } else {
      result.note = `no report at ${relative(root, stage.report.file)}`;
    }
  }
  const countsFailed = (result.counts?.failed ?? 0) > 0;
  const reportMissing = stage.report && !result.counts;
  if (exitCode !== 0 || countsFailed || reportMissing) {
    result.status = 'failed';
    failure =
      `${stage.name} failed (exit code ${exitCode}${result.counts ? `, ${result.counts.failed} failed tests` : ''}` +
      `${result.note ? `, ${result.note}` : ''}).` +
      `${index < stages.length - 1 ? ' Later stages were not run.' : ''} See the output above.`;
    break;
  }
  result.status = 'passed';
}

const total = { passed: 0, failed: 0, skipped: 0 };
console.log('\n=== summary ===');
for (const result of results) {
  const time = result.seconds === undefined ? '' : ` in ${result.seconds.toFixed(1)} s`;
  const counts = result.counts
    ? ` (${result.counts.passed} passed, ${result.counts.failed} failed, ${result.counts.skipped} skipped)`
    : '';
  const note = result.note ? ` [${result.note}]` : '';
  console.log(`${result.name.padEnd(11)} ${result.status}${counts}${time}${note}`);
  if (result.counts) {
    total.passed += result.counts.passed;
    total.failed += result.counts.failed;
    total.skipped += result.counts.skipped;
  }
}
console.log(`total time  ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failure) console.log(`\nFAILED: ${failure}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exitCode = failure ? 1 : 0;
