import { join } from 'node:path';
import { PROJECT_ROOT } from './extension-build';

/**
 * Settings shared by playwright.config.ts, its global setup and the fixtures, read from the
 * environment so `npm test` can point the e2e tests at the build it has just made.
 */
export const e2eSettings = {
  /** WXT output folder the e2e tests load the extension from (CTC_E2E_OUT_DIR). */
  outDir: process.env.CTC_E2E_OUT_DIR || '.output/e2e',
  /** CTC_SKIP_BUILD=1 reuses an existing build instead of building before the run. */
  skipBuild: process.env.CTC_SKIP_BUILD === '1',
  artifactsDir: join(PROJECT_ROOT, 'tests', 'artifacts'),
  /** Where the JSON reporter writes; tests/run-all.mjs reads the counts from it. */
  jsonReport: process.env.CTC_PLAYWRIGHT_JSON || join(PROJECT_ROOT, 'tests', 'artifacts', 'playwright-results.json'),
};
