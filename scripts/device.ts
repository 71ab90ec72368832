// npm run device -- --session ID [--scenario NAME] [--liveness passive|active] [--base URL]
// Does what the phone does in the zero-trust flow, through the SDK's own endpoints behind the gateway:
// a liveness transaction, then a document package, both tagged with the session. Prints the ids the
// backend then binds and reprocesses.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    session: { type: 'string' },
    scenario: { type: 'string' },
    liveness: { type: 'string', default: 'passive' },
    base: { type: 'string', default: 'http://127.0.0.1:8080' },
    client: { type: 'string', default: 'demo-client' },
    secret: { type: 'string', default: 'demo-secret' },
    key: { type: 'string', default: 'demo-key-1' },
    json: { type: 'boolean', default: false },
  },
});

function fail(message: string): never {
  process.stderr.write(`device: ${message}\n`);
  process.exit(1);
}

async function call(path: string, init: RequestInit): Promise<unknown> {
  const res = await fetch(`${values.base}${path}`, init);
  const text = await res.text();
  if (!res.ok) fail(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function main(): Promise<void> {
  if (!values.session) fail('--session ID is required (the id from POST /mobilesdk/sessions)');
  if (values.liveness !== 'passive' && values.liveness !== 'active') fail('--liveness must be passive or active');
  const token = (await call('/auth/realms/zignsec/protocol/openid-connect/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: values.client!, client_secret: values.secret! }).toString(),
  })) as { access_token: string };
  const headers = {
    authorization: `Bearer ${token.access_token}`,
    'zs-product-key': values.key!,
    ...(values.scenario ? { 'x-mock-scenario': values.scenario } : {}),
  };
  const json = { ...headers, 'content-type': 'application/json' };
  // The encrypted payloads the SDKs upload cannot be read by anyone but Regula: random bytes stand in.
  const upload = { ...headers, 'content-type': 'application/octet-stream', 'x-client-key': JSON.stringify({ buffer: randomBytes(65).toString('base64'), curveType: 'prime256v1', keyType: 'publicKey' }) };

  const liveness = (await call('/mobilesdk/faceapi/api/v2/liveness/start', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ tag: values.session, type: values.liveness === 'active' ? 0 : 1, metadata: { platform: 'mock-device' } }),
  })) as { transactionId: string };
  const verdict = (await call(`/mobilesdk/faceapi/api/v2/liveness?transactionId=${liveness.transactionId}`, {
    method: 'POST',
    headers: upload,
    body: randomBytes(4096),
  })) as { status: number };

  const document = (await call('/mobilesdk/docreader/api/v2/transaction/start', {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ tag: values.session, metadata: { platform: 'mock-device' } }),
  })) as { transactionId: string };
  await call(`/mobilesdk/docreader/api/v2/transaction/${document.transactionId}`, { method: 'POST', headers: upload, body: randomBytes(16384) });

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ session: values.session, livenessTransactionId: liveness.transactionId, livenessStatus: verdict.status, documentTransactionId: document.transactionId })}\n`);
    return;
  }
  process.stdout.write(
    [
      `session:                    ${values.session}`,
      `liveness transaction:       ${liveness.transactionId}   (${values.liveness}, ${verdict.status === 0 ? 'passed' : 'not confirmed'} on the device)`,
      `document transaction:       ${document.transactionId}`,
      '',
      'Now, as the backend: bind both to the session, then reprocess the document with the liveness as livePortrait:',
      `  POST ${values.base}/mobilesdk/sessions/${values.session}/liveness/transactions/${liveness.transactionId}`,
      `  POST ${values.base}/mobilesdk/sessions/${values.session}/transactions/${document.transactionId}`,
      `  POST ${values.base}/mobilesdk/docreader/api/v2/transaction/${document.transactionId}/process`,
      `       {"processParam":{"scenario":"FullAuth","useFaceApi":true,"faceApi":{"mode":"match","threshold":75}},"livePortrait":"${liveness.transactionId}"}`,
      '',
    ].join('\n'),
  );
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
