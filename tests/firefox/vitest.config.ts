import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// The Firefox end-to-end suite (docs/testing.md, "End-to-end tests in Firefox"): real Firefox ESR
// driven by puppeteer-core over WebDriver BiDi. Separate from vitest.config.ts, whose unit tests
// are `npm test`'s vitest stage; this one is its `firefox` stage
// (alone: `npx vitest run --config tests/firefox/vitest.config.ts`).
export default defineConfig({
  // The project root, whatever folder vitest is started from (paths below are relative to it).
  root: resolve(import.meta.dirname, '..', '..'),
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    globalSetup: ['tests/firefox/global-setup.ts'],
    environment: 'node',
    // Every test starts its own Firefox (about 3 s, much CPU): two at a time on a 2-core machine.
    pool: 'forks',
    maxWorkers: 2,
    fileParallelism: true,
    // No retries: a flaky test is a bug to fix.
    retry: 0,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // `.only` left in a commit would silently skip the rest on CI.
    allowOnly: !process.env.CI,
  },
});
