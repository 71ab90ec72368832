import { isIPv4 } from 'node:net';

/** `::ffff:127.a.b.c` as the WHATWG URL parser writes it back: `[::ffff:7fAA:BBCC]`. */
const MAPPED_LOOPBACK = /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/;

/**
 * Whether a listen address only reaches this machine: 127.0.0.0/8, ::1, localhost, and the IPv4-mapped
 * forms of 127.0.0.0/8 (`::ffff:127.0.0.1`, `::ffff:7f00:1`). The WHATWG URL parser normalises every
 * spelling first (`0:0:0:0:0:0:0:1`, `127.1`, `0x7f.1`, upper case) so no spelling slips past a pattern.
 * Anything that does not parse (a zone id, garbage) counts as beyond loopback, the safe side.
 */
export function isLoopback(host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  let name: string;
  try {
    name = new URL(`http://${bare.includes(':') ? `[${bare}]` : bare}/`).hostname;
  } catch {
    return false;
  }
  return name === 'localhost' || name === 'localhost.' || name === '[::1]' || (isIPv4(name) && name.startsWith('127.')) || MAPPED_LOOPBACK.test(name);
}
