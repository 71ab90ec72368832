import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AssureApiError, AssureClient, MemoryTokenStore, type AssureClientOptions } from '../../contracts/client/index.js';
import { readPact } from '../../contracts/provider/pact-files.js';
import { tempDir } from '../helpers/temp-dir.js';
import * as i from './assure-interactions.js';
import { ASSURE_EXAMPLE, ASSURE_PACT_FILE, PICTUREID_PROCESS, newAssurePact } from './assure-interactions.js';
import { COMMITTED_PACTS_DIR, EXAMPLE, pactOutputDir } from './consumer-examples.js';
import { normalizePact } from './pact-output.js';

/**
 * Pact V4 consumer tests of the reference Assure client: each test registers the interactions one flow
 * needs (the Signicat token first), runs the real client against Pact's mock server, and so writes them
 * to its pact file. The flows are the integration guides' UC 2 of PictureID and of eid.
 */
const clientAt = (baseUrl: string, options: Partial<AssureClientOptions> = {}) =>
  new AssureClient({ baseUrl, clientId: EXAMPLE.clientId, clientSecret: EXAMPLE.clientSecret, ...options });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('the call should have been refused'),
    (e: unknown) => e,
  );

/** A zip of one stored `ocr.json`, the example full result; Pact matches the answer by content type only. */
const exampleZip = () => {
  const name = Buffer.from('ocr.json');
  const data = Buffer.from('{}');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(10, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + data.length, 16);
  const file = join(tempDir('assure-pact-'), 'full-result.zip');
  writeFileSync(file, Buffer.concat([local, name, data, central, name, end]));
  return file;
};

describe('reference Assure client ↔ Signicat Assure (Pact consumer)', () => {
  it('runs PictureID UC 2: dossier, document types, a Dutch passport process, setImages, start, accepted', async () => {
    const pact = newAssurePact();
    i.signicatToken(pact);
    i.createDossier(pact);
    i.pictureIdDocumentTypes(pact);
    i.createPictureIdProcess(pact);
    i.setPictureIdImages(pact);
    i.startPictureIdVerification(pact);
    await i.getAcceptedPictureIdProcess(pact).executeTest(async (server) => {
      const client = clientAt(server.url);
      const { dossierId } = await client.createDossier();
      const passport = (await client.documentTypes('signicatpictureid')).find((t) => t.id === 137);
      expect(passport).toMatchObject({ country: 'NLD', type: 'passport' });

      const created = await client.createProcess(dossierId, PICTUREID_PROCESS);
      expect(created).toMatchObject({ provider: 'signicatpictureid', processType: 'document', status: 'pending', documentId: 137 });
      await client.setImages(dossierId, created.processId, { front: ASSURE_EXAMPLE.front });
      expect((await client.startVerification(dossierId, created.processId)).status).toBe('processing');

      const done = await client.waitForFinal(dossierId, created.processId, { intervalMs: 10, timeoutMs: 1000 });
      expect(done.status).toBe('accepted');
      expect(done.finalResult).toMatchObject({ nationality: 'NLD', issuingCountry: 'NLD', gender: 'F' });
      expect(done.providerSpecific).toHaveProperty('document.securityChecks.notTamperedDocument.passed', true);
    });
  });

  it('runs eid UC 2: a process with the SDK authorizationToken, accepted after the Registration Authority', async () => {
    const pact = newAssurePact();
    i.signicatToken(pact);
    i.createEidProcess(pact);
    await i.getAcceptedEidProcess(pact).executeTest(async (server) => {
      const client = clientAt(server.url);
      const created = await client.createProcess(ASSURE_EXAMPLE.dossierId, { provider: 'eid' });
      expect(created).toMatchObject({ provider: 'eid', processType: 'substantial', status: 'pending' });
      expect(created.authorizationToken).toBeTruthy();

      const done = await client.getProcess(ASSURE_EXAMPLE.dossierId, created.processId);
      expect(done.status).toBe('accepted');
      expect(done.finalResult?.personalIdentificationNumber).toBeTruthy();
      expect(done.providerSpecific).toHaveProperty('ocr.similarityScore', 'high');
    });
  });

  it('reads a dossier with its processes', async () => {
    const pact = newAssurePact();
    i.signicatToken(pact);
    await i.getDossierWithProcesses(pact).executeTest(async (server) => {
      const dossier = await clientAt(server.url).getDossier(ASSURE_EXAMPLE.dossierId);
      expect(dossier.dossierId).toBe(ASSURE_EXAMPLE.dossierId);
      expect(dossier.processes[0]).toMatchObject({ provider: 'eid', status: 'accepted' });
    });
  });

  it('downloads the full result of a finished process as a zip', async () => {
    const pact = newAssurePact();
    i.signicatToken(pact);
    await i
      .downloadEidFullResult(exampleZip())(pact)
      .executeTest(async (server) => {
        const zip = await clientAt(server.url).downloadFullResult(ASSURE_EXAMPLE.dossierId, ASSURE_EXAMPLE.eidProcessId);
        expect(Buffer.from(zip.subarray(0, 2)).toString('latin1')).toBe('PK');
      });
  });

  it('deletes a dossier', async () => {
    const pact = newAssurePact();
    i.signicatToken(pact);
    await i.deleteDossier(pact).executeTest(async (server) => {
      await expect(clientAt(server.url).deleteDossier(ASSURE_EXAMPLE.dossierId)).resolves.toBeUndefined();
    });
  });

  it('when its token has expired, fetches a new one and repeats the call', async () => {
    const pact = newAssurePact();
    i.listDossiersWithExpiredToken(pact);
    i.signicatToken(pact);
    await i.listDossiers(pact).executeTest(async (server) => {
      // A token the client still believes valid (a shared store, clock skew) that Assure refuses.
      const tokenStore = new MemoryTokenStore();
      tokenStore.set({ accessToken: EXAMPLE.staleToken, refreshAt: Number.MAX_SAFE_INTEGER });
      const dossiers = await clientAt(server.url, { tokenStore }).listDossiers();
      expect(dossiers[0]?.dossierId).toBe(ASSURE_EXAMPLE.dossierId);
    });
  });

  it('when the Authorization header is not a Bearer one, throws the 400 "Malformed Authorization header."', async () => {
    const pact = newAssurePact();
    i.signicatToken(pact);
    await i.listDossiersWithoutBearerScheme(pact).executeTest(async (server) => {
      // A backend whose HTTP layer drops the scheme: the token alone in Authorization.
      const client = clientAt(server.url, {
        fetch: (input, init) => {
          const headers = new Headers(init?.headers);
          headers.set('authorization', (headers.get('authorization') ?? '').replace(/^Bearer /, ''));
          return fetch(input, { ...init, headers });
        },
      });
      const error = await refusal(client.listDossiers());
      expect(error).toBeInstanceOf(AssureApiError);
      expect(error).toMatchObject({ status: 400, title: 'Malformed Authorization header.', detail: 'Please provide a valid Bearer authentication.' });
    });
  });

  it('when the dossier does not exist, throws the 404', async () => {
    const pact = newAssurePact();
    i.signicatToken(pact);
    await i.getUnknownDossier(pact).executeTest(async (server) => {
      const error = await refusal(clientAt(server.url).getDossier(ASSURE_EXAMPLE.unknownDossierId));
      expect(error).toBeInstanceOf(AssureApiError);
      expect(error).toMatchObject({ status: 404, title: 'Not found.', problem: { method: 'GET', type: 'base:client-problem' } });
    });
  });

  it('when the verification was started already, throws the 409', async () => {
    const pact = newAssurePact();
    i.signicatToken(pact);
    await i.startVerificationTwice(pact).executeTest(async (server) => {
      const error = await refusal(clientAt(server.url).startVerification(ASSURE_EXAMPLE.dossierId, ASSURE_EXAMPLE.pictureIdProcessId));
      expect(error).toMatchObject({ status: 409, title: 'Conflict.' });
    });
  });
});

describe('the Assure pact file', () => {
  // Runs after the tests above (a file's tests run in order): the pact they wrote is complete by now.
  it('is the one committed in contracts/pacts (PACT_UPDATE=1 rewrites it)', () => {
    const written = normalizePact(readPact(join(pactOutputDir(), ASSURE_PACT_FILE)));
    const committed = join(COMMITTED_PACTS_DIR, ASSURE_PACT_FILE);
    if (process.env.PACT_UPDATE === '1') writeFileSync(committed, `${JSON.stringify(written, null, 2)}\n`);
    expect(written).toEqual(readPact(committed));
    expect(new Set(written.interactions.map((i) => i.description)).size).toBe(written.interactions.length);
  });
});
