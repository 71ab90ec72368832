import { afterAll, beforeAll } from 'vitest';
import { startRedis, type RunningRedis } from '../../bench/redis-server.js';

export { startRedis, type RunningRedis };

/** For vitest files: one Redis per file (beforeAll/afterAll). */
export function useRedis(): RunningRedis {
  let redis: RunningRedis | undefined;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const started = (): RunningRedis => {
    if (!redis) throw new Error('useRedis(): the server starts in beforeAll; read it inside a test or a hook');
    return redis;
  };
  return {
    get url() {
      return started().url;
    },
    get port() {
      return started().port;
    },
    get pid() {
      return started().pid;
    },
    stop: () => started().stop(),
  };
}
