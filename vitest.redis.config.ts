import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * npm run test:redis: the functional suites again, every mock on one Redis the run starts (the shared store
 * must keep what the memory store keeps). The contract, bench and config suites start their own mocks or
 * none, and the store-specific tests already run on both.
 */
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/{admin,auth,client,hosted,pipeline,regula,scanning,scenarios,sessions,surfaces,tls,webhooks}/**/*.test.ts'],
    globalSetup: ['test/helpers/redis-global-setup.ts'],
  },
});
