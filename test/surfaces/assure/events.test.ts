import { createHmac, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call } from '../../helpers/api-client.js';
import { adminApi } from '../../helpers/admin-client.js';
import { newAssureBackend } from '../../helpers/assure-client.js';
import { useMockServer } from '../../helpers/mock-server.js';

const sinkOf = async (url: string) =>
  ((await fetch(url).then((r) => r.json())) as { received: Array<{ body: string; headers: Record<string, string> }> }).received;

async function until<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const got = await probe();
    if (got !== undefined) return got;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('never happened');
}

describe('Assure events: process.complete and the legacy callback', () => {
  const mock = useMockServer({ assure: { processingSeconds: 1, eidCaptureSeconds: 0, events: { signatureHeader: 'X-Test-Signature', encoding: 'base64' } } });

  it('when a subscription has a secret, then each event is signed as configured and a receiver of its own verifies it', async () => {
    const { api, client } = await newAssureBackend(mock.baseUrl);
    const sink = `${mock.baseUrl}/__admin/webhooks/sink/ev-${randomUUID()}`;
    await call(`${mock.baseUrl}/__admin/assure/subscriptions/${client.clientId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscriptions: [{ url: sink, secret: 's3cret' }] }),
    });
    const { dossierId } = (await api.createDossier()).body;
    const { processId } = (await api.createProcess(dossierId, { provider: 'eid' }, 'failed;variant=inactive-user')).body;
    await adminApi(mock.baseUrl).advance(2);
    const [event] = await until(async () => ((await sinkOf(sink)).length > 0 ? sinkOf(sink) : undefined));
    const expected = createHmac('sha256', 's3cret').update(event!.body, 'utf8').digest('base64');
    expect(event!.headers['x-test-signature']).toBe(expected);
    expect(JSON.parse(event!.body)).toMatchObject({ eventName: 'process.complete', eventData: { dossierId, processId, provider: 'eid', status: 'failed' } });
    // One event per finished process: reading it again sends nothing more.
    await api.process(dossierId, processId);
    await adminApi(mock.baseUrl).advance(1);
    expect(await sinkOf(sink)).toHaveLength(1);
  });

  it('when many reads race at the instant the verdict falls due, then the process ends once and one event goes', async () => {
    const { api, client } = await newAssureBackend(mock.baseUrl);
    const sink = `${mock.baseUrl}/__admin/webhooks/sink/race-${randomUUID()}`;
    await call(`${mock.baseUrl}/__admin/assure/subscriptions/${client.clientId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscriptions: [{ url: sink }] }),
    });
    const { dossierId } = (await api.createDossier()).body;
    const { processId } = (await api.createProcess(dossierId, { provider: 'eid' })).body;
    // The virtual clock jumps (which settles due processes itself) while twenty reads are in flight.
    const reads = Array.from({ length: 20 }, () => api.process(dossierId, processId));
    await adminApi(mock.baseUrl).advance(2);
    const bodies = await Promise.all([...reads, ...Array.from({ length: 20 }, () => api.process(dossierId, processId))]);
    expect(new Set(bodies.slice(20).map((b) => b.body.status))).toEqual(new Set(['accepted']));
    await until(async () => ((await sinkOf(sink)).length > 0 ? true : undefined));
    await adminApi(mock.baseUrl).advance(1);
    expect(await sinkOf(sink)).toHaveLength(1);
    expect((await call(`${mock.baseUrl}/__admin/webhooks?resourceId=${processId}`)).body.deliveries).toHaveLength(1);
  });

  it('when the receiver fails, then the event is retried as scanning webhooks are, until it answers 2xx', async () => {
    const { api, client } = await newAssureBackend(mock.baseUrl);
    const name = `retry-${randomUUID()}`;
    const failing = `${mock.baseUrl}/__admin/webhooks/sink/${name}?status=500`;
    await call(`${mock.baseUrl}/__admin/assure/subscriptions/${client.clientId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscriptions: [{ url: failing }] }),
    });
    const { dossierId } = (await api.createDossier()).body;
    const { processId } = (await api.createProcess(dossierId, { provider: 'eid' })).body;
    await adminApi(mock.baseUrl).advance(2);
    const first = await until(async () => {
      const list = (await call(`${mock.baseUrl}/__admin/webhooks?resourceId=${processId}`)).body.deliveries;
      return list.length > 0 && list[0].attempts.length > 0 ? list[0] : undefined;
    });
    expect(first.source).toBe('assure');
    expect(first.attempts[0].status).toBe(500);
    expect(first.attempts[0].headers?.['x-test-signature']).toBeUndefined();
    await adminApi(mock.baseUrl).advance(60);
    const retried = await until(async () => {
      const d = (await call(`${mock.baseUrl}/__admin/webhooks?resourceId=${processId}`)).body.deliveries[0];
      return d.attempts.length > 1 ? d : undefined;
    });
    expect(retried.attempts).toHaveLength(2);
    expect((await sinkOf(`${mock.baseUrl}/__admin/webhooks/sink/${name}`)).length).toBe(2);
  });

  it('when a process names a notificationUrl and authorizationHeader, then the legacy callback {dossierId, processId, status} goes there with it', async () => {
    const { api } = await newAssureBackend(mock.baseUrl);
    const sink = `${mock.baseUrl}/__admin/webhooks/sink/legacy-${randomUUID()}`;
    const { dossierId } = (await api.createDossier()).body;
    const created = await api.createProcess(dossierId, { provider: 'eid', notificationUrl: sink, authorizationHeader: 'Bearer my-own-secret' });
    expect(created.body.notificationUrl).toBe(sink);
    await adminApi(mock.baseUrl).advance(2);
    const [got] = await until(async () => ((await sinkOf(sink)).length > 0 ? sinkOf(sink) : undefined));
    expect(JSON.parse(got!.body)).toEqual({ dossierId, processId: created.body.processId, status: 'accepted' });
    expect(got!.headers.authorization).toBe('Bearer my-own-secret');
  });

  it('when a notificationUrl is no URL, then 400 names it', async () => {
    const { api } = await newAssureBackend(mock.baseUrl);
    const { dossierId } = (await api.createDossier()).body;
    const res = await api.createProcess(dossierId, { provider: 'eid', notificationUrl: 'not a url' });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].name).toBe('notificationUrl');
  });
});
