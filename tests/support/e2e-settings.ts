import { join } from 'node:path';
import { SIM_DC, SIM_OTHER_HOSTS } from '../simulator/fixtures';
import { PROJECT_ROOT } from './extension-build';

/** WXT output folder the e2e tests load the extension from (CTC_E2E_OUT_DIR). */
const outDir = process.env.CTC_E2E_OUT_DIR || '.output/e2e';

/**
 * Settings shared by playwright.config.ts, its global setup and the fixtures, read from the
 * environment so `npm test` can point the e2e tests at the build it has just made.
 */
export const e2eSettings = {
  outDir,
  /**
   * The Data Center variant (CTC_E2E_DC_OUT_DIR, default `<outDir>-dc`): built with
   * CTC_E2E_GRANTED_ORIGINS, since automation cannot answer Chromium's permission prompt
   * (Playwright issue 32755) and `permissions.request` then never settles in headless Chromium.
   */
  dcOutDir: process.env.CTC_E2E_DC_OUT_DIR || `${outDir}-dc`,
  /**
   * The simulated servers the Data Center variant lists as required host permissions (so
   * `permissions.request` for them resolves true at once). tests/run-all.mjs passes the same list.
   */
  dcGrantedOrigins: [SIM_DC.host, SIM_OTHER_HOSTS.notConfluence, SIM_OTHER_HOSTS.unreachable].map((host) => `https://${host}`),
  /**
   * The managed-policy variant (CTC_E2E_POLICY_OUT_DIR, default `<outDir>-policy`): built with a
   * manifest `key` (CTC_E2E_MANIFEST_KEY), so its id is fixed and a machine policy can name it
   * (tests/e2e/policy.spec.ts). The other builds keep ids of their own, so no policy reaches them.
   */
  policyOutDir: process.env.CTC_E2E_POLICY_OUT_DIR || `${outDir}-policy`,
  /** CTC_SKIP_BUILD=1 reuses an existing build instead of building before the run. */
  skipBuild: process.env.CTC_SKIP_BUILD === '1',
  artifactsDir: join(PROJECT_ROOT, 'tests', 'artifacts'),
  /** Where the JSON reporter writes; tests/run-all.mjs reads the counts from it. */
  jsonReport: process.env.CTC_PLAYWRIGHT_JSON || join(PROJECT_ROOT, 'tests', 'artifacts', 'playwright-results.json'),
};
