import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDir } from '../support/extension-build';
import { firefoxSettings, releaseOutDir } from './settings';

// The e2e Firefox build differs from the release builds (wxt.config.ts, CTC_E2E_BUILD=1): it lists
// the popup and options page as web_accessible_resources and asks for `scripting`. The release
// builds, which people load, must have neither: a web-accessible extension page can be framed or
// opened by any site the entry matches. In `npm test` the release builds are the ones its build
// stage has just made in .output (CTC_RELEASE_OUT_DIR); alone, the global setup builds them.
interface Manifest {
  web_accessible_resources?: unknown[];
  permissions?: string[];
  key?: string;
}

function manifestOf(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

describe.each(['chrome', 'firefox'] as const)('the %s release build', (browser) => {
  const dir = buildDir(releaseOutDir(), browser);

  it('lists no web_accessible_resources', () => {
    expect(manifestOf(dir).web_accessible_resources, `${dir}/manifest.json`).toBeUndefined();
  });

  it('has no manifest key (only the Chromium policy e2e build fixes its id with one, CTC_E2E_MANIFEST_KEY)', () => {
    expect(manifestOf(dir).key, `${dir}/manifest.json`).toBeUndefined();
  });

  it('grants no host up front beyond Atlassian Cloud (the e2e builds may grant the simulated servers)', () => {
    const manifest = manifestOf(dir) as { host_permissions?: string[] };
    expect(manifest.host_permissions).toEqual(['https://*.atlassian.net/*', 'https://api.atlassian.com/*', 'https://api.media.atlassian.com/*']);
  });
});

it('the e2e Firefox build is the one with the test switch (so the checks above mean something)', () => {
  const manifest = manifestOf(buildDir(firefoxSettings.outDir, 'firefox'));
  expect(manifest.web_accessible_resources).toEqual([{ resources: ['popup.html', 'options.html', 'export.html'], matches: ['https://*.atlassian.net/*'] }]);
  expect(manifest.permissions).toContain('scripting');
  expect(manifest.permissions).toContain('activeTab');
});
