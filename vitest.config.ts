import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['lib/**/*.test.ts', 'lib/**/*.test.tsx', 'tests/unit/**/*.test.ts', 'tests/simulator/**/*.test.ts', 'components/**/*.test.tsx'],
    environment: 'node',
    // A small machine (2 cores) runs these: keep parallelism modest and deterministic.
    pool: 'threads',
    testTimeout: 20_000,
  },
});
