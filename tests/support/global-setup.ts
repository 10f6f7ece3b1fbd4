import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildExtension, buildDir, builtHostPermissions, isBuilt } from './extension-build';
import { e2eSettings } from './e2e-settings';
import { e2eManifestKey } from './extension-key';
import { findChromium } from './find-chromium';
import { managedPolicyDir, removeManagedPolicy } from './managed-policy';

/**
 * Runs once before all e2e tests: a browser must exist and the extension is built once. What it
 * returns Playwright runs as the global teardown.
 */
export default async function globalSetup(): Promise<() => void> {
  // Fail here with the install hint instead of in every test.
  const chromium = findChromium();
  console.log(`[e2e] Chromium: ${chromium.path} (from ${chromium.source})`);
  const { outDir, dcOutDir, dcGrantedOrigins, policyOutDir, skipBuild } = e2eSettings;
  // The build people load: never with the simulated servers granted, whatever the environment says.
  await buildUnlessSkipped(outDir, { CTC_E2E_GRANTED_ORIGINS: '', CTC_E2E_MANIFEST_KEY: '' });
  // tests/e2e/dc-sites.spec.ts loads this one (see e2eSettings.dcOutDir for why it exists).
  await buildUnlessSkipped(dcOutDir, { CTC_E2E_GRANTED_ORIGINS: dcGrantedOrigins.join(','), CTC_E2E_MANIFEST_KEY: '' });
  const granted = builtHostPermissions(dcOutDir);
  const missing = dcGrantedOrigins.filter((origin) => !granted.includes(`${origin}/*`));
  if (missing.length > 0) {
    throw new Error(`${buildDir(dcOutDir)} does not grant ${missing.join(', ')}: build it with CTC_E2E_GRANTED_ORIGINS=${dcGrantedOrigins.join(',')} (or drop CTC_SKIP_BUILD=1).`);
  }
  // tests/e2e/policy.spec.ts loads this one (see e2eSettings.policyOutDir for why it exists).
  const manifestKey = e2eManifestKey();
  await buildUnlessSkipped(policyOutDir, { CTC_E2E_GRANTED_ORIGINS: '', CTC_E2E_MANIFEST_KEY: manifestKey });
  const builtKey = (JSON.parse(readFileSync(join(buildDir(policyOutDir), 'manifest.json'), 'utf8')) as { key?: string }).key;
  if (builtKey !== manifestKey) {
    throw new Error(`${buildDir(policyOutDir)} lacks the e2e manifest key: build it with CTC_E2E_MANIFEST_KEY (tests/support/extension-key.ts), or drop CTC_SKIP_BUILD=1.`);
  }
  // A run that was killed may have left its policy file behind; none stays after this run either.
  const policyDir = managedPolicyDir(chromium.path);
  removeManagedPolicy(policyDir);
  return () => removeManagedPolicy(policyDir);

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
