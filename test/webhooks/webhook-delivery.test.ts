import { createHmac, randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../mock-server/config.js';
import { worstCaseSpanSeconds } from '../../mock-server/core/retry-schedule.js';
import { adminApi, type AdminApi, type NewClient } from '../helpers/admin-client.js';
import { call } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';
import { scanningApi } from '../helpers/scanning-client.js';
import { startReceiver } from './receiver.js';

const HOUR = 3600;

describe('webhooks: delivery of a scan that ended', () => {
  const mock = useMockServer();
  let admin: AdminApi;
  let client: NewClient;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;

  beforeEach(async () => {
    admin = adminApi(mock.baseUrl);
    client = await admin.newClient();
  });
  afterEach(async () => {
    await (receiver as typeof receiver | undefined)?.close();
    await admin.resetClock();
  });

  /** A scan with a webhook, ended by running out of time (the flow's own end, no pages needed). */
  async function endedScan(url: string) {
    const api = scanningApi(mock.baseUrl, client.apiKeys[0]);
    const { body } = await api.create({ relay_state: 'hook-test', webhook: url });
    await admin.advance(mock.deps.config.scanning.flowTimeoutSeconds + 1);
    const result = await api.result(body.id);
    expect(result.body.status).toBe('Timeout');
    await mock.deps.webhooks.idle();
    return { id: body.id as string, result };
  }

  const deliveryOf = async (resourceId: string) => {
    const res = await call(`${mock.baseUrl}/__admin/webhooks?resourceId=${resourceId}`);
    expect(res.body.deliveries).toHaveLength(1);
    return res.body.deliveries[0];
  };

  /** Moves the clock to the delivery's next attempt and waits for it; answers the delivery after. */
  async function nextAttempt(resourceId: string) {
    const before = await deliveryOf(resourceId);
    const now = (await admin.clock()).body.epochMs as number;
    await admin.advance(Math.max(0, (before.nextAttemptAt - now) / 1000));
    await mock.deps.webhooks.idle();
    return deliveryOf(resourceId);
  }

  it('when the scan ends, then the receiver gets the result object signed with the API key, and the signature verifies', async () => {
    receiver = await startReceiver([204]);
    const { result } = await endedScan(receiver.url);
    expect(receiver.received).toHaveLength(1);
    const [got] = receiver.received;
    expect(JSON.parse(got!.body)).toEqual(result.body);
    const expected = createHmac('sha256', client.apiKeys[0]!).update(got!.body, 'utf8').digest('base64');
    expect(got!.headers['x-zignsec-hmac-sha256']).toBe(expected);
    expect(got!.headers['content-type']).toMatch(/^application\/json/);
  });

  it('when the receiver fails 3 times and then answers 200, then it gets exactly 4 attempts, each after its backoff', async () => {
    receiver = await startReceiver([500, 503, 502, 200]);
    const { id } = await endedScan(receiver.url);
    let delivery = await deliveryOf(id);
    const waits: number[] = [];
    while (delivery.state === 'queued') {
      const due = delivery.nextAttemptAt - Date.parse(delivery.attempts.at(-1).at);
      waits.push(due / 1000);
      delivery = await nextAttempt(id);
    }
    expect(delivery.state).toBe('delivered');
    expect(delivery.attempts.map((a: { status: number }) => a.status)).toEqual([500, 503, 502, 200]);
    expect(receiver.received).toHaveLength(4);
    // 30 s, 60 s, 120 s nominal, each within ±15 %.
    [30, 60, 120].forEach((nominal, i) => {
      expect(waits[i]).toBeGreaterThanOrEqual(nominal * 0.85);
      expect(waits[i]).toBeLessThanOrEqual(nominal * 1.15);
    });
  });

  it('when the receiver is down for good, then it gets exactly 20 attempts within 48 hours, and the delivery fails', async () => {
    receiver = await startReceiver([500]);
    const { id } = await endedScan(receiver.url);
    let delivery = await deliveryOf(id);
    while (delivery.state === 'queued') delivery = await nextAttempt(id);
    expect(delivery.state).toBe('failed');
    expect(delivery.attempts).toHaveLength(20);
    expect(receiver.received).toHaveLength(20);
    const span = Date.parse(delivery.attempts.at(-1).at) - Date.parse(delivery.attempts[0].at);
    expect(span).toBeLessThanOrEqual(48 * HOUR * 1000);
    expect(span).toBeGreaterThan(24 * HOUR * 1000);
    // Nothing more comes, however far the clock goes.
    await admin.advance(100 * HOUR);
    await mock.deps.webhooks.idle();
    expect(receiver.received).toHaveLength(20);
  });

  it('when the clock jumps past the flow timeout, then the Timeout webhook goes out without anyone reading the scan', async () => {
    receiver = await startReceiver([204]);
    const { body } = await scanningApi(mock.baseUrl, client.apiKeys[0]).create({ webhook: receiver.url });
    await admin.advance(mock.deps.config.scanning.flowTimeoutSeconds + 1);
    await vi.waitFor(() => {
      expect(receiver.received).toHaveLength(1);
    });
    expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ id: body.id, status: 'Timeout' });
  });

  it('when a delivery is replayed, then one more attempt goes out', async () => {
    receiver = await startReceiver([204]);
    const { id } = await endedScan(receiver.url);
    const delivery = await deliveryOf(id);
    const replayed = await call(`${mock.baseUrl}/__admin/webhooks/${delivery.id}/replay`, { method: 'POST' });
    expect(replayed.status).toBe(202);
    await mock.deps.webhooks.idle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);
    expect(receiver.received[1]!.headers['idempotency-key']).toBe(delivery.id);
    expect(receiver.received[0]!.headers['idempotency-key']).toBe(delivery.id);
    expect((await deliveryOf(id)).attempts).toHaveLength(2);
  });

  it('when the webhook points at the sink, then the sink lists what it received, signature included', async () => {
    const sink = `${mock.baseUrl}/__admin/webhooks/sink/test-${client.clientId}`;
    const { result } = await endedScan(sink);
    const listed = await call(sink);
    expect(listed.status).toBe(200);
    expect(listed.body.received).toHaveLength(1);
    const [got] = listed.body.received;
    expect(JSON.parse(got.body)).toEqual(result.body);
    expect(got.headers['x-zignsec-hmac-sha256']).toBe(createHmac('sha256', client.apiKeys[0]!).update(got.body).digest('base64'));
    expect((await call(sink, { method: 'DELETE' })).status).toBe(204);
    expect((await call(sink)).body.received).toEqual([]);
  });

  it.each([
    ['a link-local address', 'http://169.254.169.254/latest/meta-data', /link-local/],
    ['an IPv6 link-local address', 'http://[fe80::1]/hook', /link-local/],
    ['credentials in the URL', 'http://user:pw@127.0.0.1/hook', /credentials/],
  ])('when the webhook is %s, then the scan is refused with INVALID_WEBHOOK', async (_name, url, reason) => {
    const res = await scanningApi(mock.baseUrl, client.apiKeys[0]).create({ webhook: url });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ code: 'INVALID_WEBHOOK', description: expect.stringMatching(reason) });
  });

  it('when the admin routes are asked wrongly, then ProblemDetails 404 and 400', async () => {
    expect((await call(`${mock.baseUrl}/__admin/webhooks/no-such-delivery`)).status).toBe(404);
    expect((await call(`${mock.baseUrl}/__admin/webhooks/no-such-delivery/replay`, { method: 'POST' })).status).toBe(404);
    const bad = await call(`${mock.baseUrl}/__admin/webhooks?limit=0`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/problem\+json/);
    expect((await call(`${mock.baseUrl}/__admin/webhooks/sink/${'x'.repeat(101)}`)).status).toBe(400);
  });

  it("when one client is reset, then its deliveries go and another client's stay", async () => {
    receiver = await startReceiver([204]);
    const { id } = await endedScan(receiver.url);
    const other = await admin.newClient();
    const otherScan = await scanningApi(mock.baseUrl, other.apiKeys[0]).create({ webhook: receiver.url });
    await admin.advance(mock.deps.config.scanning.flowTimeoutSeconds + 1);
    await scanningApi(mock.baseUrl, other.apiKeys[0]).result(otherScan.body.id);
    await mock.deps.webhooks.idle();
    expect((await admin.reset(client.clientId)).status).toBe(200);
    expect((await call(`${mock.baseUrl}/__admin/webhooks?resourceId=${id}`)).body.deliveries).toEqual([]);
    expect((await call(`${mock.baseUrl}/__admin/webhooks?resourceId=${otherScan.body.id}`)).body.deliveries).toHaveLength(1);
  });
});

describe('webhooks: the policy from config', () => {
  const mock = useMockServer({ webhooks: { allowList: ['hooks.example.com'], allowLoopback: false } });
  it.each([
    ['a host off the allow-list', 'https://elsewhere.example.com/hook', /not on the webhook allow-list/],
    ['loopback when refused', 'http://127.0.0.1:9/hook', /loopback/],
  ])('when the webhook is %s, then INVALID_WEBHOOK', async (_name, url, reason) => {
    const client = await adminApi(mock.baseUrl).newClient();
    const res = await scanningApi(mock.baseUrl, client.apiKeys[0]).create({ webhook: url });
    expect(res.body.errors[0]).toEqual({ code: 'INVALID_WEBHOOK', description: expect.stringMatching(reason) });
  });
  it('when the host is on the allow-list, then the scan is created', async () => {
    const client = await adminApi(mock.baseUrl).newClient();
    expect((await scanningApi(mock.baseUrl, client.apiKeys[0]).create({ webhook: 'https://hooks.example.com/zignsec' })).status).toBe(200);
  });
});

describe('webhooks: the outbox holds under a flood', () => {
  const mock = useMockServer({ webhooks: { timeoutMs: 60_000 } });

  it('when 10,000 events go to a receiver that never answers, then the caps hold, drops are counted, and another receiver still gets its event', async () => {
    const stuck = await startReceiver(['hang']);
    const healthy = await startReceiver([204]);
    try {
      const { webhooks, config } = mock.deps;
      const event = (url: string, i: number) => ({
        owner: 'flood',
        source: 'test',
        resourceId: `r${i}`,
        url,
        body: JSON.stringify({ i, pad: 'x'.repeat(500) }),
        headers: {},
      });
      const heapBefore = process.memoryUsage().heapUsed;
      let accepted = 0;
      for (let i = 0; i < 10_000; i++) if (webhooks.enqueue(event(stuck.url, i))) accepted++;
      expect(accepted).toBe(config.webhooks.maxQueuedPerTarget);
      const stats = webhooks.stats();
      expect(stats.queued + stats.inFlight).toBe(config.webhooks.maxQueuedPerTarget);
      expect(stats.inFlight).toBeLessThanOrEqual(config.webhooks.maxInFlightPerTarget);
      expect(stats.dropped['target-full']).toBe(10_000 - config.webhooks.maxQueuedPerTarget);
      // A thousand bodies of ~520 bytes and their records: far below this bound.
      expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);

      expect(webhooks.enqueue(event(healthy.url, -1))).toBeDefined();
      const deadline = Date.now() + 5000;
      while (healthy.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      expect(healthy.received).toHaveLength(1);
      expect(stuck.received.length).toBeLessThanOrEqual(config.webhooks.maxInFlightPerTarget);
    } finally {
      mock.deps.webhooks.clear();
      await stuck.close();
      await healthy.close();
    }
  });
});

describe('webhooks: the schedule', () => {
  it('when the defaults are used, then 20 attempts always fit in 48 hours', () => {
    const { webhooks } = parseConfig({});
    expect(webhooks.maxAttempts).toBe(20);
    expect(worstCaseSpanSeconds(webhooks)).toBeLessThanOrEqual(48 * HOUR);
  });
  it('when a schedule could run past its window, then the config is refused', () => {
    expect(() => parseConfig({ webhooks: { maxDelaySeconds: 86_400 } })).toThrow(/can run past windowHours/);
  });
});

describe('webhooks: a name that resolves to a link-local address', () => {
  it('when a receiver name resolves only into 169.254.0.0/16 or fe80::/10, then the lookup refuses it; other addresses pass', async () => {
    const { guardedLookup } = await import('../../mock-server/webhooks/post-webhook.js');
    const resolver = (answers: Array<{ address: string; family: number }>) =>
      guardedLookup((_h, _o, cb) => {
        cb(null, answers);
      });
    const ask = (lookup: ReturnType<typeof guardedLookup>) =>
      new Promise<{ err: NodeJS.ErrnoException | null; address: unknown }>((resolve) => {
        lookup('metadata.internal', {}, (err, address) => {
          resolve({ err, address });
        });
      });
    const metadata = await ask(
      resolver([
        { address: '169.254.169.254', family: 4 },
        { address: 'fe80::1', family: 6 },
      ]),
    );
    expect(metadata.err?.code).toBe('ELINKLOCAL');
    const mixed = await ask(
      resolver([
        { address: '169.254.169.254', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ]),
    );
    expect(mixed).toEqual({ err: null, address: '10.0.0.7' });
  });
});

describe('webhooks: the configurable envelope and signature', () => {
  const mock = useMockServer({ scanning: { webhook: { envelope: 'event', signing: 'timestamped', secret: 'whsec-test-secret' } } });
  const hex = useMockServer({ scanning: { webhook: { encoding: 'hex' } } });

  async function timedOut(on: typeof mock, sink: string) {
    const admin = adminApi(on.baseUrl);
    const client = await admin.newClient();
    const api = scanningApi(on.baseUrl, client.apiKeys[0]);
    const { body } = await api.create({ relay_state: 'env-1', webhook: sink });
    await admin.advance(on.deps.config.scanning.flowTimeoutSeconds + 1);
    await vi.waitFor(async () => {
      expect((await call(sink)).body.received).toHaveLength(1);
    });
    await admin.resetClock();
    return { id: body.id as string, client, got: (await call(sink)).body.received[0] as { body: string; headers: Record<string, string> } };
  }

  it("when the event envelope and timestamped signing are configured, then the gateway family's body comes signed t=,v1= with the secret", async () => {
    const { id, client, got } = await timedOut(mock, `${mock.baseUrl}/__admin/webhooks/sink/event-${randomUUID()}`);
    expect(JSON.parse(got.body)).toMatchObject({
      event: 'session_updated',
      id,
      integration_id: client.clientId,
      relay_state: 'env-1',
      workflow_session_id: id,
      result: { errors: [], status: 'Timeout', eventSpecificData: { documentAnalysis: { status: 'Cancelled' } } },
    });
    const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(got.headers['x-zignsec-hmac-sha256']!);
    expect(match).not.toBeNull();
    expect(match![2]).toBe(createHmac('sha256', 'whsec-test-secret').update(`${match![1]}.${got.body}`).digest('hex'));
  });

  it('when hex encoding is configured, then the API-key HMAC comes as hex', async () => {
    const { client, got } = await timedOut(hex, `${hex.baseUrl}/__admin/webhooks/sink/hex-${randomUUID()}`);
    expect(got.headers['x-zignsec-hmac-sha256']).toBe(createHmac('sha256', client.apiKeys[0]!).update(got.body).digest('hex'));
  });

  it('when timestamped signing has no secret, then the config is refused', () => {
    expect(() => parseConfig({ scanning: { webhook: { signing: 'timestamped' } } })).toThrow(/timestamped signing needs a secret/);
  });
});
