import { buildExtension, buildDir, isBuilt } from './extension-build';
import { e2eSettings } from './e2e-settings';
import { findChromium } from './find-chromium';

/** Runs once before all e2e tests: a browser must exist and the extension is built once. */
export default async function globalSetup(): Promise<void> {
  // Fail here with the install hint instead of in every test.
  const chromium = findChromium();
  console.log(`[e2e] Chromium: ${chromium.path} (from ${chromium.source})`);
  const { outDir, skipBuild } = e2eSettings;
  if (skipBuild && isBuilt(outDir)) {
    console.log(`[e2e] CTC_SKIP_BUILD=1: using the existing build in ${buildDir(outDir)}`);
    return;
  }
  const started = Date.now();
  const dir = await buildExtension(outDir);
  console.log(`[e2e] built ${dir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
