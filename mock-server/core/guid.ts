import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The one UUID (GUID) shape check: ids in paths, client GUIDs in config. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

const swapPairs = (hex: string): string => (hex.match(/../g) ?? []).reverse().join('');

/** Reorders hex between RFC 4122 and .NET `Guid.ToByteArray()` order (the swap is its own inverse). */
function dotNetHex(hex: string): string {
  return swapPairs(hex.slice(0, 8)) + swapPairs(hex.slice(8, 12)) + swapPairs(hex.slice(12, 16)) + hex.slice(16);
}

/** ZignSec's 22-character client id: the GUID's bytes in .NET order, unpadded base64url. */
export function shortGuid(guid: string): string {
  return Buffer.from(dotNetHex(guid.replace(/-/g, '').toLowerCase()), 'hex').toString('base64url');
}

/** Inverse of {@link shortGuid}. */
export function longGuid(short: string): string {
  const hex = dotNetHex(Buffer.from(short, 'base64url').toString('hex'));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable version-4-shaped GUID derived from a name, for clients configured without one. */
export function guidFromName(name: string): string {
  const b = createHash('sha256').update(name).digest();
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
