import { describe, expect, it } from 'vitest';
import { buildDocReaderResult, readDecision, type Decision, type DocReaderRequest, type ProcessResponse } from '../../fixtures/docreader/index.js';
import { AS_OF, SLOTS } from './cases.js';

type Row = {
  outcome: DocReaderRequest['outcome'];
  variant?: string | undefined;
  options?: Partial<DocReaderRequest['options']>;
  expect: (d: Decision) => void;
};

const decide = (row: Row) => {
  const { status, body } = buildDocReaderResult(
    { outcome: row.outcome, variant: row.variant as never, seed: 5, options: { asOf: AS_OF, scenario: 'FullAuth', ...row.options } },
    SLOTS,
  );
  expect(status).toBe(200);
  return readDecision(body as ProcessResponse);
};

/** What a backend reads, per outcome and variant (FullAuth, Face API on, threshold 75 unless said). */
const TABLE: Record<string, Row> = {
  accepted: {
    outcome: 'accepted',
    expect: (d) => {
      expect(d).toMatchObject({
        processingFinished: 1,
        overallStatus: 1,
        optical: 1,
        portrait: 1,
        docValidity: 1,
        docType: 1,
        mrz: 1,
        text: 1,
        security: 1,
        imageQA: 1,
      });
      expect(d).toMatchObject({
        portraitResult: 1,
        portraitDiagnose: 1,
        failedSecurityChecks: [],
        mismatchedFields: [],
        textValidity: 1,
        textComparison: 1,
        imageQualityResult: 1,
      });
      expect(d.portraitSimilarity).toBeGreaterThanOrEqual(75);
      expect(d.documentName).toMatch(/^Sweden - ePassport/);
      expect(d.fields.dateOfExpiry! > AS_OF).toBe(true);
    },
  },
  'accepted under FullProcess': {
    outcome: 'accepted',
    options: { scenario: 'FullProcess' },
    expect: (d) => {
      expect(d).toMatchObject({ overallStatus: 1, optical: 1, security: 2, failedSecurityChecks: [], portraitResult: 1 });
    },
  },
  'accepted without the Face API': {
    outcome: 'accepted',
    options: { useFaceApi: false },
    expect: (d) => {
      expect(d).toMatchObject({ overallStatus: 1, portrait: 2, portraitSimilarity: undefined, portraitResult: undefined });
    },
  },
  'rejected/expired': {
    outcome: 'rejected',
    variant: 'expired',
    expect: (d) => {
      expect(d).toMatchObject({ overallStatus: 0, optical: 0, docValidity: 0, text: 0, mrz: 0, textValidity: 0, textComparison: 1, portrait: 1 });
      expect(d.fields.dateOfExpiry! < AS_OF).toBe(true);
    },
  },
  'rejected/mrz-visual-mismatch': {
    outcome: 'rejected',
    variant: 'mrz-visual-mismatch',
    expect: (d) => {
      expect(d).toMatchObject({ overallStatus: 0, optical: 0, text: 0, mrz: 1, docValidity: 1, textComparison: 0, mismatchedFields: ['Document Number'] });
    },
  },
  'rejected/security-feature': {
    outcome: 'rejected',
    variant: 'security-feature',
    expect: (d) => {
      expect(d).toMatchObject({ overallStatus: 0, optical: 0, security: 0, failedSecurityChecks: [4], text: 1, portrait: 1 });
    },
  },
  'rejected/face-mismatch': {
    outcome: 'rejected',
    variant: 'face-mismatch',
    expect: (d) => {
      expect(d).toMatchObject({ overallStatus: 0, optical: 1, portrait: 0, portraitResult: 0, portraitDiagnose: 150 });
      expect(d.portraitSimilarity).toBeLessThan(75);
    },
  },
  'inconclusive/checks-not-done': {
    outcome: 'inconclusive',
    variant: 'checks-not-done',
    expect: (d) => {
      expect(d).toMatchObject({ overallStatus: 2, optical: 2, docType: 2, text: 2, mrz: 2, security: 2, portrait: 2, portraitResult: 2 });
    },
  },
  'inconclusive/poor-image-quality': {
    outcome: 'inconclusive',
    variant: 'poor-image-quality',
    expect: (d) => {
      expect(d).toMatchObject({ overallStatus: 2, optical: 2, imageQA: 0, imageQualityResult: 0, text: 2, mrz: 2, docType: 1 });
    },
  },
  'inconclusive/near-threshold': {
    outcome: 'inconclusive',
    variant: 'near-threshold',
    expect: (d) => {
      expect(d).toMatchObject({ overallStatus: 2, optical: 1, portrait: 2, portraitResult: 2, portraitDiagnose: 5 });
      expect(Math.abs(d.portraitSimilarity! - 75)).toBeLessThanOrEqual(3);
    },
  },
  'failed/timeout': {
    outcome: 'failed',
    variant: 'timeout',
    expect: (d) => {
      expect(d).toMatchObject({ processingFinished: 2, overallStatus: 2, optical: 2 });
    },
  },
  'failed/face-service-error': {
    outcome: 'failed',
    variant: 'face-service-error',
    expect: (d) => {
      expect(d).toMatchObject({ overallStatus: 2, optical: 1, portrait: 2, portraitResult: 2, portraitDiagnose: 152, portraitSimilarity: undefined });
    },
  },
};

describe('decision table: the fields a backend reads', () => {
  it.each(Object.entries(TABLE))('%s', (_name, row) => {
    row.expect(decide(row));
  });

  it('failed/processing-error answers 400 in the error shape, with no ProcessResponse', () => {
    const { status, body } = buildDocReaderResult({ outcome: 'failed', seed: 5, options: { asOf: AS_OF } }, SLOTS);
    expect(status).toBe(400);
    expect(body).toMatchObject({ statusCode: 400, type: expect.any(String), msg: expect.any(String), metadata: { transactionId: SLOTS.transactionId } });
  });
});

describe('processParam.faceApi.threshold is honoured', () => {
  it.each([10, 50, 75, 90, 100])('threshold %i: a match reaches it, a mismatch stays below, a near call is within 3 points', (threshold) => {
    const at = (outcome: Row['outcome'], variant?: string) => decide({ outcome, variant, options: { faceThreshold: threshold }, expect: () => {} });
    const accepted = at('accepted');
    expect(accepted.portraitSimilarity).toBeGreaterThanOrEqual(threshold);
    expect(accepted).toMatchObject({ portrait: 1, portraitResult: 1, overallStatus: 1 });
    const mismatch = at('rejected', 'face-mismatch');
    expect(mismatch.portraitSimilarity).toBeLessThan(threshold);
    expect(mismatch).toMatchObject({ portrait: 0, portraitResult: 0, overallStatus: 0 });
    expect(Math.abs(at('inconclusive', 'near-threshold').portraitSimilarity! - threshold)).toBeLessThanOrEqual(3);
  });
});
