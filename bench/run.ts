// npm run bench: the mock against a bare express baseline, in one run on this machine.
import { measure, report, settings, type Target } from './measure.js';
import { serve } from './processes.js';

const TOKEN_FORM = 'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret';

async function token(realm: string): Promise<string> {
  const res = await fetch(`${realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: TOKEN_FORM,
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

async function main(): Promise<void> {
  process.stdout.write(`autocannon: ${settings.connections} connections, ${settings.duration} s per target, keep-alive, loopback\n`);
  const baseline = await serve('bench/baseline.ts');
  const mock = await serve('mock-server/main.ts', ['--port', '0'], { LOG_LEVEL: 'silent' });
  try {
    const realm = `${mock.url}/auth/realms/zignsec`;
    const gateway = { authorization: `Bearer ${await token(realm)}`, 'zs-product-key': 'demo-key-1' };

    const express = await measure('(a) bare express 5, small JSON', { url: `${baseline.url}/json` });
    const ping = await measure('(b) mock GET docreader/api/ping', { url: `${mock.url}/mobilesdk/docreader/api/ping`, headers: gateway });
    const sessions = await measure('(c) mock POST /mobilesdk/sessions', { url: `${mock.url}/mobilesdk/sessions`, method: 'POST', headers: gateway });
    const tokens = await measure('tokens issued (RS256, client_credentials)', {
      url: `${realm}/protocol/openid-connect/token`,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: TOKEN_FORM,
    });

    const targets: Target[] = [
      { row: express },
      { row: ping, comparedWith: express, minRatio: 0.6 },
      { row: sessions, comparedWith: express, minRatio: 0.5 },
      { row: tokens, comparedWith: express },
    ];
    const ok = report(targets);
    process.stdout.write(`\ntokens issued per second: ${tokens.rps.toFixed(0)}\n${ok ? 'all targets met' : 'SOME TARGETS MISSED'}\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await Promise.all([baseline.stop(), mock.stop()]);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
