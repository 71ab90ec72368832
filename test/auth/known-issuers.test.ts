import { describe, expect, it } from 'vitest';
import { KnownIssuers } from '../../mock-server/auth/known-issuers.js';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken, gatewayHeaders } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';
import { tokenUnderHost } from '../helpers/token-under-host.js';

async function tokensUnderRandomHosts(baseUrl: string, count: number): Promise<void> {
  const hosts = Array.from({ length: count }, (_, i) => `h${i}-${Math.random().toString(36).slice(2, 8)}.example:${1000 + i}`);
  for (let i = 0; i < hosts.length; i += 20) {
    const replies = await Promise.all(hosts.slice(i, i + 20).map((h) => tokenUnderHost(baseUrl, h)));
    for (const r of replies) expect(r.status).toBe(200);
  }
}

describe('known issuers', () => {
  const mock = useMockServer();

  it('when 1,000 tokens were issued under random Hosts, then tokens fetched under the listen address and localhost before and after still work', async () => {
    // The very first token under a stranger's Host: the listen address must not depend on being first.
    expect((await tokenUnderHost(mock.baseUrl, 'first.example:1')).status).toBe(200);
    const admin = adminApi(mock.baseUrl);
    const { port } = new URL(mock.baseUrl);
    const [early, viaLocalhost, late] = [await admin.newClient(), await admin.newClient(), await admin.newClient()];
    const earlyToken = await fetchToken(mock.realmUrl, early);
    const localhostToken = await fetchToken(`http://localhost:${port}/auth/realms/zignsec`, viaLocalhost);

    await tokensUnderRandomHosts(mock.baseUrl, 1000);

    // Neither token was verified before the flood, so the verified-token cache cannot help them.
    const ping = (token: string, client: { productKeys: string[] }) =>
      call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(token, client.productKeys[0]!) });
    expect((await ping(earlyToken, early)).status).toBe(200);
    expect((await ping(localhostToken, viaLocalhost)).status).toBe(200);
    expect((await ping(await fetchToken(mock.realmUrl, late), late)).status).toBe(200);
  });
});

describe('known issuer list', () => {
  it('when issuers beyond the bound arrive, then pinned and first ones stay and the least recently used leaves', async () => {
    const issuers = new KnownIssuers(undefined, 3);
    issuers.pin('http://127.0.0.1:1/auth/realms/zignsec');
    await issuers.remember('http://first');
    await issuers.remember('http://busy');
    for (let i = 0; i < 10; i++) {
      await issuers.remember(`http://other-${i}`);
      await issuers.remember('http://busy'); // issued under again: refreshed, never the oldest
    }
    expect(issuers.accepts('http://127.0.0.1:1/auth/realms/zignsec')).toBe(true);
    expect(issuers.accepts('http://first')).toBe(true);
    expect(issuers.accepts('http://busy')).toBe(true);
    expect(issuers.accepts('http://other-9')).toBe(true);
    expect(issuers.accepts('http://other-0')).toBe(false);
    expect(issuers.accepts('http://never')).toBe(false);
  });

  it('when a public URL is configured, then only its issuer is accepted', async () => {
    const issuers = new KnownIssuers('https://mock.example/auth/realms/zignsec');
    issuers.pin('http://127.0.0.1:1/auth/realms/zignsec');
    await issuers.remember('http://elsewhere');
    expect(issuers.accepts('https://mock.example/auth/realms/zignsec')).toBe(true);
    expect(issuers.accepts('http://127.0.0.1:1/auth/realms/zignsec')).toBe(false);
    expect(issuers.accepts('http://elsewhere')).toBe(false);
  });
});
