import { describe, expect, it } from 'vitest';
import {
  ASSURE_PROCESS_TYPES,
  ASSURE_VARIANTS,
  buildProcessResult,
  fullResultFiles,
  impliedStatus,
  type AssureOutcome,
  type AssureProvider,
  type ProcessResultInput,
} from '../../fixtures/assure/index.js';
import { constants, EID_ACCEPTED, EID_FAILED, EID_INCONCLUSIVE, EID_REJECTED, PICTURE_ID_ACCEPTED, shape } from './seed-examples.js';

const AS_OF = '2021-06-09';
const FAIL_ID = '8ea0e55f-385f-47b7-a401-ef1db467a625';
const build = (more: Partial<ProcessResultInput> & Pick<ProcessResultInput, 'provider' | 'outcome'>): any =>
  buildProcessResult({
    processType: more.provider === 'eid' ? 'substantial' : 'document',
    variant: ASSURE_VARIANTS[more.outcome][0],
    seed: 'seed-1',
    asOf: AS_OF,
    failReasonId: FAIL_ID,
    ...more,
  });

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ALPHA3 = /^[A-Z]{3}$/;
const FINAL_RESULT_KEYS = [
  'firstName',
  'lastName',
  'dateOfExpiry',
  'dateOfBirth',
  'gender',
  'nationality',
  'documentNumber',
  'issuingCountry',
  'personalIdentificationNumber',
];
const age = (dob: string, on: string) => Number(on.slice(0, 4)) - Number(dob.slice(0, 4)) - (on.slice(5) < dob.slice(5) ? 1 : 0);

const every = (Object.keys(ASSURE_PROCESS_TYPES) as AssureProvider[]).flatMap((provider) =>
  ASSURE_PROCESS_TYPES[provider].flatMap((processType) =>
    (Object.keys(ASSURE_VARIANTS) as AssureOutcome[]).flatMap((outcome) =>
      ASSURE_VARIANTS[outcome].map((variant) => [provider, processType, outcome, variant] as const),
    ),
  ),
);

/** The person fields of a result, wherever they sit. */
function personFields(result: any): Record<string, string>[] {
  const ocr = result.providerSpecific?.ocr;
  const doc = result.providerSpecific?.document;
  return [result.finalResult, ocr, doc && { ...doc, ...doc.subject }].filter(Boolean);
}

describe('the eid result fixture against the seed examples', () => {
  it('when accepted (substantial), then the ocr has the seed example key order and its constant values, and finalResult the normalised fields', () => {
    const result = build({ provider: 'eid', outcome: 'accepted' });
    expect(Object.keys(result)).toEqual(['finalResult', 'providerSpecific']);
    expect(shape(result.providerSpecific)).toEqual(shape(EID_ACCEPTED));
    expect(constants(result.providerSpecific)).toEqual(constants(EID_ACCEPTED));
    expect(result.providerSpecific.ocr.livenessDetected).toBe('true');
    expect(Object.keys(result.finalResult)).toEqual(FINAL_RESULT_KEYS);
    for (const key of FINAL_RESULT_KEYS) expect(result.finalResult[key]).toBe(result.providerSpecific.ocr[key]);
  });

  it('when accepted, then every feature box lies near the seed example box', () => {
    const features = build({ provider: 'eid', outcome: 'accepted' }).providerSpecific.ocr.features;
    features.forEach((f: any, i: number) => {
      const seed = EID_ACCEPTED.ocr.features[i]!.bbox;
      expect(Math.abs(f.bbox.x - seed.x)).toBeLessThanOrEqual(12);
      expect(Math.abs(f.bbox.y - seed.y)).toBeLessThanOrEqual(10);
      expect(Math.abs(f.bbox.width - seed.width) / seed.width).toBeLessThan(0.08);
    });
  });

  it('when accepted as unattended or attended, then a manualApproval follows the ocr; substantial has none', () => {
    for (const processType of ['unattended', 'attended']) {
      const specific = build({ provider: 'eid', outcome: 'accepted', processType }).providerSpecific;
      expect(Object.keys(specific)).toEqual(['ocr', 'manualApproval']);
      expect(specific.manualApproval).toMatchObject({ status: 'approved', mode: processType, agent: { id: expect.any(String), name: expect.any(String) } });
      expect(specific.manualApproval.reviewedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
    expect(
      build({ provider: 'eid', outcome: 'rejected', processType: 'attended', finishedAt: '2021-06-09T10:38:04Z' }).providerSpecific.manualApproval,
    ).toMatchObject({
      status: 'rejected',
      reviewedAt: '2021-06-09T10:38:04Z',
      reason: 'The document has expired',
    });
  });

  it('when rejected by default, then it is the seed example: a PRT identity card, expired, sidesMatch and the Portuguese numbers, in its key order', () => {
    const result = build({ provider: 'eid', outcome: 'rejected' });
    expect(result.finalResult).toBeUndefined();
    expect(shape(result.providerSpecific)).toEqual(shape(EID_REJECTED));
    expect(constants(result.providerSpecific)).toEqual(constants(EID_REJECTED));
    expect(result.providerSpecific.ocr.dateOfExpiry < AS_OF).toBe(true);
    expect(result.providerSpecific.ocr.taxNumber).toMatch(/^[12]\d{8}$/);
    expect(result.providerSpecific.ocr.socialSecurityNumber).toMatch(/^1\d{10}$/);
  });

  it('when rejected with a passport, then there is no sidesMatch and no Portuguese numbers', () => {
    const { ocr } = build({ provider: 'eid', outcome: 'rejected', documentId: 261 }).providerSpecific;
    expect(ocr.documentType).toBe('passport');
    expect(Object.keys(ocr.securityChecks)).toEqual(['nonExpired', 'notUnderage', 'dataIntegrity', 'livenessDetected', 'notFaceSpoofing', 'notBWCopy']);
    expect(ocr).not.toHaveProperty('taxNumber');
  });

  const FAILING = {
    expired: 'nonExpired',
    underage: 'notUnderage',
    'data-integrity': 'dataIntegrity',
    'face-spoofing': 'notFaceSpoofing',
    'bw-copy': 'notBWCopy',
    tampered: 'dataIntegrity',
  };
  it.each(Object.entries(FAILING))('when rejected as %s, then exactly the %s check is invalid and there is no finalResult', (variant, check) => {
    const result = build({ provider: 'eid', outcome: 'rejected', variant });
    expect(result.finalResult).toBeUndefined();
    const checks = result.providerSpecific.ocr.securityChecks;
    expect(
      Object.entries(checks)
        .filter(([, c]: any) => !c.valid)
        .map(([k]) => k),
    ).toEqual([check]);
    const { dateOfExpiry, dateOfBirth } = result.providerSpecific.ocr;
    expect(dateOfExpiry < AS_OF).toBe(variant === 'expired');
    expect(age(dateOfBirth, AS_OF) < 18).toBe(variant === 'underage');
  });

  it('when inconclusive by default (low-similarity), then it is the seed example: verylow and OVI 1 / OVI 2 not found without a bbox', () => {
    const result = build({ provider: 'eid', outcome: 'inconclusive' });
    expect(result.finalResult).toBeUndefined();
    expect(shape(result.providerSpecific)).toEqual(shape(EID_INCONCLUSIVE));
    expect(constants(result.providerSpecific)).toEqual(constants(EID_INCONCLUSIVE));
  });

  it('when inconclusive as missing-features, then the similarity is high and the OVIs are missing without a bbox', () => {
    const { ocr } = build({ provider: 'eid', outcome: 'inconclusive', variant: 'missing-features' }).providerSpecific;
    expect(ocr.similarityScore).toBe('high');
    const missing = ocr.features.filter((f: any) => !f.found);
    expect(missing.map((f: any) => f.name)).toEqual(['OVI 2', 'OVI 1']);
    for (const f of missing) expect(f).not.toHaveProperty('bbox');
    expect(Object.values(ocr.securityChecks).every((c: any) => c.valid)).toBe(true);
  });

  it('when failed by default, then the body is the seed example: only failReason with the given id', () => {
    expect(build({ provider: 'eid', outcome: 'failed' })).toEqual(EID_FAILED);
  });
});

describe('the PictureID result fixture against the seed example', () => {
  it('when accepted, then finalResult and providerSpecific.document have the seed key order, check names and an NLD passport', () => {
    const result = build({ provider: 'signicatpictureid', outcome: 'accepted' });
    expect(shape(result)).toEqual(shape(PICTURE_ID_ACCEPTED));
    expect(constants(result)).toEqual(constants(PICTURE_ID_ACCEPTED));
    const { document } = result.providerSpecific;
    for (const key of FINAL_RESULT_KEYS) expect(result.finalResult[key]).toBe(document[key] ?? document.subject[key]);
  });

  it('when documentSelfie or documentId 137 is asked, then the body has the same shape', () => {
    const result = build({ provider: 'signicatpictureid', outcome: 'accepted', processType: 'documentSelfie', documentId: 137 });
    expect(shape(result)).toEqual(shape(PICTURE_ID_ACCEPTED));
  });

  it('when the document is a Swedish licence (207), then the person is Swedish', () => {
    const result = build({ provider: 'signicatpictureid', outcome: 'accepted', documentId: 207 });
    expect(result.finalResult).toMatchObject({ nationality: 'SWE', issuingCountry: 'SWE' });
    expect(result.finalResult.personalIdentificationNumber).toMatch(/^\d{6}-\d{4}$/);
  });

  const FAILING = {
    expired: 'nonExpired',
    underage: 'notUnderage',
    'data-integrity': 'dataIntegrity',
    'bw-copy': 'notBlackAndWhite',
    tampered: 'notTamperedDocument',
    'face-spoofing': 'notTamperedDocument',
  };
  it.each(Object.entries(FAILING))('when rejected as %s, then exactly %s has passed false and there is no finalResult', (variant, check) => {
    const result = build({ provider: 'signicatpictureid', outcome: 'rejected', variant });
    expect(Object.keys(result)).toEqual(['providerSpecific']);
    const checks = result.providerSpecific.document.securityChecks;
    expect(Object.keys(checks)).toEqual(Object.keys(PICTURE_ID_ACCEPTED.providerSpecific.document.securityChecks));
    expect(
      Object.entries(checks)
        .filter(([, c]: any) => !c.passed)
        .map(([k]) => k),
    ).toEqual([check]);
  });

  it.each([
    ['missing-features', 'notTamperedDocument', 'signature'],
    ['low-similarity', 'dataIntegrity', 'personalIdentificationNumber'],
  ])('when inconclusive as %s, then the %s check is absent (not concluded), none failed, and the subject lacks %s', (variant, check, field) => {
    const result = build({ provider: 'signicatpictureid', outcome: 'inconclusive', variant });
    expect(Object.keys(result)).toEqual(['providerSpecific']);
    const { securityChecks, subject } = result.providerSpecific.document;
    expect(securityChecks).not.toHaveProperty(check);
    expect(Object.values(securityChecks).every((c: any) => c.passed)).toBe(true);
    expect(subject).not.toHaveProperty(field);
  });
});

describe('the result fixture across providers, outcomes and variants', () => {
  it.each(every)(
    'when %s/%s ends %s (%s), then the body implies that status and only accepted has a finalResult',
    (provider, processType, outcome, variant) => {
      const result = build({ provider, processType, outcome, variant });
      expect(impliedStatus(result)).toBe(outcome);
      expect('finalResult' in result).toBe(outcome === 'accepted');
      expect('failReason' in result).toBe(outcome === 'failed');
      expect('providerSpecific' in result).toBe(outcome !== 'failed' && outcome !== 'canceled');
      if (provider === 'eid' && result.providerSpecific) {
        expect('manualApproval' in result.providerSpecific).toBe(processType !== 'substantial');
      }
      for (const fields of personFields(result)) {
        expect(fields.dateOfBirth).toMatch(ISO_DATE);
        expect(fields.dateOfExpiry).toMatch(ISO_DATE);
        expect(fields.nationality).toMatch(ALPHA3);
        expect(fields.issuingCountry).toMatch(ALPHA3);
        expect(['M', 'F']).toContain(fields.gender);
        expect(fields.firstName).toBe(fields.firstName!.toUpperCase());
        expect(fields.lastName).toBe(fields.lastName!.toUpperCase());
      }
      if (result.providerSpecific?.ocr) expect(result.providerSpecific.ocr.livenessDetected).toBe('true');
    },
  );

  it.each([
    ['inactive-user', 'InactiveUser.Aborted'],
    ['camera-denied', 'UserMedia.PermissionDenied'],
    ['processing-error', 'Processing.Error'],
  ])('when failed as %s, then both providers carry only failReason {id, type %s, message}', (variant, type) => {
    for (const provider of ['eid', 'signicatpictureid'] as const) {
      const result = build({ provider, outcome: 'failed', variant });
      expect(Object.keys(result)).toEqual(['failReason']);
      expect(Object.keys(result.failReason)).toEqual(['id', 'type', 'message']);
      expect(result.failReason).toMatchObject({ id: FAIL_ID, type });
    }
  });

  it('when canceled, then the result is empty', () => {
    expect(build({ provider: 'eid', outcome: 'canceled' })).toEqual({});
    expect(build({ provider: 'signicatpictureid', outcome: 'canceled' })).toEqual({});
  });

  it('when the variant is unknown, then the outcome default is built', () => {
    expect(build({ provider: 'eid', outcome: 'rejected', variant: 'nope' })).toEqual(build({ provider: 'eid', outcome: 'rejected', variant: 'expired' }));
    expect(build({ provider: 'eid', outcome: 'failed', variant: 'nope' })).toEqual(EID_FAILED);
  });

  it('when the documentId is unknown, then the provider default document is used', () => {
    expect(build({ provider: 'signicatpictureid', outcome: 'accepted', documentId: 99999 })).toEqual(
      build({ provider: 'signicatpictureid', outcome: 'accepted' }),
    );
  });

  it('when the same input is built twice, then the bodies are equal; another seed is another person', () => {
    for (const provider of ['eid', 'signicatpictureid'] as const) {
      expect(build({ provider, outcome: 'accepted' })).toEqual(build({ provider, outcome: 'accepted' }));
      const a = build({ provider, outcome: 'accepted' }).finalResult;
      const b = build({ provider, outcome: 'accepted', seed: 'seed-2' }).finalResult;
      expect(`${a.firstName} ${a.lastName} ${a.documentNumber}`).not.toBe(`${b.firstName} ${b.lastName} ${b.documentNumber}`);
    }
  });
});

describe('the full result data files', () => {
  it('when an attended eid process finished, then ocr.json starts with the ocr object and manual_approval.json is its manualApproval', () => {
    const input = { provider: 'eid', processType: 'attended', outcome: 'accepted', variant: 'default', seed: 's', asOf: AS_OF, failReasonId: FAIL_ID } as const;
    const files: any = fullResultFiles(input);
    const { ocr, manualApproval } = (buildProcessResult(input) as any).providerSpecific;
    expect(Object.keys(files)).toEqual(['ocr.json', 'manual_approval.json']);
    expect(Object.keys(files['ocr.json']).slice(0, Object.keys(ocr).length)).toEqual(Object.keys(ocr));
    expect(files['ocr.json']).toMatchObject({ ...ocr, documentId: 261, dateOfIssue: expect.stringMatching(ISO_DATE), mrz: expect.any(Array) });
    expect(files['manual_approval.json']).toEqual(manualApproval);
  });

  it('when a substantial eid process finished, then there is only ocr.json; PictureID has document.json; failed has none', () => {
    const base = { variant: 'default', seed: 's', asOf: AS_OF, failReasonId: FAIL_ID } as const;
    expect(Object.keys(fullResultFiles({ ...base, provider: 'eid', processType: 'substantial', outcome: 'rejected' }))).toEqual(['ocr.json']);
    const pid: any = fullResultFiles({ ...base, provider: 'signicatpictureid', processType: 'document', outcome: 'accepted' });
    expect(Object.keys(pid)).toEqual(['document.json']);
    expect(pid['document.json']).toMatchObject({
      ...(buildProcessResult({ ...base, provider: 'signicatpictureid', processType: 'document', outcome: 'accepted' }) as any).providerSpecific.document,
      documentId: 137,
    });
    expect(fullResultFiles({ ...base, provider: 'eid', processType: 'substantial', outcome: 'failed' })).toEqual({});
  });
});
