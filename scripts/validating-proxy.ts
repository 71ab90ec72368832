/**
 * npm run proxy -- --upstream URL [--port N] [--host H] [--definition FILE]
 *
 * Stoplight Prism's validating proxy in front of a gateway (the real TEST gateway, or this mock): every
 * request and answer is checked against openapi/gateway.yaml and forwarded. An answer that breaks the
 * contract comes back as 500 with the violations in the `sl-violations` header (`--errors`), and Prism
 * logs each. Point your client at the proxy's URL to check your own traffic the same way.
 *
 * Prism is given the definition bundled (Regula's schemas, referenced from the local copy in
 * openapi/regula/, pulled in) and with those schemas read as OpenAPI 3.0 means them: `nullable` admits
 * null, and a `oneOf` with a `discriminator` (Regula's result containers, told apart by `result_type`)
 * dispatches on it instead of demanding that exactly one branch matches, which Prism would otherwise do.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleDefinition, DEFINITION_FILES } from '../openapi/definitions.js';
import { convertDocument } from '../openapi/oas30-json-schema.js';

function prismBin(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('@stoplight/prism-cli/package.json');
  const { bin } = require(manifest) as { bin: Record<string, string> };
  return join(dirname(manifest), bin.prism!);
}

const { values } = parseArgs({
  options: {
    upstream: { type: 'string' },
    port: { type: 'string', default: '4010' },
    host: { type: 'string', default: '127.0.0.1' },
    definition: { type: 'string', default: DEFINITION_FILES.gateway },
  },
  strict: true,
});
if (!values.upstream || !/^https?:\/\//.test(values.upstream) || !/^\d+$/.test(values.port)) {
  process.stderr.write('usage: npm run proxy -- --upstream URL [--port N] [--host H] [--definition FILE]\n');
  process.exit(2);
}

// Bundled before the temp folder is made, so that a definition that does not bundle leaves nothing behind.
const bundled = JSON.stringify(convertDocument(await bundleDefinition(resolve(values.definition))));
const prepared = join(mkdtempSync(join(tmpdir(), 'zignsec-proxy-')), 'gateway.json');
writeFileSync(prepared, bundled);

const prism = spawn(process.execPath, [prismBin(), 'proxy', prepared, values.upstream, '--errors', '--port', values.port, '--host', values.host], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => prism.kill(signal));
prism.on('exit', (code, signal) => {
  rmSync(dirname(prepared), { recursive: true, force: true });
  process.exit(code ?? (signal ? 0 : 1));
});
