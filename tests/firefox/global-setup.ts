import { buildDir, buildExtension, isBuilt } from '../support/extension-build';
import { findFirefox } from '../support/find-firefox';
import { firefoxSettings, releaseOutDir } from './settings';

/**
 * Runs once before the Firefox suite: Firefox must exist (failing with the install hint), the
 * e2e Firefox build is made once (CTC_E2E_BUILD=1), and, unless `npm test` hands over its own
 * (CTC_RELEASE_OUT_DIR), release builds of both browsers for the manifest check.
 */
export default async function globalSetup(): Promise<void> {
  const firefox = findFirefox();
  console.log(`[firefox] Firefox: ${firefox.path} (from ${firefox.source})`);
  const { outDir, skipBuild } = firefoxSettings;
  const builds: { outDir: string; browser: 'chrome' | 'firefox'; env: Record<string, string> }[] = [
    { outDir, browser: 'firefox', env: { CTC_E2E_BUILD: '1' } },
  ];
  if (!firefoxSettings.releaseOutDir) {
    // The release builds must not see the e2e switch, whatever the caller's environment says.
    for (const browser of ['chrome', 'firefox'] as const) builds.push({ outDir: releaseOutDir(), browser, env: { CTC_E2E_BUILD: '', CTC_E2E_GRANTED_ORIGINS: '', CTC_E2E_MANIFEST_KEY: '' } });
  }
  for (const build of builds) {
    if (skipBuild && isBuilt(build.outDir, build.browser)) {
      console.log(`[firefox] CTC_SKIP_BUILD=1: using the existing build in ${buildDir(build.outDir, build.browser)}`);
      continue;
    }
    const started = Date.now();
    const dir = await buildExtension(build.outDir, build.browser, build.env);
    console.log(`[firefox] built ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
