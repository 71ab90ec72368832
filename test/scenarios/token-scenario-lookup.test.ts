import { describe, expect, it, vi } from 'vitest';
import { DEMO, fetchToken, gateway, requestToken } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';

describe("a token's scenario on each gateway call", () => {
  const mock = useMockServer();

  it('when a token has no scenario, then only its first call looks for one; a token with one is looked up every call and still counts', async () => {
    const lookups = vi.spyOn(mock.deps.scenarios.engine, 'instance');
    const plain = gateway(mock.baseUrl, await fetchToken(mock.realmUrl), 'demo-key-1');
    for (let i = 0; i < 5; i++) expect((await plain.ping('docreader')).status).toBe(200);
    const plainLookups = lookups.mock.calls.filter(([kind]) => kind === 'token').length;

    // key-rotation;calls=2: the third call with the first product key is refused, so every call must reach the scenario.
    const bound = (await requestToken(mock.realmUrl, DEMO, 'key-rotation;calls=2')).body.access_token as string;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await gateway(mock.baseUrl, bound, 'demo-key-1').ping('docreader')).status);
    lookups.mockRestore();

    expect(plainLookups).toBe(1);
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.slice(2)).not.toContain(200);
  });
});
