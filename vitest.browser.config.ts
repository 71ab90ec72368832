import { defineConfig } from 'vitest/config';

/** The browser suite (npm run test:browser): headless Debian Chromium through playwright-core, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    env: { PACT_DO_NOT_TRACK: 'true' },
  },
});
