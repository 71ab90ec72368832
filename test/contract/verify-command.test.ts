import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listPactFiles, readPact } from '../../contracts/provider/pact-files.js';
import { exitOf, listeningUrl, ROOT } from '../helpers/process.js';
import { COMMITTED_PACTS_DIR, PACT_FILE } from './consumer-examples.js';
import { WRONG, writeWrongPact } from './wrong-pact.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Runs the package's bin as `npx zignsec-mock` would, and collects what it prints. */
function zignsecMock(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['bin/zignsec-mock.js', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return Object.assign(child, { output: () => output });
}

async function run(args: string[]): Promise<{ code: number | null; output: string }> {
  const child = zignsecMock(args);
  const code = await exitOf(child);
  return { code, output: child.output() };
}

describe('npx zignsec-mock verify', () => {
  it('when the good pacts are verified, then it reports every interaction verified and exits 0', async () => {
    const { code, output } = await run(['verify', COMMITTED_PACTS_DIR]);
    const count = listPactFiles(COMMITTED_PACTS_DIR).reduce((n, file) => n + readPact(file).interactions.length, 0);
    expect(output).toContain(`OK: all ${count} interactions verified`);
    expect(code).toBe(0);
  });

  it('when a wrong pact is verified, then it names each mismatch and exits 1', async () => {
    const { file } = writeWrongPact();

    const { code, output } = await run(['verify', file]);

    expect(code).toBe(1);
    expect(output).toContain('FAILED: 4 of 4 interactions');
    // The verifier's own account comes first, without its colours: this output is a pipe, not a terminal.
    expect(output).toMatch(/Verifying a pact between wrong-consumer and zignsec-gateway[\s\S]*Failures:[\s\S]*FAILED: 4 of 4/);
    expect(output).not.toContain('\x1b[');
    for (const description of Object.values(WRONG)) expect(output).toContain(description);
    expect(output).toMatch(/body \$\.clientIdLong: .* to be an integer/);
    expect(output).toContain('status: expected 200 but was 404');
    expect(output).toContain("header X-Request-Id: Expected a header 'X-Request-Id' but was missing");
  });

  it("when the pact uses the team's own state names, then it fails on them unless a states map maps them to scenarios", async () => {
    const pact = readPact(join(COMMITTED_PACTS_DIR, PACT_FILE));
    const interaction = pact.interactions.find((i) => i.description === 'a ping with the product key that was rotated away')!;
    const dir = tempDir('zignsec-cli-');
    const file = join(dir, 'team-pact.json');
    writeFileSync(file, JSON.stringify({ ...pact, interactions: [{ ...interaction, providerStates: [{ name: 'ZignSec rotated our first key' }] }] }));
    writeFileSync(join(dir, 'states.yaml'), '"ZignSec rotated our first key": key-rotation\n');

    const unmapped = await run(['verify', file]);
    const mapped = await run(['verify', file, '--states-map', join(dir, 'states.yaml')]);

    expect(unmapped.code).toBe(1);
    expect(unmapped.output).toMatch(/UNKNOWN PROVIDER STATES[\s\S]*"ZignSec rotated our first key"/);
    expect(mapped.output).toContain('OK: all 1 interactions verified');
    expect(mapped.code).toBe(0);
  });

  it('when it is called without pacts or with an unknown command, then it prints the usage and exits 2', async () => {
    expect(await run(['verify'])).toMatchObject({ code: 2, output: expect.stringContaining('give one or more pact files') });
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, output: expect.stringContaining('Usage:') });
  });
});

describe('npx zignsec-mock (start)', () => {
  it.each([
    ['start --port 0', ['start', '--port', '0'], {}],
    ['no arguments (PORT=0)', [], { PORT: '0' }],
  ])('when run with %s, then it serves the mock until SIGTERM', async (_name, args, env) => {
    const child = zignsecMock(args, env);
    const url = await listeningUrl(child);

    expect((await fetch(`${url}/__admin/health`)).status).toBe(200);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
  });
});
