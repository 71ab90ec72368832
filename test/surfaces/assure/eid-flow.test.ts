import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../../helpers/admin-client.js';
import { call } from '../../helpers/api-client.js';
import { assureViolations, DATE, newAssureBackend, TIMESTAMP, type AssureApi } from '../../helpers/assure-client.js';
import { useMockServer } from '../../helpers/mock-server.js';

const decide = (baseUrl: string, processId: string, action: 'approve' | 'reject') =>
  call(`${baseUrl}/__admin/assure/processes/${processId}/${action}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

/** EID's UC 2 as its guide writes it (seeds/signicat-assure-eid-provider.txt): the SDK captures, the RA App's operator decides. */
describe('eid UC 2: EID SDK and the registration authority', () => {
  const mock = useMockServer({ assure: { eidApproval: 'operator', eidCaptureSeconds: 3, processingSeconds: 1 } });
  let api: AssureApi;
  let dossierId: string;

  beforeAll(async () => {
    api = (await newAssureBackend(mock.baseUrl)).api;
    dossierId = (await api.createDossier()).body.dossierId;
  });

  it('when a process is created for eid, then it carries the SDK authorizationToken, waits for the RA and is accepted by the operator', async () => {
    const types = await api.get('/eid/document-types');
    expect(types.body).toContainEqual(expect.objectContaining({ country: 'PRT', type: 'passport' }));

    const created = await api.createProcess(dossierId, { provider: 'eid' });
    expect(created.status).toBe(201);
    expect(assureViolations('Process', created.body)).toEqual([]);
    expect(created.body).toMatchObject({
      provider: 'eid',
      processType: 'substantial',
      status: 'pending',
      authorizationToken: expect.stringMatching(/^ey[\w-]+\.[\w-]+\.[\w-]+$/),
    });
    const { processId } = created.body;
    // eid takes no images or start through the API: its SDK does both.
    expect((await api.startVerification(dossierId, processId)).status).toBe(409);
    expect((await api.get(`/dossiers/${dossierId}/processes/${processId}/video`)).status).toBe(404);

    await adminApi(mock.baseUrl).advance(3);
    expect((await api.process(dossierId, processId)).body.status).toBe('processing');
    await adminApi(mock.baseUrl).advance(30);
    // The operator has not looked yet: it still waits.
    expect((await api.process(dossierId, processId)).body.status).toBe('processing');

    const registered = await decide(mock.baseUrl, processId, 'approve');
    expect(registered.status).toBe(200);
    const done = await api.process(dossierId, processId);
    expect(done.body.status).toBe('accepted');
    expect(assureViolations('Process', done.body)).toEqual([]);
    const ocr = done.body.providerSpecific.ocr;
    expect(ocr).toMatchObject({
      similarityScore: 'high',
      livenessDetected: 'true',
      issuingCountry: expect.stringMatching(/^[A-Z]{3}$/),
      dateOfBirth: expect.stringMatching(DATE),
    });
    expect(ocr.features.map((f: { name: string }) => f.name)).toEqual(['Header', 'OVI 2', 'Signature', 'Photo', 'OVI 1']);
    for (const f of ocr.features)
      expect(f).toEqual({
        name: f.name,
        found: true,
        bbox: { x: expect.any(Number), y: expect.any(Number), width: expect.any(Number), height: expect.any(Number) },
        side: 'data',
      });
    expect(Object.values(ocr.securityChecks).every((c) => (c as { valid: boolean }).valid)).toBe(true);
    expect(done.body.finalResult).toMatchObject({ firstName: ocr.firstName, lastName: ocr.lastName, documentNumber: ocr.documentNumber });
    expect(done.body.updatedAt).toMatch(TIMESTAMP);

    // Get dossier: every process of the end-user.
    const dossier = await api.dossier(dossierId);
    expect(assureViolations('DossierWithProcesses', dossier.body)).toEqual([]);
    expect(dossier.body.processes).toContainEqual(expect.objectContaining({ processId, provider: 'eid', status: 'accepted' }));

    // Get video and the full result.
    const video = await api.bytes(`/dossiers/${dossierId}/processes/${processId}/video`);
    expect(video.status).toBe(200);
    expect(video.type).toBe('video/mp4');
    expect(video.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    const zip = unzipSync(new Uint8Array((await api.bytes(`/dossiers/${dossierId}/processes/${processId}/download`)).bytes));
    expect(Object.keys(zip).sort()).toEqual(['front.jpeg', 'ocr.json', 'portrait.jpeg', 'selfie.jpeg', 'video.mp4']);
    for (const name of ['front.jpeg', 'portrait.jpeg', 'selfie.jpeg']) expect([...zip[name]!.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    expect(Buffer.from(zip['video.mp4']!).equals(video.bytes)).toBe(true);
    const front = await api.bytes(`/dossiers/${dossierId}/processes/${processId}/images/front`);
    expect(Buffer.from(zip['front.jpeg']!).equals(front.bytes)).toBe(true);
  });

  it('when the operator rejects, then the process is rejected with no finalResult', async () => {
    const { processId } = (await api.createProcess(dossierId, { provider: 'eid', processType: 'unattended' })).body;
    expect((await decide(mock.baseUrl, processId, 'reject')).status).toBe(200);
    const done = await api.process(dossierId, processId);
    expect(done.body.status).toBe('rejected');
    expect(done.body.finalResult).toBeUndefined();
    expect(done.body.providerSpecific.manualApproval).toBeDefined();
    const zip = unzipSync(new Uint8Array((await api.bytes(`/dossiers/${dossierId}/processes/${processId}/download`)).bytes));
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['ocr.json', 'manual_approval.json']));
    const again = await decide(mock.baseUrl, processId, 'approve');
    // The control plane's own error body, whatever the service raised.
    expect([again.status, again.headers.get('content-type')]).toEqual([409, 'application/problem+json; charset=utf-8']);
    expect(again.body).toMatchObject({ status: 409, detail: 'The process is already rejected.' });
  });

  it('when the RA endpoint names a process that does not exist, then 404', async () => {
    expect((await decide(mock.baseUrl, '00000000-0000-4000-8000-000000000000', 'approve')).status).toBe(404);
  });
});

describe('eid with the scenario deciding (the default)', () => {
  const mock = useMockServer({ assure: { eidCaptureSeconds: 2, processingSeconds: 2 } });

  it('when no operator is involved, then the bound scenario decides once capture and processing have passed', async () => {
    const { api } = await newAssureBackend(mock.baseUrl);
    const { dossierId } = (await api.createDossier()).body;
    const { processId } = (await api.createProcess(dossierId, { provider: 'eid' }, 'rejected')).body;
    expect((await api.process(dossierId, processId)).body.status).toBe('pending');
    await adminApi(mock.baseUrl).advance(4);
    const done = await api.process(dossierId, processId);
    expect(done.body.status).toBe('rejected');
    expect(done.body.providerSpecific.ocr.securityChecks.nonExpired).toEqual({ valid: false });
  });
});
