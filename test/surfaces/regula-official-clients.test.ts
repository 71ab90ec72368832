import { DocumentReaderApi } from '@regulaforensics/document-reader-webclient';
import { Configuration, FaceSdk } from '@regulaforensics/facesdk-webclient';
import { describe, expect, it } from 'vitest';
import { useMockServer } from '../helpers/mock-server.js';
import { DOCREADER, FACEAPI, reprocessBody, zeroTrustFlow } from '../helpers/regula-flow.js';

/** Regula's own web clients, unmodified: only their base path and the gateway's two headers are set. */
describe("Regula's official web clients against the mock", () => {
  const mock = useMockServer();

  it('when document-reader-webclient pings, reprocesses, reads results and lists a tag, then every call succeeds', async () => {
    const flow = await zeroTrustFlow(mock, { sessionScenario: 'rejected;variant=face-mismatch' });
    const api = new DocumentReaderApi({ basePath: `${mock.baseUrl}${DOCREADER}`, baseOptions: { headers: flow.api.headers } });

    const ping = await api.ping();
    expect(ping['app-name']).toBe('Regula Document Reader Web API');
    const health = await api.health();
    expect(health.app).toBe('Regula Document Reader Web API');

    const reprocessed = await api.reprocessTransaction(flow.documentId, reprocessBody(flow.livenessId) as never);
    expect(reprocessed.status).toBe(200);
    expect((reprocessed.data as unknown as { transactionId: string }).transactionId).toBe(flow.documentId);

    const result = await api.getReprocessTransactionResult(flow.documentId, true);
    expect(result.status?.overallStatus).toBe(0);
    expect(result.status?.portrait).toBe(0);
    expect(result.text?.fieldList.length).toBeGreaterThan(5);
    expect(result.documentType()?.DocumentName).toMatch(/^(Sweden|Finland|Norway|Denmark) - /);
    expect(result.authenticity()).toBeDefined();
    expect(result.imageQualityChecks()).toBeDefined();

    const byTag = await api.getTransactionsByTag(flow.sessionId);
    expect(byTag.data.items?.map((i) => i.id)).toEqual([flow.documentId]);
  });

  it('when document-reader-webclient processes images directly, then it parses the accepted result', async () => {
    const flow = await zeroTrustFlow(mock);
    const api = new DocumentReaderApi({ basePath: `${mock.baseUrl}${DOCREADER}`, baseOptions: { headers: flow.api.headers } });
    const result = await api.process({
      images: [Buffer.from('a page').toString('base64')],
      processParam: { scenario: 'FullProcess' as never },
    });
    expect(result.status?.overallStatus).toBe(1);
    expect(result.text?.fieldList[0]?.value).toEqual(expect.any(String));
    expect(result.images?.fieldList.length).toBeGreaterThan(0);
  });

  it('when facesdk-webclient asks readiness, reads the liveness transaction, matches and detects, then every call succeeds', async () => {
    const flow = await zeroTrustFlow(mock);
    const sdk = new FaceSdk(new Configuration({ basePath: `${mock.baseUrl}${FACEAPI}`, baseOptions: { headers: flow.api.headers } }));
    const image = Buffer.from('a face').toString('base64');

    await sdk.diagnosticsApi.readiness();
    const liveness = await sdk.livenessApi.getLivenessTransactionInfo(flow.livenessId);
    expect(liveness).toMatchObject({ status: 0, transactionId: flow.livenessId, tag: flow.sessionId });

    const match = await sdk.matchingApi.match({
      images: [
        { type: 1, data: image },
        { type: 3, data: image },
      ],
    } as never);
    expect(match.code).toBe(0);
    expect(match.results?.[0]?.similarity).toBeGreaterThan(0.75);

    const detect = await sdk.matchingApi.detect({ image });
    expect(detect.code).toBe(0);
    expect(detect.results?.detections.length).toBeGreaterThan(0);
  });

  it('when the gateway headers are missing, then the official client sees the gateway 401', async () => {
    const api = new DocumentReaderApi({ basePath: `${mock.baseUrl}${DOCREADER}` });
    await expect(api.ping()).rejects.toMatchObject({ response: { status: 401 } });
  });
});
