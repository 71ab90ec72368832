import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminApi } from '../../helpers/admin-client.js';
import { assureApi, newAssureBackend, pngDataUrl, type AssureApi } from '../../helpers/assure-client.js';
import { useMockServer } from '../../helpers/mock-server.js';

interface Ids {
  dossier: string;
  process: string;
}

type Attempt = (api: AssureApi, ids: Ids) => Promise<{ status: number; text: string }>;

const p = (ids: Ids) => `/dossiers/${ids.dossier}/processes/${ids.process}`;

/** Every Assure route that takes a dossier or process id. */
const routes: Array<[string, Attempt]> = [
  ['get the dossier', (api, ids) => api.dossier(ids.dossier)],
  ['delete the dossier', (api, ids) => api.deleteDossier(ids.dossier)],
  ['set dossier files', (api, ids) => api.setFiles(ids.dossier, { front: pngDataUrl() })],
  ['get a dossier file', (api, ids) => api.get(`/dossiers/${ids.dossier}/files/front`)],
  ['delete dossier files', (api, ids) => api.send('DELETE', `/dossiers/${ids.dossier}/files`)],
  ['create a process', (api, ids) => api.createProcess(ids.dossier, { provider: 'signicatpictureid' })],
  ['start capture', (api, ids) => api.capture(ids.dossier, { providers: [{ provider: 'signicatpictureid' }], redirectUrl: 'https://example.com/back' })],
  ['get the process', (api, ids) => api.get(p(ids))],
  ['delete the process', (api, ids) => api.send('DELETE', p(ids))],
  ['set images', (api, ids) => api.setImages(ids.dossier, ids.process, { front: pngDataUrl() })],
  ['get an image', (api, ids) => api.get(`${p(ids)}/images/front`)],
  ['start verification', (api, ids) => api.startVerification(ids.dossier, ids.process)],
  ['get the video', (api, ids) => api.get(`${p(ids)}/video`)],
  ['download the full result', (api, ids) => api.get(`${p(ids)}/download`)],
  ['download the full result (alias)', (api, ids) => api.get(`${p(ids)}/fullresult`)],
];

/** The routes that name a process beside its dossier. */
const PROCESS_ROUTES = new Set(routes.slice(7).map(([name]) => name));

const comparable = (text: string) =>
  text.replace(/"traceId":"[^"]*"/g, '"traceId":"x"').replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, 'ID');

describe('Assure: ownership of dossiers and processes', () => {
  const mock = useMockServer({ assure: { processingSeconds: 0 } });
  let owner: AssureApi;
  let stranger: AssureApi;
  let ids: Ids;
  let ownerClient: string;

  beforeAll(async () => {
    const o = await newAssureBackend(mock.baseUrl);
    owner = o.api;
    ownerClient = o.client.clientId;
    stranger = (await newAssureBackend(mock.baseUrl)).api;
    const dossier = (await owner.createDossier()).body.dossierId;
    const process = (await owner.createProcess(dossier, { provider: 'signicatpictureid', documentId: 137 })).body.processId;
    expect((await owner.setImages(dossier, process, { front: pngDataUrl() })).status).toBe(204);
    expect((await owner.setFiles(dossier, { front: pngDataUrl() })).status).toBe(204);
    expect((await owner.startVerification(dossier, process)).status).toBe(202);
    ids = { dossier, process };
  });

  const never = (): Ids => ({ dossier: randomUUID(), process: randomUUID() });

  it.each(routes)('when another client tries to %s, then it gets the answer of an id that never existed', async (_name, attempt) => {
    const foreign = await attempt(stranger, ids);
    const missing = await attempt(stranger, never());
    expect(foreign.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(comparable(foreign.text)).toBe(comparable(missing.text));
    expect(foreign.text).not.toContain(ownerClient);
  });

  it.each(routes.filter(([name]) => PROCESS_ROUTES.has(name)))(
    "when another client's own dossier names the owner's process to %s, then it is the same 404",
    async (_name, attempt) => {
      const mine = (await stranger.createDossier()).body.dossierId;
      const foreign = await attempt(stranger, { dossier: mine, process: ids.process });
      const missing = await attempt(stranger, { dossier: mine, process: randomUUID() });
      expect(foreign.status).toBe(missing.status);
      expect(comparable(foreign.text)).toBe(comparable(missing.text));
    },
  );

  it.each(routes)('when nobody tries to %s, then it gets the 401 an unknown id gets', async (_name, attempt) => {
    const nobody = assureApi(mock.baseUrl, undefined);
    const foreign = await attempt(nobody, ids);
    const missing = await attempt(nobody, never());
    expect(foreign.status).toBe(401);
    expect(comparable(foreign.text)).toBe(comparable(missing.text));
  });

  it('when the stranger has tried everything, then the owner still has its dossier, process, images and result', async () => {
    for (const [, attempt] of routes) await attempt(stranger, ids);
    const process = await owner.process(ids.dossier, ids.process);
    expect(process.status).toBe(200);
    expect(process.body.status).toBe('accepted');
    expect((await owner.get(`${p(ids)}/images/front`)).status).toBe(200);
    expect((await owner.get(`/dossiers/${ids.dossier}/files/front`)).status).toBe(200);
    expect((await owner.listDossiers()).body.map((d: { dossierId: string }) => d.dossierId)).toContain(ids.dossier);
    expect((await stranger.listDossiers()).body.map((d: { dossierId: string }) => d.dossierId)).not.toContain(ids.dossier);
  });

  it('when the owner deletes the dossier, then nothing of it is held: the store collections keep none of its entries', async () => {
    const { dossierId } = (await owner.createDossier()).body;
    const { processId } = (await owner.createProcess(dossierId, { provider: 'eid' }, 'accepted')).body;
    expect((await owner.setFiles(dossierId, { front: pngDataUrl(), selfie: pngDataUrl() })).status).toBe(204);
    const pid = (await owner.createProcess(dossierId, { provider: 'signicatpictureid' })).body.processId;
    expect((await owner.setImages(dossierId, pid, { front: pngDataUrl() })).status).toBe(204);
    await adminApi(mock.baseUrl).advance(5);
    expect((await owner.process(dossierId, processId)).body.status).toBe('accepted');
    expect((await owner.get(`/dossiers/${dossierId}/processes/${processId}/download`)).status).toBe(200);

    const held = async () => {
      const found: string[] = [];
      for (const c of mock.deps.stores.collections()) {
        for (const v of await c.find(() => true, 100_000)) {
          const text = JSON.stringify(v);
          if (text.includes(dossierId) || text.includes(processId) || text.includes(pid)) found.push(c.name);
        }
      }
      return found;
    };
    expect((await held()).length).toBeGreaterThan(0);
    expect((await owner.deleteDossier(dossierId)).status).toBe(204);
    expect(await held()).toEqual([]);
    expect((await owner.dossier(dossierId)).status).toBe(404);
    expect((await owner.get(`/dossiers/${dossierId}/processes/${processId}/video`)).status).toBe(404);
  });
});
