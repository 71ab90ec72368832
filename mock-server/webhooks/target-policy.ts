import { isIP } from 'node:net';

export interface TargetPolicy {
  /** Hosts (`example.com`) or origins (`https://example.com:8443`) deliveries may go to; empty: any. */
  allowList: readonly string[];
  allowLoopback: boolean;
}

/** 169.254.0.0/16 (cloud metadata lives there) and fe80::/10. */
export function isLinkLocal(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(bare) === 4) return bare.startsWith('169.254.');
  if (isIP(bare) === 6) return /^fe[89ab][0-9a-f]:/.test(bare) || bare.startsWith('::ffff:169.254.');
  return false;
}

function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

/** Why a webhook URL is refused, or undefined when deliveries may go there. */
export function targetRefusal(url: string, policy: TargetPolicy): string | undefined {
  if (!URL.canParse(url)) return 'not a URL';
  const parsed = new URL(url);
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'only http and https URLs are delivered to';
  if (parsed.username !== '' || parsed.password !== '') return 'credentials in the URL are not accepted';
  if (isLinkLocal(parsed.hostname)) return 'link-local addresses are refused';
  if (!policy.allowLoopback && isLoopback(parsed.hostname)) return 'loopback addresses are refused by configuration';
  if (
    policy.allowList.length > 0 &&
    !policy.allowList.some((a) => a.toLowerCase() === parsed.hostname.toLowerCase() || a.toLowerCase() === parsed.origin.toLowerCase())
  ) {
    return `${parsed.host} is not on the webhook allow-list`;
  }
  return undefined;
}
