import { fileURLToPath } from 'node:url';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { tempDir } from '../helpers/temp-dir.js';

/** Who the reference client's pact is between; the file is contracts/pacts/<consumer>-<provider>.json. */
export const CONSUMER = 'zignsec-reference-client';
export const PROVIDER = 'zignsec-gateway';
export const PACT_FILE = `${CONSUMER}-${PROVIDER}.json`;
export const COMMITTED_PACTS_DIR = fileURLToPath(new URL('../../contracts/pacts/', import.meta.url));

/**
 * Where this run writes the pact: a fresh temporary folder, so that `npm test` never rewrites the
 * committed file while the provider verification reads it; `npm run pacts:update` points it at contracts/pacts.
 */
let outputDir: string | undefined;
/** Made on first use (only the consumer test writes a pact), removed after that test file. */
export const pactOutputDir = (): string => (outputDir ??= process.env.PACT_OUTPUT_DIR ?? tempDir('zignsec-pacts-'));

export const newPact = () => new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: pactOutputDir(), logLevel: 'warn' });

/**
 * The scanning client's pact: a consumer of its own (another class, another credential: the raw API
 * key), the same provider, since one mock serves both; contracts/pacts/<its consumer>-<provider>.json.
 */
export const SCANNING_CONSUMER = 'zignsec-reference-scanning-client';
export const SCANNING_PACT_FILE = `${SCANNING_CONSUMER}-${PROVIDER}.json`;
export const newScanningPact = () => new PactV4({ consumer: SCANNING_CONSUMER, provider: PROVIDER, dir: pactOutputDir(), logLevel: 'warn' });

/**
 * Example values the consumer side sees. The verifier never sends them as they are: it swaps in a fresh
 * client's credentials, product keys and tokens (contracts/provider/request-filter.ts).
 */
export const EXAMPLE = {
  clientId: 'demo-client',
  clientSecret: 'demo-secret',
  productKeys: ['demo-key-1', 'demo-key-2'],
  token: 'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCIsImtpZCI6InNpbS1rZXktMSJ9.eyJhenAiOiJkZW1vLWNsaWVudCJ9.c2lnbmF0dXJl',
  /** Not JWT-shaped on purpose: the consumer mock server must tell the stale token's request from a fresh one's. */
  staleToken: 'token-the-gateway-no-longer-accepts',
  session: {
    id: 'sy89z8wWF0moddTGa0S3dAP8gZm2B2kXl0ie',
    clientId: 'sy89z8wWF0moddTGa0S3dA',
    clientIdLong: 'cf3d2fb3-16cc-4917-a875-d4c66b44b774',
    uniqueId: 'P8gZm2B2kXl0ie',
  },
  livenessTransactionId: '6b1c3f3e-8f0a-4c5e-9a47-3d2b1e0f9c11',
  documentTransactionId: '0c9d8e7f-6a5b-4c3d-8e2f-1a0b9c8d7e6f',
  /** demo-client's documented scanning v3 key; the verifier sends the interaction's client's own instead. */
  apiKey: '00000000-e2a2-4968-b651-5352305c9fb0',
  /** A key no account has: the verifier sends it as it is. */
  unknownApiKey: '11111111-2222-4333-8444-555555555555',
  scanId: 'b7c1e2d4-5f60-4a71-8b92-c3d4e5f60718',
  otp: 'Zk3v9QwYz0Kc2mT1aB8xLg',
} as const;

export const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
export const bearer = (token: string = EXAMPLE.token) => MatchersV3.regex(/^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, `Bearer ${token}`);
// Exact values: what the gateway sends, and the verifier compares a Content-Type by media type and
// parameters. (A header regex must match the whole value: the core anchors it.)
export const json = 'application/json; charset=utf-8';
export const problemJson = 'application/problem+json; charset=utf-8';
