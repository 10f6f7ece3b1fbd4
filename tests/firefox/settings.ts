import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/extension-build';

/**
 * Settings of the Firefox end-to-end suite, shared by its vitest config, global setup and tests,
 * read from the environment so `npm test` can point it at its own folders.
 */
export const firefoxSettings = {
  /** Where the e2e Firefox build goes (CTC_E2E_BUILD=1, see wxt.config.ts): CTC_FIREFOX_OUT_DIR. */
  outDir: process.env.CTC_FIREFOX_OUT_DIR || '.output/firefox-e2e',
  /**
   * The release builds whose manifests are checked (CTC_RELEASE_OUT_DIR; `npm test` passes the
   * `.output` it has just built). Unset: the global setup builds them into `<outDir>-release`.
   */
  releaseOutDir: process.env.CTC_RELEASE_OUT_DIR || '',
  /** CTC_SKIP_BUILD=1 reuses existing builds instead of building before the run. */
  skipBuild: process.env.CTC_SKIP_BUILD === '1',
  /** CTC_HEADED=1 shows the Firefox windows (needs a display). */
  headless: process.env.CTC_HEADED !== '1',
  artifactsDir: join(PROJECT_ROOT, 'tests', 'artifacts', 'firefox'),
  /** vitest's JSON report; tests/run-all.mjs reads the counts from it. */
  jsonReport: process.env.CTC_FIREFOX_JSON || join(PROJECT_ROOT, 'tests', 'artifacts', 'firefox-results.json'),
};

/**
 * The moz-extension UUID every test profile gives the extension, through the pref
 * `extensions.webextensions.uuids` (Firefox picks a random one per profile otherwise).
 * Invented for the tests.
 */
export const EXTENSION_UUID = '6f1c8a52-3d4e-4b7a-9c21-5e0d7f3a8b19';
export const EXTENSION_BASE_URL = `moz-extension://${EXTENSION_UUID}/`;

/** The folder whose `chrome-mv3` and `firefox-mv3` are the release builds the manifest test reads. */
export function releaseOutDir(): string {
  return firefoxSettings.releaseOutDir || `${firefoxSettings.outDir}-release`;
}
