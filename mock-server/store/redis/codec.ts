import { deserialize, serialize } from 'node:v8';

/**
 * How an entry lies in Redis: `<expiresAt>,<seq>|` then the value in V8's serialization format, so Buffers,
 * Dates, Maps, Sets, bigints and `undefined` come back as they went in (JSON would lose all of them).
 * The header is written by the store's Lua scripts (they alone know the sequence number) and read here, so
 * that a read is one HGET: its expiry on the virtual clock travels with the value.
 */
export interface StoredEntry {
  expiresAt: number;
  /** Which write this is: a compare-and-delete drops the entry only if nobody wrote it since. */
  seq: string;
  bytes: Buffer;
}

const BAR = 0x7c;
const COMMA = 0x2c;

export const encodeValue = (value: unknown): Buffer => serialize(value);

export const decodeValue = (bytes: Uint8Array): unknown => deserialize(bytes);

export function readStored(blob: Buffer): StoredEntry {
  // The header is digits, sign, dot and comma only: the first bar ends it, whatever the value's bytes hold.
  const bar = blob.indexOf(BAR);
  const comma = blob.indexOf(COMMA);
  if (bar < 0 || comma < 0 || comma > bar) throw new Error('a Redis entry without its header (written by something else than this store?)');
  return { expiresAt: Number(blob.toString('latin1', 0, comma)), seq: blob.toString('latin1', comma + 1, bar), bytes: blob.subarray(bar + 1) };
}
