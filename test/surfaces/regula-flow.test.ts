import { describe, expect, it } from 'vitest';
import { readDecision } from '../../fixtures/docreader/index.js';
import { validateResponse } from '../../openapi/validate-regula.js';
import { useMockServer } from '../helpers/mock-server.js';
import { DOCREADER, zeroTrustFlow } from '../helpers/regula-flow.js';

describe('the zero-trust flow of the Mobile SDK guide', () => {
  const mock = useMockServer();

  it('when the phone uploads, the backend binds and reprocesses with the liveness as livePortrait, then a full accepted result comes back', async () => {
    const flow = await zeroTrustFlow(mock);

    const res = await flow.reprocess();

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ transactionId: flow.documentId, tag: flow.sessionId, ProcessingFinished: 1 });
    expect(res.text.length).toBeGreaterThan(20_000);
    const decision = readDecision(res.body);
    expect(decision).toMatchObject({ overallStatus: 1, optical: 1, portrait: 1, docValidity: 1 });
    expect(decision.portraitSimilarity).toBeGreaterThanOrEqual(75);
    const types = new Set(res.body.ContainerList.List.map((c: { result_type: number }) => c.result_type));
    expect([...types].sort((a, b) => (a as number) - (b as number))).toEqual([9, 20, 30, 33, 36, 37]);
    expect((await flow.api.liveness(flow.livenessId)).body).toMatchObject({ status: 0, code: 0, transactionId: flow.livenessId, tag: flow.sessionId });
  });

  it('when results are read with images, then they are base64; without, URLs that the file route serves as PNG', async () => {
    const flow = await zeroTrustFlow(mock);
    await flow.reprocess();

    const withImages = await flow.api.results(flow.documentId, true);
    const withUrls = await flow.api.results(flow.documentId, false);

    expect(withImages.status).toBe(200);
    const urls = [...withUrls.text.matchAll(/"(http:[^"]+\/file\?name=[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(2);
    expect(withImages.text).not.toMatch(/\/file\?name=/);
    for (const url of new Set(urls)) {
      const file = await fetch(url, { headers: flow.api.headers });
      expect(file.status).toBe(200);
      expect(file.headers.get('content-type')).toBe('image/png');
      const bytes = Buffer.from(await file.arrayBuffer());
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(withImages.text).toContain(bytes.toString('base64').slice(0, 200));
    }
    expect((await flow.api.get(`${DOCREADER}/api/v2/transaction/${flow.documentId}/file?name=nothing.png`)).status).toBe(404);
  });

  it('when the same transaction is reprocessed with useCache, then the stored decision is kept; without it, the new request decides', async () => {
    const flow = await zeroTrustFlow(mock, { sessionScenario: 'inconclusive;variant=near-threshold' });
    const first = readDecision((await flow.reprocess({ threshold: 60 })).body);

    const cached = readDecision((await flow.reprocess({ threshold: 90 }, '?useCache=true')).body);
    const fresh = readDecision((await flow.reprocess({ threshold: 90 })).body);

    expect(cached.portraitSimilarity).toBe(first.portraitSimilarity);
    expect(Math.abs(first.portraitSimilarity! - 60)).toBeLessThanOrEqual(3);
    expect(Math.abs(fresh.portraitSimilarity! - 90)).toBeLessThanOrEqual(3);
  });

  it('when the transaction is read, then its input and output files are listed, and its tag lists and deletes it', async () => {
    const flow = await zeroTrustFlow(mock);
    await flow.reprocess();

    const info = await flow.api.transaction(flow.documentId);
    expect(info.body).toMatchObject({ transactionId: flow.documentId, tag: flow.sessionId, outData: { url: expect.stringMatching(/\/results$/) } });
    expect(info.body.outData.images.length).toBeGreaterThan(2);

    const tagged = await flow.api.get(`${DOCREADER}/api/v2/tag/${flow.sessionId}/transactions`);
    expect(tagged.body).toEqual({ items: [{ id: flow.documentId, state: 2, updatedAt: expect.any(String) }], metadata: {} });
    expect(validateResponse('docreader', `GET /api/v2/tag/${flow.sessionId}/transactions`, 200, tagged.body)).toEqual([]);
    expect(validateResponse('docreader', `GET /api/v2/transaction/${flow.documentId}`, 200, info.body)).toEqual([]);
    const deleted = await flow.api.raw(`${DOCREADER}/api/v2/tag/${flow.sessionId}`, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect((await flow.api.get(`${DOCREADER}/api/v2/tag/${flow.sessionId}/transactions`)).body.items).toEqual([]);
  });

  it('when processParam.faceApi.threshold moves, then the reported similarity follows it on both sides', async () => {
    const same = await zeroTrustFlow(mock);
    const strict = readDecision((await same.reprocess({ threshold: 99 })).body);
    expect(strict).toMatchObject({ portrait: 1 });
    expect(strict.portraitSimilarity).toBeGreaterThanOrEqual(99);

    const other = await zeroTrustFlow(mock, { sessionScenario: 'rejected;variant=face-mismatch' });
    const lenient = readDecision((await other.reprocess({ threshold: 30 })).body);
    expect(lenient).toMatchObject({ portrait: 0 });
    expect(lenient.portraitSimilarity).toBeLessThan(30);
  });

  it("when the request is not a valid reprocess request, then 400 in Regula's error shape", async () => {
    const flow = await zeroTrustFlow(mock);
    for (const body of [{}, { processParam: { scenario: 'Everything' } }, { processParam: { scenario: 'FullAuth', faceApi: { threshold: 101 } } }]) {
      const res = await flow.api.reprocess(flow.documentId, body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ statusCode: 400, type: 'BadRequest', msg: expect.any(String) });
    }
    const broken = await flow.api.raw(`${DOCREADER}/api/v2/transaction/${flow.documentId}/process`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"processParam":',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ statusCode: 400, msg: 'The request body is not valid JSON.' });
  });
});

describe('selection rules on a transaction tag', () => {
  const mock = useMockServer({
    scenarios: { selection: { rules: [{ when: { kind: 'transaction', attributes: { tag: '/^spoof-/' } }, use: 'failed;variant=liveness-failed' }] } },
  });

  it("when the SDK starts a liveness with a tag the rule matches, then that transaction gets the rule's scenario", async () => {
    const flow = await zeroTrustFlow(mock);
    const started = await flow.api.post('/mobilesdk/faceapi/api/v2/liveness/start', { tag: 'spoof-attempt-1' });
    const plain = await flow.api.post('/mobilesdk/faceapi/api/v2/liveness/start', { tag: 'ordinary-1' });
    const upload = (id: string) =>
      flow.api.raw(`/mobilesdk/faceapi/api/v2/liveness?transactionId=${id}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream' },
        body: Buffer.from('frames'),
      });

    expect(await (await upload(started.body.transactionId)).json()).toMatchObject({ status: 1, code: 254, tag: 'spoof-attempt-1' });
    expect(await (await upload(plain.body.transactionId)).json()).toMatchObject({ status: 0, code: 0 });
  });
});
