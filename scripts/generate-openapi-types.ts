/**
 * Writes openapi/gateway.types.ts from openapi/gateway.yaml with openapi-typescript. The output is
 * committed (the definition is ours); test/openapi/definitions.test.ts fails when it is out of date.
 * Usage: npm run openapi:types [-- --check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { DEFINITION_FILES } from '../openapi/definitions.js';

export const GATEWAY_TYPES_FILE = fileURLToPath(new URL('../openapi/gateway.types.ts', import.meta.url));

const HEADER = `/**
 * Generated from openapi/gateway.yaml by openapi-typescript (npm run openapi:types). Do not edit by hand.
 */

`;

export async function gatewayTypesSource(): Promise<string> {
  const ast = await openapiTS(new URL(`file://${DEFINITION_FILES.gateway}`), { alphabetize: false, exportType: false });
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const source = await gatewayTypesSource();
  if (process.argv.includes('--check')) {
    const current = readFileSync(GATEWAY_TYPES_FILE, 'utf8');
    if (current !== source) {
      process.stderr.write('openapi/gateway.types.ts is out of date: run npm run openapi:types\n');
      process.exit(1);
    }
  } else {
    writeFileSync(GATEWAY_TYPES_FILE, source);
    process.stdout.write(`wrote ${GATEWAY_TYPES_FILE}\n`);
  }
}
