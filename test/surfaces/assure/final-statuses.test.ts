import { beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../../helpers/admin-client.js';
import { assureViolations, newAssureBackend, pngDataUrl, type AssureApi } from '../../helpers/assure-client.js';
import { useMockServer } from '../../helpers/mock-server.js';

type Body = Record<string, any>;

/** The keys of the seeds' eid examples, in their order (seeds/signicat-assure-eid-provider.txt). */
const EID_ACCEPTED_OCR = [
  'similarityScore',
  'livenessDetected',
  'features',
  'securityChecks',
  'documentNumber',
  'dateOfExpiry',
  'firstName',
  'lastName',
  'documentType',
  'dateOfBirth',
  'gender',
  'nationality',
  'personalIdentificationNumber',
  'issuingCountry',
];
const EID_CHECKS = ['nonExpired', 'notUnderage', 'dataIntegrity', 'livenessDetected', 'notFaceSpoofing', 'notBWCopy'];
const failing = (checks: Record<string, { valid?: boolean; passed?: boolean }>) =>
  Object.entries(checks)
    .filter(([, c]) => c.valid === false || c.passed === false)
    .map(([name]) => name);

describe('every final status of each provider, as the seeds show them', () => {
  const mock = useMockServer({ assure: { processingSeconds: 1, eidCaptureSeconds: 1 } });
  let api: AssureApi;
  let dossierId: string;

  beforeAll(async () => {
    api = (await newAssureBackend(mock.baseUrl)).api;
    dossierId = (await api.createDossier()).body.dossierId;
  });

  async function finished(provider: 'eid' | 'signicatpictureid', scenario: string, processType?: string): Promise<Body> {
    const created = await api.createProcess(
      dossierId,
      { provider, ...(processType ? { processType } : {}), ...(provider === 'signicatpictureid' ? { documentId: 137 } : {}) },
      scenario,
    );
    expect(created.status).toBe(201);
    const { processId } = created.body;
    if (provider === 'signicatpictureid') {
      expect((await api.setImages(dossierId, processId, { front: pngDataUrl(), selfie: pngDataUrl() })).status).toBe(204);
      expect((await api.startVerification(dossierId, processId)).status).toBe(202);
    }
    await adminApi(mock.baseUrl).advance(3);
    const done = await api.process(dossierId, processId);
    expect(assureViolations('Process', done.body)).toEqual([]);
    return done.body;
  }

  it('eid accepted: ocr in the seed order with high similarity, every check valid, and a finalResult', async () => {
    const body = await finished('eid', 'accepted');
    expect(Object.keys(body)).toEqual([
      'status',
      'processId',
      'provider',
      'authorizationToken',
      'finalResult',
      'providerSpecific',
      'processType',
      'createdAt',
      'updatedAt',
    ]);
    expect(Object.keys(body.providerSpecific.ocr)).toEqual(EID_ACCEPTED_OCR);
    expect(Object.keys(body.providerSpecific.ocr.securityChecks)).toEqual(EID_CHECKS);
    expect(failing(body.providerSpecific.ocr.securityChecks)).toEqual([]);
    expect(body.providerSpecific.manualApproval).toBeUndefined();
  });

  it.each([
    ['expired', 'nonExpired'],
    ['underage', 'notUnderage'],
    ['data-integrity', 'dataIntegrity'],
    ['face-spoofing', 'notFaceSpoofing'],
    ['bw-copy', 'notBWCopy'],
  ])('eid rejected (%s): exactly the one check invalid, no finalResult', async (variant, check) => {
    const body = await finished('eid', `rejected;variant=${variant}`);
    expect(body.status).toBe('rejected');
    expect(body.finalResult).toBeUndefined();
    expect(failing(body.providerSpecific.ocr.securityChecks)).toEqual([check]);
    if (variant === 'expired') expect(body.providerSpecific.ocr.dateOfExpiry < new Date().toISOString().slice(0, 10)).toBe(true);
  });

  it("eid rejected by default is the seed's expired document", async () => {
    const body = await finished('eid', 'rejected');
    expect(failing(body.providerSpecific.ocr.securityChecks)).toEqual(['nonExpired']);
  });

  it('eid inconclusive: by default verylow similarity and OVI 1 / OVI 2 not found, without bbox, as the seed', async () => {
    const body = await finished('eid', 'inconclusive');
    const { ocr } = body.providerSpecific;
    expect(body.status).toBe('inconclusive');
    expect(body.finalResult).toBeUndefined();
    expect(ocr.similarityScore).toBe('verylow');
    const missing = ocr.features.filter((f: Body) => !f.found);
    expect(missing.map((f: Body) => f.name).sort()).toEqual(['OVI 1', 'OVI 2']);
    for (const f of missing) expect(f).toEqual({ name: f.name, found: false, side: 'data' });
    expect(failing(ocr.securityChecks)).toEqual([]);
  });

  it('eid inconclusive (missing-features): high similarity, features missing', async () => {
    const { ocr } = (await finished('eid', 'inconclusive;variant=missing-features')).providerSpecific;
    expect(ocr.similarityScore).toBe('high');
    expect(ocr.features.some((f: Body) => !f.found)).toBe(true);
  });

  it('eid failed: only failReason {id, type InactiveUser.Aborted, message}', async () => {
    const body = await finished('eid', 'failed;variant=inactive-user');
    expect(body.status).toBe('failed');
    expect(body.providerSpecific).toBeUndefined();
    expect(body.finalResult).toBeUndefined();
    expect(body.failReason).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), type: 'InactiveUser.Aborted', message: expect.any(String) });
  });

  it('eid attended and unattended carry a manualApproval', async () => {
    for (const processType of ['attended', 'unattended']) {
      const body = await finished('eid', 'accepted', processType);
      expect(body.providerSpecific.manualApproval).toBeDefined();
    }
  });

  it('canceled: the end-user cancelled, nothing but the process info', async () => {
    for (const provider of ['eid', 'signicatpictureid'] as const) {
      const body = await finished(provider, 'cancelled');
      expect(body.status).toBe('canceled');
      expect(body.finalResult ?? body.providerSpecific ?? body.failReason).toBeUndefined();
    }
  });

  it('PictureID accepted with documentSelfie: the seed fields', async () => {
    const body = await finished('signicatpictureid', 'accepted', 'documentSelfie');
    expect(Object.keys(body.providerSpecific.document)).toEqual(['issuingCountry', 'dateOfExpiry', 'documentNumber', 'subject', 'securityChecks']);
    expect(Object.keys(body.providerSpecific.document.subject)).toEqual([
      'firstName',
      'lastName',
      'dateOfBirth',
      'gender',
      'nationality',
      'personalIdentificationNumber',
      'photo',
      'signature',
    ]);
  });

  it.each([
    ['expired', 'nonExpired'],
    ['underage', 'notUnderage'],
    ['data-integrity', 'dataIntegrity'],
    ['bw-copy', 'notBlackAndWhite'],
    ['tampered', 'notTamperedDocument'],
  ])('PictureID rejected (%s): the named check not passed, no finalResult', async (variant, check) => {
    const body = await finished('signicatpictureid', `rejected;variant=${variant}`);
    expect(body.status).toBe('rejected');
    expect(body.finalResult).toBeUndefined();
    expect(failing(body.providerSpecific.document.securityChecks)).toEqual([check]);
  });

  it('PictureID inconclusive and failed: no finalResult; failed has its failReason', async () => {
    const inconclusive = await finished('signicatpictureid', 'inconclusive');
    expect(inconclusive.status).toBe('inconclusive');
    expect(inconclusive.finalResult).toBeUndefined();
    const failed = await finished('signicatpictureid', 'failed');
    expect(failed.status).toBe('failed');
    expect(failed.failReason).toEqual({ id: expect.any(String), type: expect.any(String), message: expect.any(String) });
  });

  it('one end-user, one person: every process of a dossier reads the same identity', async () => {
    const a = await finished('eid', 'accepted');
    const b = await finished('eid', 'accepted');
    expect(b.finalResult.firstName).toBe(a.finalResult.firstName);
    expect(b.finalResult.dateOfBirth).toBe(a.finalResult.dateOfBirth);
  });
});
