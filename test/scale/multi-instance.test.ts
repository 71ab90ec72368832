import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminApi, type NewClient } from '../helpers/admin-client.js';
import { call, fetchToken, gateway } from '../helpers/api-client.js';
import { startMock, type TestMock } from '../helpers/mock-server.js';
import { useRedis } from '../helpers/redis-server.js';
import { scanningApi } from '../helpers/scanning-client.js';
import { tokenUnderHost } from '../helpers/token-under-host.js';
import { startReceiver } from '../webhooks/receiver.js';

/** Polls until `check` holds: a change reaches other instances over the bus within milliseconds, not at once. */
async function eventually(check: () => Promise<boolean>, what: string, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not seen within ${ms} ms: ${what}`);
}

/** Two mocks on one Redis namespace, as two `npm start` behind a load balancer: one gateway. */
describe('two instances on one Redis', () => {
  const redis = useRedis();
  const mocks: TestMock[] = [];
  let a: TestMock;
  let b: TestMock;
  let client: NewClient;

  beforeAll(async () => {
    const store = { url: redis.url, namespace: `multi-${randomUUID().slice(0, 8)}` };
    a = await startMock({ store });
    b = await startMock({ store });
    mocks.push(a, b);
    client = await adminApi(a.baseUrl).newClient();
  });
  afterAll(async () => {
    for (const m of mocks) await m.close();
  });

  it('share one store and say which instance answered', async () => {
    const [ha, hb] = await Promise.all([call(`${a.baseUrl}/__admin/health`), call(`${b.baseUrl}/__admin/health`)]);
    expect(ha.body.store).toBe('redis');
    expect(ha.body.instance).not.toBe(hb.body.instance);
    expect(ha.headers.get('x-mock-instance')).toBe(ha.body.instance);
    const journal = await call(`${b.baseUrl}/__admin/requests?limit=1`);
    expect(journal.body.instance).toBe(hb.body.instance);
  });

  it('a client added on A gets a token from B at once, and that token works on A', async () => {
    const fresh = await adminApi(a.baseUrl).newClient();
    const token = await fetchToken(b.realmUrl, fresh);
    expect((await gateway(a.baseUrl, token, fresh.productKeys[0]!).ping('docreader')).status).toBe(200);
  });

  it('a token from A works on B (its issuer is A address)', async () => {
    const token = await fetchToken(a.realmUrl, client);
    expect((await gateway(b.baseUrl, token, client.productKeys[0]!).ping('docreader')).status).toBe(200);
  });

  it('tokens A issues under Hosts it never saw before work on B at once (the issuer is shared before the token is answered)', async () => {
    const form = `grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.secret}`;
    // A's changes waiting to be shared, as at a start or under admin traffic: the tokens must not queue behind them.
    const busy = Array.from({ length: 40 }, () => adminApi(a.baseUrl).newClient());
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => tokenUnderHost(a.baseUrl, `fresh-${i}-${randomUUID().slice(0, 6)}.example:8443`, form)),
    );
    const statuses = await Promise.all(
      replies.map(async (reply) => {
        expect(reply.status).toBe(200);
        const token = (JSON.parse(reply.body) as { access_token: string }).access_token;
        return (await gateway(b.baseUrl, token, client.productKeys[0]!).ping('docreader')).status;
      }),
    );
    expect(statuses).toEqual(Array.from({ length: 20 }, () => 200));
    await Promise.all(busy);
  });

  it('a session made on A binds on B, and A sees the binding', async () => {
    const token = await fetchToken(a.realmUrl, client);
    const onA = gateway(a.baseUrl, token, client.productKeys[0]!);
    const onB = gateway(b.baseUrl, token, client.productKeys[0]!);
    const session = await onA.createSession();
    expect(session.status).toBe(200);
    const sessionId = session.body.id as string;
    const tx = await onB.startTransaction('document');
    expect((await onB.bindDocument(sessionId, tx)).status).toBeLessThan(300);
    // The binding B made is A's to see: binding it again is idempotent, to another session refused.
    expect((await onA.bindDocument(sessionId, tx)).status).toBe(204);
    const other = await onA.createSession();
    expect((await onA.bindDocument(other.body.id as string, tx)).status).toBe(409);
  });

  it('a scenario queued on A is taken once, by the session B creates', async () => {
    const own = await adminApi(a.baseUrl).newClient();
    expect((await adminApi(a.baseUrl).queue(own.clientId, 'failed', 'session')).status).toBe(201);
    expect((await adminApi(b.baseUrl).scenarios(own.clientId)).body.queue).toEqual([{ clientId: own.clientId, kind: 'session', scenarios: ['failed'] }]);
    const token = await fetchToken(b.realmUrl, own);
    const first = await gateway(b.baseUrl, token, own.productKeys[0]!).createSession();
    const second = await gateway(a.baseUrl, token, own.productKeys[0]!).createSession();
    const scenarioOf = async (id: string) => (await adminApi(a.baseUrl).resource('session', id)).body.scenario as string | undefined;
    expect(await scenarioOf(first.body.id)).toBe('failed');
    expect(await scenarioOf(second.body.id)).not.toBe('failed');
  });

  it('a signing key rotated on A signs tokens that B verifies at once; B publishes it in its JWKS', async () => {
    const rotated = await adminApi(a.baseUrl).rotateSigningKey(60);
    expect(rotated.status).toBe(200);
    const token = await fetchToken(a.realmUrl, client);
    expect((await gateway(b.baseUrl, token, client.productKeys[0]!).ping('docreader')).status).toBe(200);
    const jwks = async () => (await call(`${b.realmUrl}/protocol/openid-connect/certs`)).body.keys.map((k: { kid: string }) => k.kid) as string[];
    await eventually(async () => (await jwks())[0] === rotated.body.active, 'the rotated key first in B JWKS');
    // A token B signs now is signed by the same active key.
    const fromB = await fetchToken(b.realmUrl, client);
    expect(JSON.parse(Buffer.from(fromB.split('.')[0]!, 'base64url').toString()).kid).toBe(rotated.body.active);
  });

  it('a product key rotated on A: B refuses the old key and accepts the new one', async () => {
    const own = await adminApi(a.baseUrl).newClient();
    const token = await fetchToken(a.realmUrl, own);
    const old = own.productKeys[0]!;
    expect((await gateway(b.baseUrl, token, old).ping('docreader')).status).toBe(200);
    const rotated = await adminApi(a.baseUrl).rotateProductKey(own.clientId);
    expect(rotated.status).toBe(200);
    expect((await gateway(b.baseUrl, token, rotated.body.added as string).ping('docreader')).status).toBe(200);
    await eventually(async () => (await gateway(b.baseUrl, token, old).ping('docreader')).status === 401, 'the old key refused on B');
  });

  it('the clock moved on A moves on B: a token from B expires there', async () => {
    const token = await fetchToken(b.realmUrl, client);
    const before = (await adminApi(b.baseUrl).clock()).body;
    try {
      await adminApi(a.baseUrl).advance(3600);
      await eventually(async () => Date.parse((await adminApi(b.baseUrl).clock()).body.now) - Date.parse(before.now) >= 3_600_000, 'B clock an hour on');
      expect((await gateway(b.baseUrl, token, client.productKeys[0]!).ping('docreader')).status).toBe(401);
    } finally {
      await adminApi(a.baseUrl).resetClock();
      await eventually(async () => Math.abs(Date.parse((await adminApi(b.baseUrl).clock()).body.now) - Date.now()) < 60_000, 'B clock back');
    }
  });

  it('a scan both instances see time out sends its webhook once', async () => {
    const receiver = await startReceiver([204]);
    try {
      const own = await adminApi(a.baseUrl).newClient();
      const created = await scanningApi(a.baseUrl, own.apiKeys[0]).create({ relay_state: 'once', webhook: receiver.url });
      expect(created.status).toBe(200);
      // Both instances sweep timed-out scans when the clock jumps, and both read it at once after.
      await adminApi(a.baseUrl).advance(a.deps.config.scanning.flowTimeoutSeconds + 1);
      await eventually(async () => (await scanningApi(b.baseUrl, own.apiKeys[0]).result(created.body.id)).body.status === 'Timeout', 'B sees the timeout');
      await Promise.all([scanningApi(a.baseUrl, own.apiKeys[0]).result(created.body.id), scanningApi(b.baseUrl, own.apiKeys[0]).result(created.body.id)]);
      await eventually(() => Promise.resolve(receiver.received.length >= 1), 'the webhook');
      await Promise.all([a.deps.webhooks.idle(), b.deps.webhooks.idle()]);
      await new Promise((r) => setTimeout(r, 200));
      expect(receiver.received).toHaveLength(1);
      // Either instance's control plane lists the delivery.
      const listed = await call(`${b.baseUrl}/__admin/webhooks?resourceId=${created.body.id as string}`);
      expect(listed.body.deliveries).toHaveLength(1);
    } finally {
      await adminApi(a.baseUrl).resetClock();
      await receiver.close();
    }
  });
});
