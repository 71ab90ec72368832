import { Redis } from 'ioredis';

const READY_WITHIN_MS = 3_000;
/** A command Redis has not answered by then rejects (the store turns it into StoreUnavailable, a 503). */
const COMMAND_TIMEOUT_MS = 2_000;

/** The URL as it may be printed: a password in it is replaced by stars. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/\/\/[^@/]*@/, '//***@');
  }
}

/**
 * Connects to Redis and waits until it is ready, or fails within ~3 s with an error naming the URL.
 * Afterwards no request waits long on a Redis that went away: commands time out after 2 s, a command queued
 * while disconnected fails after one reconnection attempt, and a connection that stops answering is dropped
 * and made again. `name` shows in CLIENT LIST (which instance holds which connection).
 */
export async function connectRedis(url: string, name: string): Promise<Redis> {
  const redis = new Redis(url, {
    connectionName: name.replace(/[^A-Za-z0-9_.:-]/g, '-'),
    lazyConnect: true,
    enableAutoPipelining: true,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    socketTimeout: 2 * COMMAND_TIMEOUT_MS,
    connectTimeout: READY_WITHIN_MS,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
  });
  // Without a listener ioredis prints every failed reconnection to stderr; the store's calls report an
  // outage as StoreUnavailable, and whoever wants a log line adds a listener of their own.
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect(),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          reject(new Error(`not ready after ${READY_WITHIN_MS} ms`));
        }, READY_WITHIN_MS);
      }),
    ]);
    return redis;
  } catch (error) {
    redis.disconnect();
    const why = lastError?.message ?? (error instanceof Error ? error.message : String(error));
    throw new Error(`Redis at ${redactRedisUrl(url)} is not reachable: ${why}`, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}
