import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../../fixtures/images/png.js';
import { adminApi } from '../../helpers/admin-client.js';
import { useMockServer } from '../../helpers/mock-server.js';
import { scanningApi, scanningViolations, type ScanningApi } from '../../helpers/scanning-client.js';

const PNG = encodePng(8, 8, new Uint8Array(8 * 8 * 3).fill(120));
const BASE = '/v3/eid/scanningsessions';

describe('scanning v3: the API flow', () => {
  const mock = useMockServer();
  let api: ScanningApi;
  let stranger: ScanningApi;

  beforeAll(async () => {
    const admin = adminApi(mock.baseUrl);
    api = scanningApi(mock.baseUrl, (await admin.newClient()).apiKeys[0]);
    stranger = scanningApi(mock.baseUrl, (await admin.newClient()).apiKeys[0]);
  });

  const upload = (who: ScanningApi, id: string, documentType: string, content: Buffer | string = PNG, reference = 'ref-1') => {
    const body = new FormData();
    body.append('document', new Blob([content]), 'photo.png');
    return who.raw(`${BASE}/${id}/documents?documentType=${documentType}&reference=${reference}`, { method: 'POST', body });
  };

  it('when a session is created, its documents uploaded and the analyses run, then the summary reads the document', async () => {
    const created = await api.post(BASE, { locale: 'en', analysis_types: ['document', 'selfie'] }, 'declined;variant=expired');
    expect(created.status).toBe(200);
    const id = created.body.session_id as string;
    expect(created.body).toEqual({ session_id: id, provider_folder_id: id });
    expect((await api.get(`${BASE}/${id}/analysisStatus`)).body).toEqual({ session_id: id, status: 'Pending' });

    const front = await upload(api, id, 'Passport');
    expect(front.status).toBe(200);
    expect(front.body).toMatchObject({ session_id: id, document_type: 'Passport', reference: 'ref-1' });
    expect((await upload(api, id, 'Selfie')).status).toBe(200);

    const run = await api.post(`${BASE}/${id}/analyses?timeZoneOffset=-60`, { analysis_types: ['document', 'selfie'] });
    expect(run.status).toBe(200);
    expect(run.body.total_result).toBe('Declined');
    expect(run.body.analysis_summary.id_document_summary.fields.Document_Number).toMatch(/^\w+$/);
    expect(run.body.analyses.map((a: { type: string }) => a.type)).toEqual(['document', 'selfie']);
    expect(scanningViolations('AnalysesSummary', run.body)).toEqual([]);
    expect(scanningViolations('ApiSession', created.body)).toEqual([]);
    expect(scanningViolations('DocumentUploaded', front.body)).toEqual([]);

    const all = await api.get(`${BASE}/${id}/analyses`);
    expect(all.body).toEqual(run.body);
    const document = run.body.analyses[0];
    const one = await api.get(`${BASE}/${id}/analyses/${document.id}`);
    expect(one.body).toMatchObject({
      id: document.id,
      type: 'document',
      status: 'Declined',
      documentNumber: run.body.analysis_summary.id_document_summary.fields.Document_Number,
    });
    expect((await api.get(`${BASE}/${id}/analysisStatus`)).body.status).toBe('Declined');
    // The web result of the same session agrees.
    expect((await api.result(id)).body.result.documentAnalysis.documentNumber).toBe(one.body.documentNumber);
  });

  it('when the analyses start before the front is uploaded, then 400 and the session stays Pending', async () => {
    const id = (await api.post(BASE, {})).body.session_id as string;
    const res = await api.post(`${BASE}/${id}/analyses`, { analysis_types: ['document'] });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ code: 'INVALID_REQUEST', description: expect.stringMatching(/front of the document/) });
    expect((await api.get(`${BASE}/${id}/analysisStatus`)).body.status).toBe('Pending');
  });

  it.each([
    ['an unknown documentType', 'Banknote', PNG, /documentType parameter/],
    ['a file that is not an image', 'Passport', 'plain text', /not a JPEG or PNG/],
    ['an empty file', 'Passport', Buffer.alloc(0), /missing or empty/],
  ])('when the upload has %s, then 400 INVALID_REQUEST', async (_name, type, content, description) => {
    const id = (await api.post(BASE, {})).body.session_id as string;
    const res = await upload(api, id, type, content);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toEqual({ code: 'INVALID_REQUEST', description: expect.stringMatching(description) });
  });

  it('when the analyses body names an unknown type, then 400', async () => {
    const id = (await api.post(BASE, {})).body.session_id as string;
    expect((await api.post(`${BASE}/${id}/analyses`, { analysis_types: ['dna'] })).status).toBe(400);
  });

  it('when the analyses are asked with UI, then a one-time link to the hosted pages comes back', async () => {
    const id = (await api.post(BASE, {})).body.session_id as string;
    const res = await api.post(`${BASE}/${id}/ui/analyses`, { analysis_types: ['document'] });
    expect(res.body.redirect_url).toMatch(new RegExp(`/v3/scan/ui/${id}\\?otp=[A-Za-z0-9_-]{22}$`));
  });

  it('when another client uploads to, analyses or reads a session, then what an unknown id gets', async () => {
    const id = (await api.post(BASE, { relay_state: 'mine' })).body.session_id as string;
    const attempts = [
      (sid: string) => upload(stranger, sid, 'Passport'),
      (sid: string) => stranger.post(`${BASE}/${sid}/analyses`, { analysis_types: ['document'] }),
      (sid: string) => stranger.post(`${BASE}/${sid}/ui/analyses`, {}),
    ];
    for (const attempt of attempts) {
      const foreign = await attempt(id);
      const unknown = await attempt(randomUUID());
      expect(foreign.status).toBe(404);
      expect(foreign.text).toBe(unknown.text);
    }
    expect((await api.get(`${BASE}/${id}/analysisStatus`)).body.status).toBe('Pending');
  });
});

describe('scanning v3: how a scan gets its outcome', () => {
  const mock = useMockServer({
    scenarios: { selection: { rules: [{ when: { kind: 'scan', attributes: { relay_state: '/^decline-/' } }, use: 'declined;variant=face-mismatch' }] } },
  });

  async function analysed(api: ScanningApi, body: Record<string, unknown>, scenario?: string) {
    const id = (await api.post(BASE, body, scenario)).body.session_id as string;
    const form = new FormData();
    form.append('document', new Blob([PNG]), 'front.png');
    await api.raw(`${BASE}/${id}/documents?documentType=Passport`, { method: 'POST', body: form });
    const selfie = new FormData();
    selfie.append('document', new Blob([PNG]), 'selfie.png');
    await api.raw(`${BASE}/${id}/documents?documentType=Selfie`, { method: 'POST', body: selfie });
    return (await api.post(`${BASE}/${id}/analyses`, { analysis_types: ['document', 'selfie'] })).body;
  }

  it('when a selection rule matches the relay_state, then the scan gets that scenario', async () => {
    const client = await adminApi(mock.baseUrl).newClient();
    const api = scanningApi(mock.baseUrl, client.apiKeys[0]);
    expect((await analysed(api, { relay_state: 'decline-42' })).analyses).toEqual([
      expect.objectContaining({ type: 'document', status: 'Accepted' }),
      expect.objectContaining({ type: 'selfie', status: 'Declined' }),
    ]);
    expect((await analysed(api, { relay_state: 'order-42' })).total_result).toBe('Accepted');
  });

  it('when a scenario is queued for the next scan, then that scan gets it, and the header beats both', async () => {
    const admin = adminApi(mock.baseUrl);
    const client = await admin.newClient();
    const api = scanningApi(mock.baseUrl, client.apiKeys[0]);
    expect((await admin.queue(client.clientId, 'failed', 'scan')).status).toBeLessThan(300);
    expect((await analysed(api, { relay_state: 'decline-1' })).total_result).toBe('Failed');
    expect((await analysed(api, { relay_state: 'decline-2' }, 'accepted')).total_result).toBe('Accepted');
    expect((await analysed(api, {})).total_result).toBe('Accepted');
  });
});
