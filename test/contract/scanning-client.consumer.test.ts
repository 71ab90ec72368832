import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZignSecScanningClient, ZignSecScanningError } from '../../contracts/client/index.js';
import { readPact } from '../../contracts/provider/pact-files.js';
import { COMMITTED_PACTS_DIR, EXAMPLE, SCANNING_PACT_FILE, newScanningPact, pactOutputDir } from './consumer-examples.js';
import { normalizePact } from './pact-output.js';
import * as i from './scanning-interactions.js';

/**
 * Pact V4 consumer tests of the reference scanning client: each test registers the interactions one
 * call needs, runs the real client against Pact's mock server, and so writes them to its pact file.
 */
const clientAt = (baseUrl: string, apiKey: string = EXAMPLE.apiKey) => new ZignSecScanningClient({ baseUrl, apiKey });
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('the call should have been refused'),
    (e: unknown) => e,
  );

describe('reference scanning client ↔ scanning v3 (Pact consumer)', () => {
  it('creates a document scan', async () => {
    await i.createScan(newScanningPact()).executeTest(async (server) => {
      const scan = await clientAt(server.url).createScan({ relay_state: 'order-17', analysis_types: ['document'] });
      expect(scan).toEqual({ id: EXAMPLE.scanId, errors: [], redirect_url: `https://test.zignsec.com/v3/scan/ui/${EXAMPLE.scanId}?otp=${EXAMPLE.otp}` });
    });
  });

  it('creates a liveness scan', async () => {
    await i.createLivenessScan(newScanningPact()).executeTest(async (server) => {
      const scan = await clientAt(server.url).createLivenessScan({ options: 'FrontSide', action: 'Smile' });
      expect(scan.redirect_url).toMatch(/\/liveness\?otp=/);
    });
  });

  it('when a liveness scan lacks options, throws 400 INVALID_REQUEST', async () => {
    await i.createLivenessWithoutOptions(newScanningPact()).executeTest(async (server) => {
      const error = await refusal(clientAt(server.url).createLivenessScan({ action: 'Smile' } as never));
      expect(error).toBeInstanceOf(ZignSecScanningError);
      expect(error).toMatchObject({ status: 400, code: 'INVALID_REQUEST', description: 'The options field is required.' });
    });
  });

  it('when the API key is unknown, throws 401 INVALID_APPID', async () => {
    await i.createScanWithUnknownKey(newScanningPact()).executeTest(async (server) => {
      const error = await refusal(clientAt(server.url, EXAMPLE.unknownApiKey).createScan({ relay_state: 'order-17', analysis_types: ['document'] }));
      expect(error).toMatchObject({ status: 401, code: 'INVALID_APPID' });
    });
  });

  it('reads the result of a scan the person has not finished: Pending', async () => {
    await i.readPendingScan(newScanningPact()).executeTest(async (server) => {
      const scan = await clientAt(server.url).getScan(EXAMPLE.scanId);
      expect(scan).toMatchObject({ id: EXAMPLE.scanId, status: 'Pending', result: { documentAnalysis: { status: 'Requested' } } });
    });
  });

  it('when the scan does not exist, throws 404 SESSION_NOT_FOUND', async () => {
    await i.readUnknownScan(newScanningPact()).executeTest(async (server) => {
      expect(await refusal(clientAt(server.url).getScan(EXAMPLE.scanId))).toMatchObject({ status: 404, code: 'SESSION_NOT_FOUND' });
    });
  });

  it('reads the analysis status of a session whose analyses have not run: Pending', async () => {
    await i.readPendingAnalysisStatus(newScanningPact()).executeTest(async (server) => {
      expect(await clientAt(server.url).analysisStatus(EXAMPLE.scanId)).toEqual({ session_id: EXAMPLE.scanId, status: 'Pending' });
    });
  });
});

describe('the scanning pact file', () => {
  // Runs after the tests above (a file's tests run in order): the pact they wrote is complete by now.
  it('is the one committed in contracts/pacts (PACT_UPDATE=1 rewrites it)', () => {
    const written = normalizePact(readPact(join(pactOutputDir(), SCANNING_PACT_FILE)));
    const committed = join(COMMITTED_PACTS_DIR, SCANNING_PACT_FILE);
    if (process.env.PACT_UPDATE === '1') writeFileSync(committed, `${JSON.stringify(written, null, 2)}\n`);
    expect(written).toEqual(readPact(committed));
    expect(new Set(written.interactions.map((i) => i.description)).size).toBe(written.interactions.length);
  });
});
