import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPactFiles, readPact, type PactInteraction } from '../../contracts/provider/pact-files.js';
import { verifyPacts } from '../../contracts/provider/verify-pacts.js';
import { useMockServer } from '../helpers/mock-server.js';
import { COMMITTED_PACTS_DIR, PACT_FILE } from './consumer-examples.js';
import { WRONG, WRONG_SCANNING, writeWrongPact, writeWrongScanningPact } from './wrong-pact.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The committed pact with one interaction's states replaced, in a temporary folder. */
function pactWithStates(description: string, states: PactInteraction['providerStates']): string {
  const pact = readPact(join(COMMITTED_PACTS_DIR, PACT_FILE));
  const interaction = pact.interactions.find((i) => i.description === description)!;
  const dir = tempDir('zignsec-states-');
  writeFileSync(join(dir, 'pact.json'), JSON.stringify({ ...pact, interactions: [{ ...interaction, providerStates: states }] }));
  return dir;
}

describe('provider verification of the mock', () => {
  const mock = useMockServer();

  it('when every pact in contracts/pacts is verified against the mock, then every interaction passes', async () => {
    const files = listPactFiles(COMMITTED_PACTS_DIR);
    expect(files.length).toBeGreaterThan(0);

    const result = await verifyPacts({ baseUrl: mock.baseUrl, pacts: COMMITTED_PACTS_DIR });

    expect(result.ok, result.report).toBe(true);
    expect(result.interactions).toBe(files.map(readPact).reduce((n, p) => n + p.interactions.length, 0));
    expect(result.report).toContain(`OK: all ${result.interactions} interactions verified`);
  });

  it('when a pact names a state that is neither a scenario nor a built-in state, then verification fails before anything runs', async () => {
    const dir = pactWithStates('a ping of the Face API service', [{ name: 'the moon is full' }]);

    const result = await verifyPacts({ baseUrl: mock.baseUrl, pacts: dir });

    expect(result.ok).toBe(false);
    expect(result.unknownStates.map((u) => u.state)).toEqual(['the moon is full']);
    expect(result.failures).toEqual([]);
    expect(result.report).toMatch(/UNKNOWN PROVIDER STATES[\s\S]*"the moon is full"[\s\S]*used by zignsec-reference-client: a ping of the Face API service/);
  });

  it("when a state names a scenario with a param it refuses, then verification fails naming the scenario's complaint", async () => {
    const dir = pactWithStates('a ping of the Face API service', [{ name: 'key-rotation', params: { status: 500 } }]);

    const result = await verifyPacts({ baseUrl: mock.baseUrl, pacts: dir });

    expect(result.ok).toBe(false);
    expect(result.unknownStates[0]).toMatchObject({ state: 'key-rotation', reason: expect.stringMatching(/400.*status/) });
  });

  it("when a states map names the team's own state, then it selects the mapped scenario", async () => {
    const dir = pactWithStates('a ping while the gateway is unavailable', [{ name: 'the gateway is down for maintenance' }]);

    const unmapped = await verifyPacts({ baseUrl: mock.baseUrl, pacts: dir });
    const mapped = await verifyPacts({ baseUrl: mock.baseUrl, pacts: dir, statesMap: { 'the gateway is down for maintenance': 'unavailable' } });

    expect(unmapped.ok).toBe(false);
    expect(mapped.ok, mapped.report).toBe(true);
  });

  it('when a spec V2 pact with its own product keys is verified, then its single providerState is a scenario and its keys take their places', async () => {
    const dir = tempDir('zignsec-v2-');
    const request = (key: string) => ({
      method: 'GET',
      path: '/mobilesdk/faceapi/api/ping',
      headers: { Authorization: 'Bearer a.b.c', 'Zs-Product-Key': key },
    });
    writeFileSync(
      join(dir, 'v2.json'),
      JSON.stringify({
        consumer: { name: 'team-backend' },
        provider: { name: 'zignsec-gateway' },
        interactions: [
          {
            description: 'a ping with our first key while it is rotated away',
            providerState: 'key-rotation',
            request: request('team-key-a'),
            response: { status: 401 },
          },
          {
            description: 'a ping with our second key while the first is rotated away',
            providerState: 'key-rotation',
            request: request('team-key-b'),
            response: { status: 200 },
          },
          {
            description: 'a ping while the gateway is down',
            providerState: 'unavailable',
            request: request('team-key-a'),
            response: { status: 503, headers: { 'Retry-After': '30' }, body: { statusCode: 503 } },
          },
        ],
        metadata: { pactSpecification: { version: '2.0.0' } },
      }),
    );

    const result = await verifyPacts({ baseUrl: mock.baseUrl, pacts: dir });

    expect(result.ok, result.report).toBe(true);
    expect(result.interactions).toBe(3);
  });

  it('when a state cannot be set up, then the verification fails and says so', async () => {
    const dir = pactWithStates('a ping of the Face API service', [{ name: 'session exists' }, { name: 'demo client' }]);

    const result = await verifyPacts({ baseUrl: mock.baseUrl, pacts: dir });

    expect(result.ok).toBe(false);
    expect(result.setupErrors).toEqual([expect.stringContaining('"demo client" must come before any other state')]);
    expect(result.report).toContain('STATE SETUP ERRORS');
  });

  it('when a pact is wrong (a field type, a status, a missing request header, an absent response header), then each interaction fails with a readable reason', async () => {
    const { dir } = writeWrongPact();

    const result = await verifyPacts({ baseUrl: mock.baseUrl, pacts: dir });

    expect(result.ok).toBe(false);
    expect(result.unknownStates).toEqual([]);
    const reasons = Object.fromEntries(result.failures.map((f) => [f.interaction.replace(/^.* - /, ''), f.mismatches.join('\n')]));
    expect(reasons[WRONG.fieldType]).toMatch(/body \$\.clientIdLong: Expected '[0-9a-f-]{36}' \(String\) to be an integer/);
    expect(reasons[WRONG.status]).toMatch(/status: expected 200 but was 404/);
    expect(reasons[WRONG.requestHeader]).toMatch(/status: expected 200 but was 401/);
    expect(reasons[WRONG.responseHeader]).toMatch(/header X-Request-Id: Expected a header 'X-Request-Id' but was missing/);
    expect(result.report).toContain('FAILED: 4 of 4 interactions');
    // The verifier ran in a process of its own: what it printed is here, not in this process's output.
    expect(result.verifierOutput).toMatch(/Verifying a pact between .*wrong-consumer[\s\S]*Failures:/);
    for (const description of Object.values(WRONG)) expect(result.verifierOutput).toContain(description);
  });

  it('when a scanning pact is wrong (a status, a status field, a missing API key, a 401 for the own key), then each interaction fails with a readable reason', async () => {
    const { dir } = writeWrongScanningPact();

    const result = await verifyPacts({ baseUrl: mock.baseUrl, pacts: dir });

    expect(result.ok).toBe(false);
    expect(result.unknownStates).toEqual([]);
    expect(result.setupErrors).toEqual([]);
    const reasons = Object.fromEntries(result.failures.map((f) => [f.interaction.replace(/^.* - /, ''), f.mismatches.join('\n')]));
    expect(reasons[WRONG_SCANNING.status]).toMatch(/status: expected 200 but was 404/);
    expect(reasons[WRONG_SCANNING.body]).toMatch(/body \$\.status: Expected 'Pending' \(String\) to be equal to 'Accepted'/);
    expect(reasons[WRONG_SCANNING.requestHeader]).toMatch(/status: expected 200 but was 401/);
    expect(reasons[WRONG_SCANNING.ownKey]).toMatch(/status: expected 401 but was 200/);
    expect(result.report).toContain('FAILED: 4 of 4 interactions');
  });

  it('when a team\'s own scanning pact is verified, then its key is the client\'s, another key and "unknown api key" are refused, and an outcome binds to the scan', async () => {
    const dir = tempDir('zignsec-team-scanning-');
    const headers = (key: string) => ({ Authorization: key, 'Content-Type': 'application/json' });
    const analyses = (description: string, states: string[], total: string) => ({
      description,
      providerStates: states.map((name) => ({ name })),
      request: {
        method: 'POST',
        path: '/v3/eid/scanningsessions/00000000-0000-4000-8000-000000000000/analyses',
        headers: headers('team-key'),
        body: { analysis_types: ['liveness'] },
        generators: { path: { type: 'ProviderState', expression: '/v3/eid/scanningsessions/${scanId}/analyses' } },
      },
      response: { status: 200, body: { total_result: total } },
    });
    writeFileSync(
      join(dir, 'team.json'),
      JSON.stringify({
        consumer: { name: 'team-backend' },
        provider: { name: 'zignsec-gateway' },
        interactions: [
          {
            description: 'a scan with our key',
            request: { method: 'POST', path: '/v3/scanning', headers: headers('team-key'), body: {} },
            response: { status: 200 },
          },
          {
            description: 'a scan with a key we never had',
            request: { method: 'POST', path: '/v3/scanning', headers: headers('not-our-key'), body: {} },
            response: { status: 401, body: { errors: [{ code: 'INVALID_APPID' }] } },
          },
          {
            description: 'a scan with our key after it was revoked',
            providerStates: [{ name: 'unknown api key' }],
            request: { method: 'POST', path: '/v3/scanning', headers: headers('team-key'), body: {} },
            response: { status: 401 },
          },
          analyses('the analyses of a scan that ends as it would', ['scan exists'], 'Accepted'),
          analyses('the analyses of a scan with a rejected document', ['rejected', 'scan exists'], 'Declined'),
          {
            description: 'the result of a scan the person finished, declined',
            providerStates: [{ name: 'declined' }, { name: 'scan finished' }],
            request: {
              method: 'GET',
              path: '/v3/scanning/00000000-0000-4000-8000-000000000000',
              headers: { Authorization: 'team-key' },
              generators: { path: { type: 'ProviderState', expression: '/v3/scanning/${scanId}' } },
            },
            response: { status: 200, body: { status: 'Declined', result: { documentAnalysis: { status: 'Declined' } } } },
          },
        ],
        metadata: { pactSpecification: { version: '3.0.0' } },
      }),
    );

    const result = await verifyPacts({ baseUrl: mock.baseUrl, pacts: dir });

    expect(result.ok, result.report).toBe(true);
    expect(result.interactions).toBe(6);
  });
});
