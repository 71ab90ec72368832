import { encodePng } from '../fixtures/images/png.js';
import type { Load } from './measure.js';

const ASSURE_BASIC = `Basic ${Buffer.from('demo-assure:demo-assure-secret').toString('base64')}`;

/** A Signicat bearer for demo-assure: fetched just before the Assure rows, since it lives 600 s. */
async function assureToken(mockUrl: string): Promise<string> {
  const res = await fetch(`${mockUrl}/auth/open/connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: ASSURE_BASIC },
    body: 'grant_type=client_credentials&scope=signicat-api',
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A small PNG, so the setup's setImages passes the content check. */
const PNG = `data:image/png;base64,${encodePng(32, 20, new Uint8Array(32 * 20 * 3).fill(200)).toString('base64')}`;

/**
 * (j) creating dossiers, (k) reading an accepted PictureID process, (l) downloading its full result, all as
 * demo-assure. The mock must run with `assure.processingSeconds: 0`, so the setup's process is final at once.
 */
export async function assureLoads(mockUrl: string): Promise<Array<[string, Load]>> {
  const headers = { authorization: `Bearer ${await assureToken(mockUrl)}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${mockUrl}/assure${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    if (res.status >= 300) throw new Error(`bench setup: POST ${path} answered ${res.status} ${await res.text()}`);
    return res.status === 204 ? {} : ((await res.json()) as Record<string, string>);
  };
  const { dossierId } = await post('/dossiers', {});
  const { processId } = await post(`/dossiers/${dossierId}/processes`, { provider: 'signicatpictureid', processType: 'document', documentId: 137 });
  await post(`/dossiers/${dossierId}/processes/${processId}/images`, { front: PNG });
  await post(`/dossiers/${dossierId}/processes/${processId}/startverification`, {});
  const processUrl = `${mockUrl}/assure/dossiers/${dossierId}/processes/${processId}`;
  const read = await fetch(processUrl, { headers });
  if (((await read.json()) as { status: string }).status !== 'accepted')
    throw new Error('bench setup: the process is not accepted; is assure.processingSeconds 0?');
  const bearer = { authorization: headers.authorization };
  return [
    ['(j) mock POST /assure/dossiers', { url: `${mockUrl}/assure/dossiers`, method: 'POST', headers, body: '{}' }],
    ['(k) mock GET /assure/.../processes/{id} (accepted)', { url: processUrl, headers: bearer }],
    ['(l) mock GET /assure/.../download (full-result zip)', { url: `${processUrl}/download`, headers: bearer }],
  ];
}
