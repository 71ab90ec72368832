import { isIP } from 'node:net';

/** What the machine tells about itself, read by the composition root. */
export interface Machine {
  hostname: string;
  /** Its addresses other than loopback and link-local (what a phone on the same network dials). */
  addresses: readonly string[];
  homeDir: string;
}

const WILDCARD = new Set(['0.0.0.0', '::', '']);
/** A DNS name a certificate can carry (labels of letters, digits, hyphens; underscores appear in real hostnames). */
const DNS_NAME = /^(?=.{1,253}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*$/;

const bare = (host: string): string => host.replace(/^\[(.*)\]$/, '$1').toLowerCase();

/**
 * Every name a client may reach the mock by, so none meets a name mismatch: the loopback names (and the
 * Android emulator's name for the host's), the machine's hostname (and its mDNS `.local` name, which phones on the same network use), the address it
 * is bound to, every address of the machine when bound to all of them, and the public URL's host.
 */
export function namesToCover(host: string, publicUrl: string | undefined, machine: Machine): string[] {
  // 10.0.2.2 is the host's loopback as Android's emulator sees it: an app there dials it for a mock on localhost.
  const names = ['localhost', '127.0.0.1', '::1', '10.0.2.2'];
  const hostname = machine.hostname.toLowerCase();
  if (DNS_NAME.test(hostname)) names.push(hostname, ...(hostname.includes('.') ? [] : [`${hostname}.local`]));
  const bound = bare(host);
  if (WILDCARD.has(bound)) names.push(...machine.addresses.map(bare));
  else names.push(bound);
  if (publicUrl !== undefined) names.push(bare(new URL(publicUrl).hostname));
  return [...new Set(names.filter((n) => isIP(n) !== 0 || DNS_NAME.test(n)))];
}

/** The machine's own addresses as node lists them, less loopback and link-local (which no certificate should name). */
export function reachableAddresses(interfaces: NodeJS.Dict<readonly { address: string; internal: boolean }[]>): string[] {
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((i) => !i.internal && !/^fe80:/i.test(i.address) && !/^169\.254\./.test(i.address))
    .map((i) => i.address);
}
