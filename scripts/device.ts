// npm run device -- --session ID [--scenario NAME] [--liveness passive|active] [--base URL] (--help for all)
// Does what the phone does in the zero-trust flow, through the SDK's own endpoints behind the gateway:
// a liveness transaction, then a document package, both tagged with the session. Prints the ids the
// backend then binds and reprocesses. Writes nothing but its output.
import { randomBytes } from 'node:crypto';
import { parseDeviceArgs, USAGE } from './device-args.js';

const parsed = parseDeviceArgs(process.argv.slice(2), process.env);
if (parsed.kind === 'help') {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (parsed.kind === 'usage-error') {
  process.stderr.write(`device: ${parsed.message}\n\n${USAGE}`);
  process.exit(2);
}
const values = parsed.options;

function fail(message: string): never {
  process.stderr.write(`device: ${message}\n`);
  process.exit(1);
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(`${values.base}${path}`, init);
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    fail(`cannot reach the mock at ${values.base} (${cause}); start it with npm start, or give --base URL or ZIGNSEC_MOCK_URL`);
  }
}

/**
 * The SDK endpoints take any tag, so an unknown session would only surface when the backend binds. The
 * control plane says whether it exists and whose it is. Where there is none to ask (behind a proxy that
 * knows only the gateway's definition, or a mock beyond loopback without the admin token) the device goes
 * ahead unchecked, as a phone would.
 */
async function checkSession(): Promise<void> {
  const path = `/__admin/sessions/${encodeURIComponent(values.session)}`;
  const res = await request(path);
  const text = await res.text();
  const unchecked = (why: string): void => void process.stderr.write(`device: the session is not checked (${why})\n`);
  if (res.status === 404) {
    // The mock's own "no session" answer, not a 404 from whatever else is at that URL.
    const detail = parseJson(text)?.detail;
    if (detail === `no session ${values.session}`)
      fail(`no session ${values.session} at ${values.base}: create one with POST /mobilesdk/sessions, as client ${values.client}`);
    unchecked(`GET ${path} answered 404 without the mock's body: no control plane at ${values.base}`);
    return;
  }
  if (!res.ok) {
    unchecked(`GET ${path} answered ${res.status}`);
    return;
  }
  const session = parseJson(text) as { clientId?: unknown } | undefined;
  if (typeof session?.clientId !== 'string') {
    unchecked(`GET ${path} answered no session`);
    return;
  }
  if (session.clientId !== values.client)
    fail(`session ${values.session} belongs to client ${session.clientId}, not ${values.client}: its transactions could not be bound`);
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function call(path: string, init: RequestInit): Promise<unknown> {
  const res = await request(path, init);
  const text = await res.text();
  if (!res.ok) fail(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function main(): Promise<void> {
  await checkSession();
  const token = (await call('/auth/realms/zignsec/protocol/openid-connect/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: values.client, client_secret: values.secret }).toString(),
  })) as { access_token: string };
  const headers = {
    authorization: `Bearer ${token.access_token}`,
    'zs-product-key': values.key,
    ...(values.scenario ? { 'x-mock-scenario': values.scenario } : {}),
  };
  const json = { ...headers, 'content-type': 'application/json' };
  // The encrypted payloads the SDKs upload cannot be read by anyone but Regula: random bytes stand in.
  const upload = {
    ...headers,
    'content-type': 'application/octet-stream',
    'x-client-key': JSON.stringify({ buffer: randomBytes(65).toString('base64'), curveType: 'prime256v1', keyType: 'publicKey' }),
  };

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
    process.stdout.write(
      `${JSON.stringify({ session: values.session, livenessTransactionId: liveness.transactionId, livenessStatus: verdict.status, documentTransactionId: document.transactionId })}\n`,
    );
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
