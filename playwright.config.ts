import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { e2eSettings } from './tests/support/e2e-settings';

// Every test launches its own Chromium with the extension (see tests/e2e/fixtures.ts), so the
// browser projects of a usual config are not used; the machine has 2 cores, hence 2 workers.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/support/global-setup.ts',
  outputDir: join(e2eSettings.artifactsDir, 'test-results'),
  // Tests are independent (own browser profile each, simulator reset): spread them over both workers.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: e2eSettings.jsonReport }]],
  use: {
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
    trace: 'retain-on-failure',
  },
});
