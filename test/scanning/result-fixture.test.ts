import { describe, expect, it } from 'vitest';
import { buildScanningResult, SCAN_VARIANTS, type ScanOutcome, type ScanResultInput } from '../../fixtures/scanning/index.js';
import { scanningViolations } from '../helpers/scanning-client.js';

const base: ScanResultInput = {
  id: 'b7c1e2d4-5f60-4a71-8b92-c3d4e5f60718',
  relayState: 'order-1',
  status: 'X',
  requested: { document: true, selfie: true, liveness: false },
  finishedAt: '2026-12-03T10:00:00.000Z',
  locale: 'se',
  twoSided: false,
};
const build = (outcome: ScanOutcome | undefined, variant?: string, more: Partial<ScanResultInput> = {}) =>
  buildScanningResult({ ...base, ...(outcome === undefined ? {} : { outcome }), ...(variant === undefined ? {} : { variant }), ...more });

describe('the scanning result fixture', () => {
  const every = Object.entries(SCAN_VARIANTS).flatMap(([outcome, variants]) => variants.map((v) => [outcome as ScanOutcome, v] as const));

  it.each(every)('when the outcome is %s (%s), then the body validates against scanning.yaml', (outcome, variant) => {
    const body = build(outcome, variant, { status: 'Accepted' });
    expect(scanningViolations('ScanningResult', body)).toEqual([]);
  });

  it('when accepted, then every requested analysis is Accepted, the rest NotRequested, and the identity is filled', () => {
    const { result } = build('accepted');
    expect(result.documentAnalysis.status).toBe('Accepted');
    expect(result.faceMatchAnalysis).toMatchObject({ status: 'Accepted', similarity: expect.any(Number) });
    expect(result.livenessAnalysis.status).toBe('NotRequested');
    expect(result.identity).toMatchObject({ countryCode: 'SE', identificationDate: base.finishedAt });
    expect(result.identity.fullName).toBe(`${result.identity.firstName} ${result.identity.lastName}`);
    expect(result.documentAnalysis.checks?.every((c) => c.status === 'Accepted')).toBe(true);
  });

  it('when the same scan is built twice, then the bodies are the same (the result read and the webhook agree)', () => {
    expect(build('accepted')).toEqual(build('accepted'));
  });

  it('when rejected as expired, then the document is Declined on its validity check and its expiry lies before the scan', () => {
    const { result } = build('rejected', 'expired');
    expect(result.documentAnalysis.status).toBe('Declined');
    expect(result.documentAnalysis.checks?.find((c) => c.name === 'DocumentValidity')?.status).toBe('Declined');
    expect(result.documentAnalysis.dateOfExpiry! < base.finishedAt!.slice(0, 10)).toBe(true);
    expect(result.faceMatchAnalysis.status).toBe('Accepted');
  });

  it('when rejected on the face, then the face match is Declined with a low similarity and the document Accepted', () => {
    const { result } = build('rejected', 'face-mismatch');
    expect(result.faceMatchAnalysis.status).toBe('Declined');
    expect(result.faceMatchAnalysis.similarity!).toBeLessThan(0.5);
    expect(result.documentAnalysis.status).toBe('Accepted');
  });

  it('when rejected on liveness, then the liveness analysis is Declined', () => {
    const { result } = build('rejected', 'liveness-failed', { requested: { document: true, selfie: false, liveness: true }, action: 'Smile' });
    expect(result.livenessAnalysis).toMatchObject({ status: 'Declined', action: 'Smile' });
  });

  it('when inconclusive, then the concerned analysis is Failed (not concluded) and the others Accepted', () => {
    expect(build('inconclusive', 'poor-image-quality').result.documentAnalysis.checks?.find((c) => c.name === 'ImageQuality')?.status).toBe('Failed');
    expect(build('inconclusive', 'near-threshold').result.faceMatchAnalysis.status).toBe('Failed');
  });

  it.each([
    ['failed', 'Failed'],
    ['cancelled', 'Cancelled'],
    ['timeout', 'Cancelled'],
  ] as const)('when %s, then every requested analysis is %s and no identity was read', (outcome, status) => {
    const { result } = build(outcome);
    expect(result.documentAnalysis).toEqual({ status });
    expect(result.faceMatchAnalysis).toEqual({ status });
    expect(result.livenessAnalysis).toEqual({ status: 'NotRequested' });
    expect(result.identity.firstName).toBeNull();
  });

  it('when still in the flow, then the requested analyses are Requested', () => {
    const { result } = build(undefined);
    expect(result.documentAnalysis).toEqual({ status: 'Requested' });
    expect(result.identity.personalNumber).toBeNull();
  });

  it('when the document has two sides, then it is an identity card', () => {
    expect(build('accepted', undefined, { twoSided: true }).result.documentAnalysis.documentType).toBe('IdentityCard');
  });
});
