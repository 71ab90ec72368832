import type { Redis } from 'ioredis';

/**
 * The Lua side of the Redis store: every change is one script, so it is atomic across every process on the
 * same Redis (two instances racing a setIfAbsent: one wins). Keys of one collection, under `p` =
 * `<namespace>:c:<collection>`:
 *   p:v  hash  key -> `<expiresAt>,<seq>|<value>`   (what a read fetches: one HGET)
 *   p:m  hash  key -> `<seq>:<#owner>:<owner><bucket>`
 *   p:x  zset  key by expiresAt          (sweep; size = entries still live)
 *   p:b:<bucket>  zset  key by seq       (a quota bucket, oldest first)
 *   p:q  zset  bucket by its size        (the largest pays at the global cap)
 *   p:o:<owner>  set of keys             (a per-client reset without scanning everything)
 *   p:w  set   owners with entries
 *   p:n  counter of writes               (seq: the order of writes across processes)
 * Time is the caller's virtual clock (`now`), never Redis's. Keys are built inside the scripts, which a
 * standalone Redis allows and a Redis Cluster would not.
 */
const COMMON = `
local p = ARGV[1]
local V, M, X, Q, W, N = p .. ':v', p .. ':m', p .. ':x', p .. ':q', p .. ':w', p .. ':n'

local function meta_of(key)
  local meta = redis.call('HGET', M, key)
  if not meta then return nil end
  local seq, len, at = string.match(meta, '^(%d+):(%d+):()')
  len = tonumber(len)
  return seq, string.sub(meta, at, at + len - 1), string.sub(meta, at + len)
end

local function resize(bucket)
  local size = redis.call('ZCARD', p .. ':b:' .. bucket)
  if size == 0 then redis.call('ZREM', Q, bucket) else redis.call('ZADD', Q, size, bucket) end
end

local function drop(key)
  local seq, owner, bucket = meta_of(key)
  redis.call('HDEL', V, key)
  redis.call('HDEL', M, key)
  redis.call('ZREM', X, key)
  if not seq then return end
  redis.call('ZREM', p .. ':b:' .. bucket, key)
  resize(bucket)
  local o = p .. ':o:' .. owner
  redis.call('SREM', o, key)
  if redis.call('SCARD', o) == 0 then redis.call('SREM', W, owner) end
end

-- Answers 1 when the key held a live value.
local function drop_counted(key, now)
  local expiresAt = redis.call('ZSCORE', X, key)
  drop(key)
  if expiresAt and tonumber(expiresAt) > now then return 1 end
  return 0
end
`;

/** A bounded share of the expired entries goes with every write, so the backlog after a clock jump drains. */
const SWEEP_PER_WRITE = 100;

/**
 * set / setIfAbsent. ARGV: p, key, now, expiresAt, owner, bucket, maxEntries, maxPerBucket, backstopMs,
 * ifAbsent ('1'), value. Answers {0} stored, {1, stored blob} kept what was there, {2, waitMs} quota.
 */
const WRITE = `${COMMON}
local key, now, expiresAt = ARGV[2], tonumber(ARGV[3]), ARGV[4]
local owner, bucket = ARGV[5], ARGV[6]
local maxEntries, maxPerBucket, backstop = tonumber(ARGV[7]), tonumber(ARGV[8]), ARGV[9]
local B, O = p .. ':b:' .. bucket, p .. ':o:' .. owner

for _, old in ipairs(redis.call('ZRANGEBYSCORE', X, '-inf', now, 'LIMIT', 0, ${SWEEP_PER_WRITE})) do drop(old) end

local current = redis.call('ZSCORE', X, key)
local live = current and tonumber(current) > now
if live and ARGV[10] == '1' then return {1, redis.call('HGET', V, key)} end
if current then drop(key) end

-- Rewriting a live key adds nothing to its bucket; a new one must fit. Its oldest may have expired
-- without being swept yet (the sweep is bounded): those go first and make room.
if not live then
  while redis.call('ZCARD', B) >= maxPerBucket do
    local oldest = redis.call('ZRANGE', B, 0, 0)[1]
    local oldestExpiresAt = redis.call('ZSCORE', X, oldest)
    if oldestExpiresAt and tonumber(oldestExpiresAt) > now then return {2, tonumber(oldestExpiresAt) - now} end
    drop(oldest)
    -- An index member without its entry (left by a backstop expiry) is dropped from the index alone.
    redis.call('ZREM', B, oldest)
  end
end

local seq = redis.call('INCR', N)
redis.call('HSET', V, key, expiresAt .. ',' .. seq .. '|' .. ARGV[11])
redis.call('HSET', M, key, seq .. ':' .. #owner .. ':' .. owner .. bucket)
redis.call('ZADD', X, expiresAt, key)
redis.call('ZADD', B, seq, key)
resize(bucket)
redis.call('SADD', O, key)
redis.call('SADD', W, owner)

-- Past the global cap: an expired entry if any is left, else the largest bucket's oldest entry.
while redis.call('HLEN', V) > maxEntries do
  local expired = redis.call('ZRANGEBYSCORE', X, '-inf', now, 'LIMIT', 0, 1)[1]
  if expired then
    drop(expired)
  else
    local largest = redis.call('ZREVRANGE', Q, 0, 0)[1]
    if not largest then break end
    local L = p .. ':b:' .. largest
    local victim = redis.call('ZRANGE', L, 0, 0)[1]
    if victim then
      drop(victim)
      redis.call('ZREM', L, victim)
    end
    resize(largest)
  end
end

-- The backstop against keys nobody comes back for (the namespace of a finished run): wall time, long after
-- the virtual TTL. Every write renews it for the keys it touched.
for _, k in ipairs({V, M, X, Q, W, N, B, O}) do redis.call('PEXPIRE', k, backstop) end
return {0}
`;

/** ARGV: p, now, key. Answers 1 when a live value went. */
const DELETE = `${COMMON}
return drop_counted(ARGV[3], tonumber(ARGV[2]))
`;

/** ARGV: p, now, then pairs of key and seq: each goes only if nobody wrote it since it was read. Answers live ones gone. */
const DELETE_UNCHANGED = `${COMMON}
local now, gone = tonumber(ARGV[2]), 0
for i = 3, #ARGV, 2 do
  local seq = meta_of(ARGV[i])
  if seq == ARGV[i + 1] then gone = gone + drop_counted(ARGV[i], now) end
end
return gone
`;

/** ARGV: p, now, owner, count. Drops up to `count` of the owner's entries; answers {live ones gone, left}. */
const CLEAR_OWNER = `${COMMON}
local now, owner = tonumber(ARGV[2]), ARGV[3]
local O, gone = p .. ':o:' .. owner, 0
for _, key in ipairs(redis.call('SRANDMEMBER', O, tonumber(ARGV[4]))) do
  local _, holder = meta_of(key)
  if holder == owner then gone = gone + drop_counted(key, now) end
  redis.call('SREM', O, key)
end
if redis.call('SCARD', O) == 0 then redis.call('SREM', W, owner) end
return {gone, redis.call('SCARD', O)}
`;

/** ARGV: p. Every key of the collection, unlinked (freed in the background, not while Redis waits). */
const CLEAR = `${COMMON}
for _, bucket in ipairs(redis.call('ZRANGE', Q, 0, -1)) do redis.call('UNLINK', p .. ':b:' .. bucket) end
for _, owner in ipairs(redis.call('SMEMBERS', W)) do redis.call('UNLINK', p .. ':o:' .. owner) end
redis.call('UNLINK', V, M, X, Q, W, N)
return 0
`;

type Arg = string | Buffer | number;

export interface StoreScripts {
  zsStoreWriteBuffer(...args: Arg[]): Promise<[0] | [1, Buffer] | [2, number]>;
  zsStoreDelete(...args: Arg[]): Promise<number>;
  zsStoreDeleteUnchanged(...args: Arg[]): Promise<number>;
  zsStoreClearOwner(...args: Arg[]): Promise<[number, number]>;
  zsStoreClear(...args: Arg[]): Promise<number>;
}

/** Registers the scripts on a connection once (ioredis sends EVALSHA, and the source when Redis lacks it). */
export function storeScripts(redis: Redis): Redis & StoreScripts {
  const withScripts = redis as Redis & Partial<StoreScripts>;
  if (withScripts.zsStoreWriteBuffer === undefined) {
    redis.defineCommand('zsStoreWrite', { numberOfKeys: 0, lua: WRITE });
    redis.defineCommand('zsStoreDelete', { numberOfKeys: 0, lua: DELETE });
    redis.defineCommand('zsStoreDeleteUnchanged', { numberOfKeys: 0, lua: DELETE_UNCHANGED });
    redis.defineCommand('zsStoreClearOwner', { numberOfKeys: 0, lua: CLEAR_OWNER });
    redis.defineCommand('zsStoreClear', { numberOfKeys: 0, lua: CLEAR });
  }
  return redis as Redis & StoreScripts;
}
