// Prepares what the reprocess benchmark needs on a running mock: a bound, uploaded transaction.
export interface ReprocessTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
  bytes: number;
}

async function json(url: string, init: RequestInit): Promise<Record<string, unknown>> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${await res.text()}`);
  const text = await res.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function reprocessTarget(base: string, token: string): Promise<ReprocessTarget> {
  const headers = { authorization: `Bearer ${token}`, 'zs-product-key': 'demo-key-1' };
  const session = await json(`${base}/mobilesdk/sessions`, { method: 'POST', headers });
  const device = await json(`${base}/__admin/device`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sessionId: session.id }),
  });
  const sessionId = String(session.id);
  await json(`${base}/mobilesdk/sessions/${sessionId}/liveness/transactions/${String(device.livenessTransactionId)}`, { method: 'POST', headers });
  await json(`${base}/mobilesdk/sessions/${sessionId}/transactions/${String(device.documentTransactionId)}`, { method: 'POST', headers });
  const url = `${base}/mobilesdk/docreader/api/v2/transaction/${String(device.documentTransactionId)}/process`;
  const body = JSON.stringify({
    processParam: {
      scenario: 'FullAuth',
      useFaceApi: true,
      faceApi: { mode: 'match', threshold: 75, serviceTimeout: 30000 },
      dateFormat: 'yyyy-MM-dd',
      log: false,
    },
    livePortrait: device.livenessTransactionId,
  });
  const first = await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body });
  const bytes = (await first.arrayBuffer()).byteLength;
  if (first.status !== 200) throw new Error(`reprocess answered ${first.status}`);
  return { url, headers: { ...headers, 'content-type': 'application/json' }, body, bytes };
}
