import { startRedis, type RunningRedis } from './redis-server.js';

let redis: RunningRedis | undefined;

/** npm run test:redis: one redis-server for the run; every mock a test starts uses it (see startMock). */
export async function setup(): Promise<void> {
  redis = await startRedis();
  process.env.TEST_STORE_URL = redis.url;
}

export async function teardown(): Promise<void> {
  await redis?.stop();
}
