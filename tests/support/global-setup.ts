import { buildExtension, buildDir, builtHostPermissions, isBuilt } from './extension-build';
import { e2eSettings } from './e2e-settings';
import { findChromium } from './find-chromium';

/** Runs once before all e2e tests: a browser must exist and the extension is built once. */
export default async function globalSetup(): Promise<void> {
  // Fail here with the install hint instead of in every test.
  const chromium = findChromium();
  console.log(`[e2e] Chromium: ${chromium.path} (from ${chromium.source})`);
  const { outDir, dcOutDir, dcGrantedOrigins, skipBuild } = e2eSettings;
  // The build people load: never with the simulated servers granted, whatever the environment says.
  await buildUnlessSkipped(outDir, { CTC_E2E_GRANTED_ORIGINS: '' });
  // tests/e2e/dc-sites.spec.ts loads this one (see e2eSettings.dcOutDir for why it exists).
  await buildUnlessSkipped(dcOutDir, { CTC_E2E_GRANTED_ORIGINS: dcGrantedOrigins.join(',') });
  const granted = builtHostPermissions(dcOutDir);
  const missing = dcGrantedOrigins.filter((origin) => !granted.includes(`${origin}/*`));
  if (missing.length > 0) {
    throw new Error(`${buildDir(dcOutDir)} does not grant ${missing.join(', ')}: build it with CTC_E2E_GRANTED_ORIGINS=${dcGrantedOrigins.join(',')} (or drop CTC_SKIP_BUILD=1).`);
  }

  async function buildUnlessSkipped(dir: string, env: Record<string, string>): Promise<void> {
    if (skipBuild && isBuilt(dir)) {
      console.log(`[e2e] CTC_SKIP_BUILD=1: using the existing build in ${buildDir(dir)}`);
      return;
    }
    const started = Date.now();
    const built = await buildExtension(dir, 'chrome', env);
    console.log(`[e2e] built ${built} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}
