import { describe, expect, it } from 'vitest';
import { useMockServer } from '../helpers/mock-server.js';
import { adminApi } from '../helpers/admin-client.js';
import { call, fetchToken, gatewayHeaders, DEMO } from '../helpers/api-client.js';

const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid as string;

describe('signing-key rotation (Keycloak KeyRotationTest sequence)', () => {
  const mock = useMockServer();
  const admin = () => adminApi(mock.baseUrl);
  const jwksKids = async () => (await call(`${mock.realmUrl}/protocol/openid-connect/certs`)).body.keys.map((k: { kid: string }) => k.kid);
  const ping = (token: string) => call(`${mock.baseUrl}/mobilesdk/docreader/api/ping`, { headers: gatewayHeaders(token, DEMO.keys[0]) });
  const introspect = (token: string) =>
    call(`${mock.realmUrl}/protocol/openid-connect/token/introspect`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, client_id: DEMO.clientId, client_secret: DEMO.secret }).toString(),
    });

  it('when the key is rotated with a grace period, then both kids are published and old tokens verify until the grace ends', async () => {
    const oldToken = await fetchToken(mock.realmUrl);
    const oldKid = kidOf(oldToken);
    expect(await ping(oldToken).then((r) => r.status)).toBe(200);

    const rotated = await admin().rotateSigningKey(60);
    expect(rotated.body.retired).toBe(oldKid);
    const newToken = await fetchToken(mock.realmUrl);
    const newKid = kidOf(newToken);
    expect(newKid).toBe(rotated.body.active);
    expect(newKid).not.toBe(oldKid);
    expect(await jwksKids()).toEqual([newKid, oldKid]);
    expect((await ping(oldToken)).status).toBe(200);
    expect((await ping(newToken)).status).toBe(200);

    await admin().advance(61);
    try {
      expect(await jwksKids()).toEqual([newKid]);
      const refused = await ping(oldToken);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
      expect((await introspect(oldToken)).body).toEqual({ active: false });
      expect((await ping(newToken)).status).toBe(200);
    } finally {
      await admin().resetClock();
    }
  });

  it('when a passive key is removed by hand, then tokens it signed answer 401 at once; the active key cannot be removed', async () => {
    const oldToken = await fetchToken(mock.realmUrl);
    const { body } = await admin().rotateSigningKey(3600);
    expect((await ping(oldToken)).status).toBe(200);

    expect((await admin().removeSigningKey(body.retired)).status).toBe(200);

    expect((await ping(oldToken)).status).toBe(401);
    expect((await admin().removeSigningKey(body.active)).status).toBe(404);
  });

  it('when keys are rotated ten times, then the active kid changes every time', async () => {
    const kids = new Set<string>();
    for (let i = 0; i < 10; i++) kids.add((await admin().rotateSigningKey(0)).body.active);
    expect(kids.size).toBe(10);
    expect(await jwksKids()).toHaveLength(1);
  });
});
