import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maskBody, maskHeader } from '../../mock-server/admin/secret-mask.js';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { VirtualClock } from '../../mock-server/core/clock.js';
import { bytesPreview, jsonPreview } from '../../mock-server/pipeline/body-preview.js';
import { jsonBody } from '../../mock-server/pipeline/json-body.js';
import { journalRecorder, RequestJournal } from '../../mock-server/pipeline/request-journal.js';
import { requestPreview, responsePreview, type Exchange } from '../../mock-server/pipeline/request-exchanges.js';
import { sendJsonChunks } from '../../mock-server/pipeline/send-chunks.js';
import { uploadBody } from '../../mock-server/pipeline/upload-body.js';

const exchange = (seq: number): Exchange => ({
  seq,
  requestHeaders: { host: 'h' },
  requestBody: undefined,
  requestBytes: 0,
  responseHeaders: {},
  response: undefined,
});

describe('journal: numbers and whole exchanges', () => {
  it('when requests are recorded, then each gets the next number, and an entry is found by it while the ring holds it', () => {
    const journal = new RequestJournal(3, { exchanges: 2, bodyBytes: 16 });
    const seqs = [0, 1, 2, 3].map((i) => journal.record(i, 'GET', `/p${i}`, 200, 1, undefined, exchange));
    expect(seqs).toEqual([0, 1, 2, 3]);
    expect(journal.entry(0)).toBeUndefined();
    expect(journal.entry(1)?.path).toBe('/p1');
    expect(journal.entry(3)?.path).toBe('/p3');
    expect(journal.entry(4)).toBeUndefined();
    // The exchange ring is smaller: only the last two keep their exchange.
    expect(journal.exchange(1)).toBeUndefined();
    expect(journal.exchange(2)?.seq).toBe(2);
    expect(journal.exchange(3)?.seq).toBe(3);
  });

  it('when the journal is cleared, then numbers go on from where they were, so an old link never shows a new request', () => {
    const journal = new RequestJournal(4, { exchanges: 4, bodyBytes: 16 });
    journal.record(0, 'GET', '/old', 200, 1, undefined, exchange);
    journal.clear();
    expect(journal.entry(0)).toBeUndefined();
    expect(journal.exchange(0)).toBeUndefined();
    expect(journal.record(0, 'GET', '/new', 200, 1, undefined, exchange)).toBe(1);
    expect(journal.entry(1)?.path).toBe('/new');
    expect(journal.query().map((e) => e.seq)).toEqual([1]);
  });

  it('when a listener is on, then it gets each entry as recorded, and nothing once it stops', () => {
    const journal = new RequestJournal(4);
    const seen: string[] = [];
    const stop = journal.onRecord((e) => seen.push(e.path));
    journal.record(0, 'GET', '/a', 200, 1, { clientId: 'c' });
    stop();
    journal.record(0, 'GET', '/b', 200, 1, undefined);
    expect(seen).toEqual(['/a']);
  });

  it('when a match test is given, then the query keeps only what it accepts', () => {
    const journal = new RequestJournal(5);
    for (const status of [200, 401, 404, 500]) journal.record(0, 'GET', `/s${status}`, status, 1, undefined);
    expect(journal.query({ match: (e) => e.status >= 400 && e.status < 500 }).map((e) => e.status)).toEqual([404, 401]);
  });

  it('when the journal is off, then recording keeps nothing and answers -1', () => {
    const journal = new RequestJournal(0, { exchanges: 10, bodyBytes: 10 });
    expect(journal.keepsExchanges).toBe(false);
    expect(journal.record(0, 'GET', '/', 200, 1, undefined, exchange)).toBe(-1);
  });
});

describe('body previews', () => {
  it('when a parsed body holds megabytes in one string, then its preview is cut at the limit without writing it whole', () => {
    const body = { image: 'A'.repeat(5_000_000), tag: 't' };
    const started = performance.now();
    const preview = jsonPreview(body, 5_000_030, 100);
    expect(performance.now() - started).toBeLessThan(50);
    expect(preview.text).toHaveLength(100);
    expect(preview.text.startsWith('{"image":"AAAA')).toBe(true);
    expect(preview).toMatchObject({ truncated: true, parsed: true, bytes: 5_000_030 });
  });

  it('when a parsed body fits, then its preview is its JSON, not cut', () => {
    const body = { a: [1, 'two', null, true], b: { c: 'd' } };
    expect(jsonPreview(body, 40, 1000)).toEqual({ text: JSON.stringify(body), bytes: 40, truncated: false, parsed: true });
  });

  it('when raw bytes are binary, then the preview is their head in hex; when they are text, the text', () => {
    const binary = bytesPreview([Buffer.from([0, 1, 2, 255, 254])], 5, 100);
    expect(binary).toEqual({ text: '000102fffe', bytes: 5, truncated: false, binary: true });
    expect(bytesPreview([Buffer.from('héllo')], 6, 100)).toEqual({ text: 'héllo', bytes: 6, truncated: false });
    // A character cut in two at the limit is still text.
    expect(bytesPreview([Buffer.from('héllo').subarray(0, 2)], 6, 2)).toMatchObject({ text: 'h', truncated: true });
  });
});

describe('exchanges of real requests', () => {
  const MAX = 64;
  const journal = new RequestJournal(50, { exchanges: 50, bodyBytes: MAX });
  const app = express();
  app.use(journalRecorder(journal, new VirtualClock()));
  app.post('/json', jsonBody(1 << 20, 32), (req, res) => {
    res.json({ got: Object.keys(req.body as object) });
  });
  app.post('/upload', uploadBody(1 << 20), (_req, res) => {
    sendJsonChunks(res, 201, [Buffer.from('{"parts":'), Buffer.from('"two"}')]);
  });
  app.get('/binary', (_req, res) => {
    res.type('application/octet-stream').send(Buffer.from([0, 1, 2, 3, 255]));
  });
  app.get('/long', (_req, res) => {
    res.type('text/plain').send('é'.repeat(1000));
  });
  app.get('/stream', (_req, res) => {
    res.type('text/plain');
    for (let i = 0; i < 100; i++) res.write(i % 2 ? 'b' : Buffer.from('a'));
    res.end();
  });
  let base = '';
  let server: ReturnType<typeof app.listen>;
  beforeAll(async () => {
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.close();
  });

  /** Makes a request and answers the exchange the journal kept of it (once the response has closed). */
  async function exchangeOf(path: string, init?: RequestInit) {
    const before = journal.stats().recorded;
    await (await fetch(`${base}${path}`, init)).arrayBuffer();
    await vi.waitFor(() => {
      expect(journal.stats().recorded).toBe(before + 1);
    });
    const [entry] = journal.query({ limit: 1 });
    return journal.exchange(entry!.seq)!;
  }

  it('when a small JSON body is posted, then its exchange shows the body as parsed and the answer as sent', async () => {
    const ex = await exchangeOf('/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1,"b":[true]}' });
    expect(requestPreview(ex, MAX)).toEqual({ text: '{"a":1,"b":[true]}', bytes: 18, truncated: false, parsed: true });
    expect(responsePreview(ex, MAX)).toEqual({ text: '{"got":["a","b"]}', bytes: 17, truncated: false });
    expect(ex.requestHeaders['content-type']).toBe('application/json');
    expect(ex.responseHeaders['content-type']).toMatch(/^application\/json/);
  });

  it('when a large JSON body is posted, then only its head is kept, cut at the limit', async () => {
    const body = JSON.stringify({ image: 'A'.repeat(100_000) });
    const ex = await exchangeOf('/json', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const preview = requestPreview(ex, MAX)!;
    expect(preview.text).toHaveLength(MAX);
    expect(preview).toMatchObject({ truncated: true, bytes: body.length });
  });

  it('when an upload is answered in Buffer chunks, then the request shows as bytes and the answer as its joined text', async () => {
    const ex = await exchangeOf('/upload', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: new Uint8Array([0, 159, 146, 150]),
    });
    expect(requestPreview(ex, MAX)).toEqual({ text: '009f9296', bytes: 4, truncated: false, binary: true });
    expect(responsePreview(ex, MAX)).toEqual({ text: '{"parts":"two"}', bytes: 15, truncated: false });
  });

  it('when an answer is binary, long, or streamed in many small writes, then its head is kept and its size counted', async () => {
    expect(responsePreview(await exchangeOf('/binary'), MAX)).toEqual({ text: '00010203ff', bytes: 5, truncated: false, binary: true });
    const long = responsePreview(await exchangeOf('/long'), MAX)!;
    expect(long).toMatchObject({ text: 'é'.repeat(MAX / 2), bytes: 2000, truncated: true });
    const streamed = responsePreview(await exchangeOf('/stream'), MAX)!;
    expect(streamed.text).toBe('ab'.repeat(15));
    expect(streamed.bytes).toBe(100);
    expect(streamed.truncated).toBe(true);
  });

  it('when a request had no body, then there is none to show', async () => {
    expect(requestPreview(await exchangeOf('/binary'), MAX)).toBeUndefined();
  });
});

describe('what the control plane masks', () => {
  it.each([
    ['authorization', 'Bearer eyJhbGciOiJSUzI1NiJ9.abc.defghijk1234', 'Bearer ••••1234'],
    ['Authorization', '00000000-e2a2-4968-b651-5352305c9fb0', '••••9fb0'],
    ['zs-product-key', 'demo-key-1', '••••'],
    ['cookie', 'a=1; b=2', 'a=••••; b=••••'],
    ['content-type', 'application/json', 'application/json'],
  ])('when header %s is %s, then it shows as %s', (name, value, shown) => {
    expect(maskHeader(name, value)).toBe(shown);
  });

  it('when a body carries credentials as JSON or as a form, then their values are masked and the rest stays', () => {
    expect(maskBody('{"access_token":"eyJhbGciOiJSUzI1NiJ9.payload.signature","expires_in":1200}')).toBe('{"access_token":"••••ture","expires_in":1200}');
    expect(maskBody('{"productKeys":["k1","k2"],"clientId":"c"}')).toBe('{"productKeys":["••••"],"clientId":"c"}');
    expect(maskBody('grant_type=client_credentials&client_secret=demo-secret')).toBe('grant_type=client_credentials&client_secret=••••');
    // A preview cut inside a secret's value still hides what it holds.
    expect(maskBody('{"a":1,"client_secret":"half-of-a-secr')).toBe('{"a":1,"client_secret":"••••');
  });
});
