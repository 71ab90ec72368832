import { createHmac, randomUUID } from 'node:crypto';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../../helpers/admin-client.js';
import { ALPHA3, assureViolations, DATE, newAssureBackend, pngDataUrl, TIMESTAMP, tinyPng, type AssureApi } from '../../helpers/assure-client.js';
import { useMockServer } from '../../helpers/mock-server.js';

/** PictureID's UC 2 as its integration guide writes it (seeds/signicat-assure-pictureid-provider.txt). */
describe('PictureID UC 2: direct upload with setImages', () => {
  const mock = useMockServer({ assure: { processingSeconds: 5 } });
  let api: AssureApi;
  let clientId: string;
  const admin = () => adminApi(mock.baseUrl);

  beforeAll(async () => {
    const backend = await newAssureBackend(mock.baseUrl);
    api = backend.api;
    clientId = backend.client.clientId;
  });

  it('when a backend runs every step, then the process goes pending, processing, accepted, with the seed fields, an event and a zip', async () => {
    const secret = 'whsec-test-secret';
    const sink = `${mock.baseUrl}/__admin/webhooks/sink/assure-${randomUUID()}`;
    const sub = await fetch(`${mock.baseUrl}/__admin/assure/subscriptions/${clientId}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscriptions: [{ url: sink, secret }] }),
    });
    expect(sub.status).toBe(200);

    // Step A: create dossier.
    const dossier = await api.createDossier();
    expect(dossier.status).toBe(201);
    expect(dossier.body).toEqual({
      dossierId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      createdAt: expect.stringMatching(TIMESTAMP),
      updatedAt: expect.stringMatching(TIMESTAMP),
    });
    const { dossierId } = dossier.body as { dossierId: string };

    // Step B: the document types, with 137 the Dutch passport.
    const types = await api.get('/signicatpictureid/document-types');
    expect(types.status).toBe(200);
    expect(types.body).toContainEqual(expect.objectContaining({ id: 137, country: 'NLD', type: 'passport' }));
    expect((await api.get('/providers/signicatpictureid/documenttypes')).body).toEqual(types.body);

    // Step C: create process.
    const created = await api.createProcess(dossierId, { provider: 'signicatpictureid', processType: 'document', documentId: 137 });
    expect(created.status).toBe(201);
    expect(assureViolations('Process', created.body)).toEqual([]);
    expect(created.body).toMatchObject({ provider: 'signicatpictureid', processType: 'document', status: 'pending' });
    const { processId } = created.body as { processId: string };

    // Step D2: setImages, then Get Image: FRONT and SELFIE as uploaded, BACK not for a passport, PORTRAIT never.
    const front = pngDataUrl(80, 50);
    expect((await api.setImages(dossierId, processId, { FRONT: front, selfie: pngDataUrl(30, 40) })).status).toBe(204);
    const image = await api.bytes(`/dossiers/${dossierId}/processes/${processId}/images/FRONT`);
    expect(image.status).toBe(200);
    expect(image.type).toBe('image/png');
    expect(image.bytes.equals(tinyPng(80, 50))).toBe(true);
    expect((await api.bytes(`/dossiers/${dossierId}/processes/${processId}/images/selfie`)).bytes.equals(tinyPng(30, 40))).toBe(true);
    expect((await api.get(`/dossiers/${dossierId}/processes/${processId}/images/BACK`)).status).toBe(404);
    expect((await api.get(`/dossiers/${dossierId}/processes/${processId}/images/PORTRAIT`)).status).toBe(404);
    expect((await api.process(dossierId, processId)).body).toMatchObject({ provider: 'signicatpictureid', status: 'pending' });

    // Step E: start verification, once.
    const started = await api.startVerification(dossierId, processId);
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('processing');
    const again = await api.startVerification(dossierId, processId);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      status: 409,
      method: 'POST',
      instance: `/assure/dossiers/${dossierId}/processes/${processId}/startverification`,
      type: 'base:client-problem',
    });
    expect((await api.get(`/dossiers/${dossierId}/processes/${processId}/download`)).status).toBe(409);

    // Step F: the result, once processing is over.
    await admin().advance(6);
    const done = await api.process(dossierId, processId);
    expect(done.status).toBe(200);
    expect(assureViolations('Process', done.body)).toEqual([]);
    expect(Object.keys(done.body)).toEqual([
      'processId',
      'provider',
      'processType',
      'status',
      'documentId',
      'finalResult',
      'providerSpecific',
      'createdAt',
      'updatedAt',
    ]);
    const { finalResult, providerSpecific } = done.body;
    expect(done.body.status).toBe('accepted');
    expect(Object.keys(finalResult)).toEqual([
      'firstName',
      'lastName',
      'dateOfExpiry',
      'dateOfBirth',
      'gender',
      'nationality',
      'documentNumber',
      'issuingCountry',
      'personalIdentificationNumber',
    ]);
    expect(finalResult).toMatchObject({
      nationality: 'NLD',
      issuingCountry: 'NLD',
      gender: expect.stringMatching(/^[MF]$/),
      dateOfBirth: expect.stringMatching(DATE),
      dateOfExpiry: expect.stringMatching(DATE),
    });
    expect(finalResult.firstName).toBe(finalResult.firstName.toUpperCase());
    const { document } = providerSpecific;
    expect(document).toMatchObject({ issuingCountry: 'NLD', dateOfExpiry: finalResult.dateOfExpiry, documentNumber: finalResult.documentNumber });
    expect(document.subject).toMatchObject({ firstName: finalResult.firstName, lastName: finalResult.lastName, nationality: expect.stringMatching(ALPHA3) });
    expect(document.securityChecks).toEqual({
      notTamperedDocument: { name: 'Not tampered document', passed: true },
      nonExpired: { name: 'Document not expired', passed: true },
      notUnderage: { name: 'Not underage', passed: true },
      notBlackAndWhite: { name: 'Not black & white copy', passed: true },
      dataIntegrity: { name: 'Data integrity', passed: true },
    });

    // The event, signed with the subscription's secret, as a receiver checks it.
    await admin().advance(0);
    const received = await waitForSink(sink);
    const body = received.body;
    expect(received.headers['x-signicat-signature']).toBe(createHmac('sha256', secret).update(body).digest('hex'));
    const event = JSON.parse(body);
    expect(assureViolations('ProcessCompleteEvent', event)).toEqual([]);
    expect(event).toMatchObject({
      sender: 'assure',
      eventName: 'process.complete',
      organizationId: null,
      tags: [],
      eventData: { dossierId, processId, provider: 'signicatpictureid', status: 'accepted', externalReference: dossierId },
    });

    // The full result: a real zip, with the data file and the images as uploaded.
    const zip = await api.bytes(`/dossiers/${dossierId}/processes/${processId}/download`);
    expect(zip.status).toBe(200);
    expect(zip.type).toBe('application/zip');
    const files = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(files).sort()).toEqual(['document.json', 'front.png', 'selfie.png']);
    expect(Buffer.from(files['front.png']!).equals(tinyPng(80, 50))).toBe(true);
    expect((await api.bytes(`/dossiers/${dossierId}/processes/${processId}/fullresult`)).bytes.equals(zip.bytes)).toBe(true);

    // Delete the dossier: everything of the end-user goes.
    expect((await api.deleteDossier(dossierId)).status).toBe(204);
    expect((await api.dossier(dossierId)).status).toBe(404);
    expect((await api.process(dossierId, processId)).status).toBe(404);
    expect((await api.get(`/dossiers/${dossierId}/processes/${processId}/images/front`)).status).toBe(404);
    expect((await api.get(`/dossiers/${dossierId}/processes/${processId}/download`)).status).toBe(404);
  });

  it('when start verification comes before any image, then 409, and the dossier files stand in for missing process images', async () => {
    const { dossierId } = (await api.createDossier()).body;
    const { processId } = (await api.createProcess(dossierId, { provider: 'signicatpictureid', processType: 'documentSelfie', documentId: 137 })).body;
    const early = await api.startVerification(dossierId, processId);
    expect(early.status).toBe(409);
    expect(early.body.detail).toMatch(/front, selfie/);
    expect((await api.setFiles(dossierId, { front: pngDataUrl(20, 20) })).status).toBe(204);
    expect((await api.setFiles(dossierId, { SELFIE: pngDataUrl(21, 21) })).status).toBe(204);
    expect((await api.bytes(`/dossiers/${dossierId}/files/selfie`)).bytes.equals(tinyPng(21, 21))).toBe(true);
    expect((await api.startVerification(dossierId, processId)).status).toBe(202);
    expect((await api.bytes(`/dossiers/${dossierId}/processes/${processId}/images/front`)).bytes.equals(tinyPng(20, 20))).toBe(true);
    expect((await api.send('DELETE', `/dossiers/${dossierId}/files`)).status).toBe(204);
    expect((await api.get(`/dossiers/${dossierId}/files/front`)).status).toBe(404);
    // What was verified stays: the process had copied the files.
    expect((await api.bytes(`/dossiers/${dossierId}/processes/${processId}/images/front`)).status).toBe(200);
  });

  it.each([
    ['portrait', { portrait: pngDataUrl() }, /portrait/],
    ['an unknown kind', { passport: pngDataUrl() }, /passport/],
    ['no image at all', {}, /at least one/],
    ['text labelled as PNG', { front: `data:image/png;base64,${Buffer.from('hello there, not an image').toString('base64')}` }, /PNG or JPEG/],
    ['something else than a data URL', { front: 'https://example.com/front.jpg' }, /data URL/],
  ])('when setImages carries %s, then 400 with the invalid parameter named', async (_name, body, reason) => {
    const { dossierId } = (await api.createDossier()).body;
    const { processId } = (await api.createProcess(dossierId, { provider: 'signicatpictureid' })).body;
    const res = await api.setImages(dossierId, processId, body);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      status: 400,
      title: 'Invalid request parameter',
      code: 'invalid_request_parameter',
      detail: expect.stringMatching(reason),
    });
    expect(res.body.invalidParams.length).toBeGreaterThan(0);
  });

  it('when an image is wider than 5000 px or larger than 4 MB, then 400 says which limit', async () => {
    const { dossierId } = (await api.createDossier()).body;
    const { processId } = (await api.createProcess(dossierId, { provider: 'signicatpictureid' })).body;
    const wide = await api.setImages(dossierId, processId, { front: pngDataUrl(5001, 1) });
    expect(wide.status).toBe(400);
    expect(wide.body.detail).toMatch(/5000 pixels/);
    const big = await api.setImages(dossierId, processId, { front: `data:image/jpeg;base64,${Buffer.alloc(4 * 1024 * 1024 + 10, 0xff).toString('base64')}` });
    expect(big.status).toBe(400);
    expect(big.body.detail).toMatch(/4194304 bytes/);
  });

  it('when a dossier already holds 50 processes, then a 51st is a 409 and deleting one makes room', async () => {
    const { dossierId } = (await api.createDossier()).body;
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await api.createProcess(dossierId, { provider: 'signicatpictureid' })).body.processId);
    const over = await api.createProcess(dossierId, { provider: 'signicatpictureid' });
    expect(over.status).toBe(409);
    expect(over.body.detail).toMatch(/at most 50 processes/);
    expect((await api.send('DELETE', `/dossiers/${dossierId}/processes/${ids[0]!}`)).status).toBe(204);
    expect((await api.createProcess(dossierId, { provider: 'signicatpictureid' })).status).toBe(201);
    expect((await api.dossier(dossierId)).body.processes).toHaveLength(50);
  });

  it('when create process names an unknown documentId, provider or processType, then 400 names the field', async () => {
    const { dossierId } = (await api.createDossier()).body;
    for (const [body, field] of [
      [{ provider: 'signicatpictureid', documentId: 999999 }, 'documentId'],
      [{ provider: 'onfido' }, 'provider'],
      [{ provider: 'eid', processType: 'document' }, 'processType'],
      [{}, 'provider'],
    ] as const) {
      const res = await api.createProcess(dossierId, body);
      expect(res.status).toBe(400);
      expect(res.body.invalidParams[0].name).toBe(field);
    }
  });
});

async function waitForSink(sink: string): Promise<{ body: string; headers: Record<string, string> }> {
  for (let i = 0; i < 100; i++) {
    const got = (await fetch(sink).then((r) => r.json())) as { received: Array<{ body: string; headers: Record<string, string> }> };
    if (got.received.length > 0) return got.received[0]!;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no webhook arrived');
}
