import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '../helpers/mock-server.js';
import { adminApi } from '../helpers/admin-client.js';
import { fetchToken, gateway } from '../helpers/api-client.js';

describe('scenario selection for sessions', () => {
  const mock = useMockServer({
    scenarios: { selection: { rules: [{ when: { clientId: '/^ruled-/', kind: 'session' }, use: 'inconclusive;variant=near-threshold' }] } },
  });
  const admin = () => adminApi(mock.baseUrl);
  const clientApi = async (body: Record<string, unknown> = {}) => {
    const client = await admin().newClient(body);
    return { client, api: gateway(mock.baseUrl, await fetchToken(mock.realmUrl, client), client.productKeys[0]!) };
  };
  const scenarioOf = async (sessionId: string) => (await admin().resource('session', sessionId)).body.scenario;

  it.each(['accepted', 'rejected', 'rejected;variant=face-mismatch', 'inconclusive;variant=poor-image-quality', 'failed', 'failed;variant=liveness-failed'])(
    'when a session is created with X-Mock-Scenario %s, then that scenario is bound to it',
    async (scenario) => {
      const { api } = await clientApi();
      const { body } = await api.createSession(scenario);
      expect(await scenarioOf(body.id)).toBe(scenario);
    },
  );

  it('when header, queue, rule and default all apply, then header > queue > rule > default, once per session', async () => {
    const { client, api } = await clientApi({ clientId: `ruled-${randomUUID().slice(0, 8)}` });
    await admin().queue(client.clientId, 'failed');

    const byHeader = await api.createSession('rejected');
    const byQueue = await api.createSession();
    const byRule = await api.createSession();

    expect(await scenarioOf(byHeader.body.id)).toBe('rejected');
    expect(await scenarioOf(byQueue.body.id)).toBe('failed');
    expect(await scenarioOf(byRule.body.id)).toBe('inconclusive;variant=near-threshold');
    const { api: plain } = await clientApi();
    expect(await scenarioOf((await plain.createSession()).body.id)).toBe('accepted');
  });

  it('when later calls on a session carry another X-Mock-Scenario, then the bound scenario does not change', async () => {
    const { api, client } = await clientApi();
    const { body } = await api.createSession('rejected');
    const bound = await fetch(`${mock.baseUrl}/mobilesdk/sessions/${body.id}/transactions/${await api.startTransaction('document')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await fetchToken(mock.realmUrl, client)}`, 'zs-product-key': client.productKeys[0]!, 'x-mock-scenario': 'accepted' },
    });
    expect(bound.status).toBe(204);
    expect(await scenarioOf(body.id)).toBe('rejected');
  });

  it.each([
    ['an unknown scenario', 'maybe', /unknown scenario "maybe".*Known scenarios for a session: .*accepted.*rejected/],
    ['an unknown variant', 'rejected;variant=sunburn', /param variant: "sunburn" is not one of expired, mrz-visual-mismatch, security-feature, face-mismatch/],
    ['an unknown param', 'accepted;speed=9', /unknown param "speed" \(this scenario takes none\)/],
    ['a token-only scenario', 'key-rotation', /"key-rotation" binds to token, not to a session/],
  ])('when the header names %s, then 400 and no session is created', async (_n, scenario, message) => {
    const { api, client } = await clientApi();
    const res = await api.createSession(scenario);
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(message);
    expect(res.body.knownScenarios).toEqual(expect.arrayContaining(['accepted', 'rejected', 'inconclusive', 'failed']));
    expect((await admin().scenarios(client.clientId)).body.scenarios.flatMap((s: { bindings: unknown[] }) => s.bindings)).toEqual([]);
  });

  it('when an admin queues an unknown scenario, then 400 names the known ones', async () => {
    const { client } = await clientApi();
    const res = await admin().queue(client.clientId, 'nope', 'session');
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/Known scenarios for a session/);
  });

  it('when an admin sets a declared state, then it moves; an undeclared state is 422 and an unknown resource 404', async () => {
    const { client } = await clientApi();
    const token = await fetchToken(mock.realmUrl, client, 'key-rotation');
    const jti = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti;

    expect((await admin().setState('token', jti, 'rotated')).body).toMatchObject({ before: 'active', after: 'rotated', state: 'rotated' });
    expect((await admin().setState('token', jti, 'melted')).status).toBe(422);
    expect((await admin().setState('token', randomUUID(), 'rotated')).status).toBe(404);
  });

  it('when definitions are listed, then each comes with its params, states and live bindings', async () => {
    const { client, api } = await clientApi();
    const { body: session } = await api.createSession('rejected;variant=expired');
    const { body } = await admin().scenarios(client.clientId);
    const rejected = body.scenarios.find((s: { name: string }) => s.name === 'rejected');
    expect(rejected).toMatchObject({ binds: ['session', 'transaction', 'scan', 'process'], params: { variant: { default: 'expired' } }, initial: 'decided' });
    expect(rejected.bindings).toEqual([expect.objectContaining({ kind: 'session', resourceId: session.id, clientId: client.clientId, state: 'decided' })]);
  });
});

describe('parallel isolation', () => {
  const mock = useMockServer();
  const admin = () => adminApi(mock.baseUrl);

  it('when 20 clients run different scenarios at once, then each sees only its own outcomes', async () => {
    const tokenScenarios = [undefined, 'unavailable', 'rate-limited', 'key-rotation;calls=1', 'token-expiry;lifetimeSeconds=600'];
    const sessionScenarios = ['accepted', 'rejected', 'inconclusive', 'failed', 'rejected;variant=face-mismatch'];
    const runs = Array.from({ length: 20 }, (_, i) => ({ tokenScenario: tokenScenarios[i % 5], sessionScenario: sessionScenarios[Math.floor(i / 4) % 5]! }));

    const results = await Promise.all(
      runs.map(async (run) => {
        const client = await admin().newClient();
        const token = await fetchToken(mock.realmUrl, client, run.tokenScenario);
        const api = gateway(mock.baseUrl, token, client.productKeys[0]!);
        const statuses: number[] = [];
        let sessionScenario: string | undefined;
        for (let i = 0; i < 3; i++) {
          const res = await api.createSession(run.sessionScenario);
          statuses.push(res.status);
          if (res.status === 200) sessionScenario = (await admin().resource('session', res.body.id)).body.scenario;
        }
        const bindings = (await admin().scenarios(client.clientId)).body.scenarios.flatMap((s: { bindings: Array<{ clientId: string }> }) => s.bindings);
        return { run, statuses, sessionScenario, bindings, clientId: client.clientId };
      }),
    );

    const expected: Record<string, number[]> = {
      none: [200, 200, 200],
      unavailable: [503, 503, 503],
      'rate-limited': [429, 429, 429],
      'key-rotation;calls=1': [200, 401, 401],
      'token-expiry;lifetimeSeconds=600': [200, 200, 200],
    };
    for (const r of results) {
      expect(r.statuses).toEqual(expected[r.run.tokenScenario ?? 'none']);
      if (r.statuses.includes(200)) expect(r.sessionScenario).toBe(r.run.sessionScenario);
      expect(r.bindings.every((b: { clientId: string }) => b.clientId === r.clientId)).toBe(true);
    }
  });
});
