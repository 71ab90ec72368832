import { describe, expect, it } from 'vitest';
import {
  buildDetectResponse,
  buildLivenessTransaction,
  buildMatchResponse,
  FACE_VARIANTS,
  FaceFixtureError,
  faceapiError,
  faceapiHealthcheck,
  livenessSessionPath,
  prepareLivenessTransaction,
  type FaceOutcome,
} from '../../fixtures/faceapi/index.js';
import { docreaderHealthcheck } from '../../fixtures/docreader/index.js';
import { fillSlots } from '../../fixtures/core/prepared-body.js';
import { validateResponse } from '../../openapi/validate-regula.js';

const cases = (op: keyof typeof FACE_VARIANTS) =>
  (Object.entries(FACE_VARIANTS[op]) as [FaceOutcome, readonly string[]][]).flatMap(([outcome, variants]) => variants.map((variant) => ({ outcome, variant })));

const LIVE_SLOTS = {
  transactionId: '3f2b9c1e-6d4a-4e8b-9a51-0c7d2e6f8a90',
  tag: 'lD-h6B0xvUeGc1m9tQ2k3wQ7nXb2Zr5Lp0aT',
  sessionPath: livenessSessionPath(Date.UTC(2025, 5, 2, 10, 14)),
};

describe('Face API fixtures against Regula definitions', () => {
  it.each(cases('match'))('match $outcome/$variant conforms', ({ outcome, variant }) => {
    expect(validateResponse('faceapi', 'match', 200, buildMatchResponse({ outcome, variant, seed: 3 }))).toEqual([]);
  });

  it.each(cases('detect'))('detect $outcome/$variant conforms', ({ outcome, variant }) => {
    expect(validateResponse('faceapi', 'detect', 200, buildDetectResponse({ outcome, variant, seed: 3 }))).toEqual([]);
  });

  it.each(cases('liveness').flatMap((c) => [0, 1].map((livenessType) => ({ ...c, livenessType: livenessType as 0 | 1 }))))(
    'liveness $outcome/$variant (type $livenessType) conforms',
    ({ outcome, variant, livenessType }) => {
      const body = prepareLivenessTransaction({ outcome, variant, livenessType, seed: 3 }).materialize(LIVE_SLOTS);
      expect(validateResponse('faceapi', `GET /api/v2/liveness`, 200, body)).toEqual([]);
    },
  );

  it('healthz bodies and the error model conform', () => {
    expect(validateResponse('faceapi', 'healthz', 200, faceapiHealthcheck())).toEqual([]);
    expect(validateResponse('docreader', 'healthz', 200, docreaderHealthcheck())).toEqual([]);
    expect(validateResponse('faceapi', 'create_person', 400, faceapiError(400, 'BadRequest', 'images must hold two items'))).toEqual([]);
  });
});

describe('Face API outcomes', () => {
  it.each([50, 75, 90])('match at threshold %i: a pass reaches it, a different person stays under, a near call is within 0.02', (threshold) => {
    const similarity = (outcome: FaceOutcome, variant?: string) => buildMatchResponse({ outcome, variant, threshold, seed: 9 }).results![0]!.similarity!;
    expect(similarity('passed')).toBeGreaterThanOrEqual(threshold / 100);
    expect(similarity('failed')).toBeLessThan(threshold / 100);
    expect(Math.abs(similarity('inconclusive', 'near-threshold') - threshold / 100)).toBeLessThanOrEqual(0.02);
  });

  it('match with no face in the selfie reports the detection status and no comparison', () => {
    const body = buildMatchResponse({ outcome: 'inconclusive', seed: 1 });
    expect(body.detections![1]).toEqual({ imageIndex: 1, status: 2, faces: [] });
    expect(body.results).toEqual([]);
  });

  it('detect: a pass is compliant, a low-quality selfie names what fails, no face is code 2', () => {
    expect(buildDetectResponse({ outcome: 'passed', seed: 1 }).results!.detections[0]!.quality!.nonCompliant).toEqual([]);
    expect(buildDetectResponse({ outcome: 'inconclusive', seed: 1 }).results!.detections[0]!.quality!.nonCompliant).toEqual(['BlurLevel', 'Yaw']);
    expect(buildDetectResponse({ outcome: 'failed', seed: 1 })).toMatchObject({ code: 2, results: { detections: [] } });
  });

  it.each([
    ['passed', undefined, 1, 0, 0],
    ['failed', 'spoof', 1, 1, 254],
    ['failed', 'spoof', 0, 1, 251],
    ['inconclusive', 'timeout', 1, 1, 250],
    ['inconclusive', 'aborted', 1, 1, 252],
  ] as const)('liveness %s/%s (type %i): status %i, code %i', (outcome, variant, livenessType, status, code) => {
    const body = buildLivenessTransaction({ outcome, variant, livenessType, seed: 2 });
    expect(body).toMatchObject({ status, code, type: livenessType });
  });

  it('liveness links follow the storage layout with the transaction filled in per request', () => {
    const body = fillSlots(buildLivenessTransaction({ outcome: 'passed', seed: 2, storageUrl: (p) => `https://files.example/${p}` }), LIVE_SLOTS);
    expect(body.portrait).toBe(
      `https://files.example/faceapi-session/year=2025/month=06/day=02/hour=10/minute=14/${LIVE_SLOTS.tag}/${LIVE_SLOTS.transactionId}/portrait.png`,
    );
    expect(body).not.toHaveProperty('video');
    expect(body).toMatchObject({ transactionId: LIVE_SLOTS.transactionId, tag: LIVE_SLOTS.tag });
  });

  it('same seed gives the same bodies; an unknown variant is refused', () => {
    expect(buildMatchResponse({ outcome: 'passed', seed: 4 })).toEqual(buildMatchResponse({ outcome: 'passed', seed: 4 }));
    expect(buildDetectResponse({ outcome: 'passed', seed: 4 })).toEqual(buildDetectResponse({ outcome: 'passed', seed: 4 }));
    expect(() => buildLivenessTransaction({ outcome: 'failed', variant: 'timeout', seed: 1 })).toThrow(FaceFixtureError);
  });
});
