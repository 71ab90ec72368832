import { describe, expect, it } from 'vitest';
import { readDecision, type Decision } from '../../fixtures/docreader/index.js';
import { validateResponse } from '../../openapi/validate-regula.js';
import { useMockServer } from '../helpers/mock-server.js';
import { DOCREADER, FACEAPI, zeroTrustFlow } from '../helpers/regula-flow.js';

interface Row {
  scenario: string;
  /** What a backend reads from the reprocess answer. */
  decision?: Partial<Decision>;
  check?: (d: Decision) => void;
  /** Status of the reprocess itself. */
  status?: number;
  liveness: { status: 0 | 1; code: number };
}

const PASSED = { status: 0, code: 0 } as const;

/** FullAuth, Face API on, threshold 75: the fields a backend decides on, per scenario and variant. */
const TABLE: Row[] = [
  {
    scenario: 'accepted',
    decision: { overallStatus: 1, optical: 1, portrait: 1, docValidity: 1, security: 1 },
    check: (d) => {
      expect(d.portraitSimilarity).toBeGreaterThanOrEqual(75);
    },
    liveness: PASSED,
  },
  { scenario: 'rejected', decision: { overallStatus: 0, docValidity: 0, portrait: 1 }, liveness: PASSED },
  {
    scenario: 'rejected;variant=mrz-visual-mismatch',
    decision: { overallStatus: 0, textComparison: 0, docValidity: 1 },
    check: (d) => {
      expect(d.mismatchedFields).toEqual(['Document Number']);
    },
    liveness: PASSED,
  },
  {
    scenario: 'rejected;variant=security-feature',
    decision: { overallStatus: 0, security: 0 },
    check: (d) => {
      expect(d.failedSecurityChecks.length).toBeGreaterThan(0);
    },
    liveness: PASSED,
  },
  {
    scenario: 'rejected;variant=face-mismatch',
    decision: { overallStatus: 0, optical: 1, portrait: 0 },
    check: (d) => {
      expect(d.portraitSimilarity).toBeLessThan(75);
    },
    liveness: PASSED,
  },
  { scenario: 'inconclusive', decision: { overallStatus: 2, optical: 2, portrait: 2 }, liveness: PASSED },
  { scenario: 'inconclusive;variant=poor-image-quality', decision: { overallStatus: 2, optical: 2, imageQA: 0 }, liveness: PASSED },
  {
    scenario: 'inconclusive;variant=near-threshold',
    decision: { overallStatus: 2, portrait: 2 },
    check: (d) => {
      expect(Math.abs(d.portraitSimilarity! - 75)).toBeLessThanOrEqual(3);
    },
    liveness: PASSED,
  },
  { scenario: 'failed', status: 400, liveness: PASSED },
  { scenario: 'failed;variant=timeout', decision: { processingFinished: 2 }, liveness: PASSED },
  {
    scenario: 'failed;variant=face-service-error',
    check: (d) => {
      expect(d.portrait).not.toBe(1);
    },
    liveness: PASSED,
  },
  { scenario: 'failed;variant=liveness-failed', decision: { overallStatus: 1 }, liveness: { status: 1, code: 254 } },
];

describe('outcomes through the gateway: every scenario, every Regula answer valid', () => {
  const mock = useMockServer();

  describe.each(TABLE)('session scenario $scenario', (row) => {
    it("then reprocess, results, the transaction, its files and the liveness answer as the scenario says, valid against Regula's definitions", async () => {
      const flow = await zeroTrustFlow(mock, { sessionScenario: row.scenario });
      const path = `/api/v2/transaction/${flow.documentId}`;

      const reprocess = await flow.reprocess();
      expect(reprocess.status).toBe(row.status ?? 200);
      expect(validateResponse('docreader', `POST ${path}/process`, reprocess.status, reprocess.body)).toEqual([]);
      if (reprocess.status === 200) {
        const decision = readDecision(reprocess.body);
        if (row.decision) expect(decision).toMatchObject(row.decision);
        row.check?.(decision);
        for (const withImages of [true, false]) {
          const results = await flow.api.results(flow.documentId, withImages);
          expect(results.status).toBe(200);
          expect(validateResponse('docreader', `GET ${path}/results`, 200, results.body)).toEqual([]);
          expect(readDecision(results.body)).toEqual(decision);
        }
        const info = await flow.api.transaction(flow.documentId);
        expect(validateResponse('docreader', `GET ${path}`, 200, info.body)).toEqual([]);
      } else {
        expect(reprocess.body).toMatchObject({ statusCode: 400, type: expect.any(String), msg: expect.any(String) });
      }

      const liveness = await flow.api.liveness(flow.livenessId);
      expect(liveness.body).toMatchObject(row.liveness);
      expect(validateResponse('faceapi', 'get_liveness_transaction_info', 200, liveness.body)).toEqual([]);
    });
  });

  it("when the device names a scenario on its own transaction, then it beats the session's", async () => {
    const flow = await zeroTrustFlow(mock, { sessionScenario: 'accepted', deviceScenario: 'rejected;variant=face-mismatch' });
    expect(readDecision((await flow.reprocess()).body)).toMatchObject({ overallStatus: 0, portrait: 0 });
  });

  it('when a scenario names a check the request does not ask for, then the document reads as accepted and a diagnostic says why', async () => {
    const flow = await zeroTrustFlow(mock, { sessionScenario: 'rejected;variant=face-mismatch' });
    const res = await flow.reprocess({ useFaceApi: false });
    expect(readDecision(res.body)).toMatchObject({ overallStatus: 1, portrait: 2 });
    expect(res.headers.get('x-mock-diagnostic')).toMatch(/compared only with processParam.useFaceApi/);
  });

  it.each([
    ['GET', `${DOCREADER}/api/ping`, 'docreader', 'ping'],
    ['GET', `${DOCREADER}/api/healthz`, 'docreader', 'healthz'],
    ['GET', `${FACEAPI}/api/healthz`, 'faceapi', 'healthz'],
  ] as const)("when %s %s is called, then the answer is valid against Regula's definitions", async (_m, path, api, op) => {
    const flow = await zeroTrustFlow(mock);
    const res = await flow.api.get(path);
    expect(res.status).toBe(200);
    expect(validateResponse(api, op, 200, res.body)).toEqual([]);
  });

  it.each([['accepted'], ['rejected'], ['inconclusive'], ['inconclusive;variant=near-threshold']])(
    'when /api/process, /api/match and /api/detect run under %s, then each answer is valid',
    async (scenario) => {
      const flow = await zeroTrustFlow(mock);
      const header = { 'x-mock-scenario': scenario };
      const image = Buffer.from('not really an image').toString('base64');
      const processed = await flow.api.post(
        `${DOCREADER}/api/process`,
        { processParam: { scenario: 'FullProcess' }, List: [{ ImageData: { image }, light: 6, page_idx: 0 }] },
        header,
      );
      expect(processed.status).toBe(200);
      expect(validateResponse('docreader', 'api-process', 200, processed.body)).toEqual([]);
      const match = await flow.api.post(
        `${FACEAPI}/api/match`,
        {
          images: [
            { type: 1, data: image },
            { type: 3, data: image },
          ],
        },
        header,
      );
      expect(match.status).toBe(200);
      expect(validateResponse('faceapi', 'match', 200, match.body)).toEqual([]);
      const detect = await flow.api.post(`${FACEAPI}/api/detect`, { image }, header);
      expect(detect.status).toBe(200);
      expect(validateResponse('faceapi', 'detect', 200, detect.body)).toEqual([]);
      if (scenario === 'rejected') expect(match.body.results[0].similarity).toBeLessThan(0.75);
      if (scenario === 'accepted') expect(match.body.results[0].similarity).toBeGreaterThanOrEqual(0.75);
    },
  );

  it('when /api/match gets fewer than two images, then 400 in OperationLog form', async () => {
    const flow = await zeroTrustFlow(mock);
    const res = await flow.api.post(`${FACEAPI}/api/match`, { images: [{ data: 'aGk=' }] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'BadRequest', msg: expect.stringMatching(/two images/) });
  });
});
