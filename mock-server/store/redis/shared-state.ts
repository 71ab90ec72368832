import type { Redis } from 'ioredis';
import type { SharedLists, SharedRecords, SharedState } from '../shared-state.js';
import { storeCall } from './store-call.js';

interface BusMessage {
  from: string;
  topic: string;
  data: unknown;
}

// Length check and append in one step, so racing instances cannot push a list past its cap.
const PUSH_BOUNDED = `
local n = redis.call('LLEN', KEYS[1])
if n >= tonumber(ARGV[2]) then return -1 end
redis.call('SADD', KEYS[2], ARGV[3])
return redis.call('RPUSH', KEYS[1], ARGV[1])`;

class RedisRecords<V> implements SharedRecords<V> {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
  ) {}

  private call<T>(command: Promise<T>): Promise<T> {
    return storeCall(this.key, command);
  }

  async get(field: string): Promise<V | undefined> {
    const text = await this.call(this.redis.hget(this.key, field));
    return text === null ? undefined : (JSON.parse(text) as V);
  }

  async all(): Promise<Map<string, V>> {
    const all = await this.call(this.redis.hgetall(this.key));
    return new Map(Object.entries(all).map(([field, text]) => [field, JSON.parse(text) as V]));
  }

  async set(field: string, value: V): Promise<void> {
    await this.call(this.redis.hset(this.key, field, JSON.stringify(value)));
  }

  async setIfAbsent(field: string, value: V): Promise<V> {
    const [, held] = (await this.call(this.redis.multi().hsetnx(this.key, field, JSON.stringify(value)).hget(this.key, field).exec())) ?? [];
    const text = held?.[1];
    return typeof text === 'string' ? (JSON.parse(text) as V) : value;
  }

  async delete(field: string): Promise<void> {
    await this.call(this.redis.hdel(this.key, field));
  }

  async clear(): Promise<void> {
    await this.call(this.redis.del(this.key));
  }
}

class RedisLists implements SharedLists {
  private readonly index: string;

  constructor(
    private readonly redis: Redis & { zsPushBounded(list: string, index: string, item: string, max: number, member: string): Promise<number> },
    private readonly prefix: string,
  ) {
    this.index = `${prefix}:index`;
  }

  private listKey(key: string): string {
    return `${this.prefix}:list:${key}`;
  }

  push(key: string, item: string, max: number): Promise<number> {
    return storeCall(this.prefix, this.redis.zsPushBounded(this.listKey(key), this.index, item, max, key));
  }

  async take(key: string): Promise<string | undefined> {
    return (await storeCall(this.prefix, this.redis.lpop(this.listKey(key)))) ?? undefined;
  }

  async entries(prefix = ''): Promise<Array<[string, string[]]>> {
    const keys = (await storeCall(this.prefix, this.redis.smembers(this.index))).filter((k) => k.startsWith(prefix)).sort();
    const out: Array<[string, string[]]> = [];
    for (const key of keys) {
      const items = await storeCall(this.prefix, this.redis.lrange(this.listKey(key), 0, -1));
      if (items.length > 0) out.push([key, items]);
      else await storeCall(this.prefix, this.redis.srem(this.index, key));
    }
    return out;
  }

  async clear(prefix = ''): Promise<void> {
    const keys = (await storeCall(this.prefix, this.redis.smembers(this.index))).filter((k) => k.startsWith(prefix));
    if (keys.length === 0) return;
    await storeCall(
      this.prefix,
      this.redis
        .multi()
        .del(...keys.map((k) => this.listKey(k)))
        .srem(this.index, ...keys)
        .exec(),
    );
  }
}

/**
 * The control plane's shared part on Redis: hashes of JSON records, bounded lists, and a pub/sub channel
 * on its own connection (a subscribed connection can do nothing else).
 */
export async function redisSharedState(redis: Redis, namespace: string, instanceId: string): Promise<SharedState> {
  redis.defineCommand('zsPushBounded', { numberOfKeys: 2, lua: PUSH_BOUNDED });
  const lists = redis as Redis & { zsPushBounded(list: string, index: string, item: string, max: number, member: string): Promise<number> };
  const channel = `${namespace}:bus`;
  const subscriber = redis.duplicate();
  const handlers = new Map<string, Array<(data: unknown) => void>>();
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    let message: BusMessage;
    try {
      message = JSON.parse(text) as BusMessage;
    } catch {
      return;
    }
    if (message.from === instanceId) return;
    for (const handler of handlers.get(message.topic) ?? []) handler(message.data);
  });
  await subscriber.subscribe(channel);
  return {
    instanceId,
    records: <V>(name: string) => new RedisRecords<V>(redis, `${namespace}:records:${name}`),
    lists: (name: string) => new RedisLists(lists, `${namespace}:lists:${name}`),
    publish: async (topic, data) => {
      await storeCall(channel, redis.publish(channel, JSON.stringify({ from: instanceId, topic, data } satisfies BusMessage)));
    },
    subscribe: (topic, handler) => {
      handlers.set(topic, [...(handlers.get(topic) ?? []), handler]);
    },
    close: async () => {
      await subscriber.quit().catch(() => {
        subscriber.disconnect();
      });
    },
  };
}
