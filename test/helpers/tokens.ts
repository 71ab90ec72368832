import { SignJWT, generateKeyPair } from 'jose';
import type { TestMock } from './mock-server.js';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Claims the realm would issue for demo-client now, for tests that forge variations of them. */
export function realmClaims(mock: TestMock, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(mock.deps.clock.now() / 1000);
  return {
    exp: now + 600,
    iat: now,
    jti: crypto.randomUUID(),
    iss: mock.realmUrl,
    aud: 'account',
    sub: '0f4c1d2e-8a7b-4c3d-9e8f-112233445566',
    typ: 'Bearer',
    azp: 'demo-client',
    scope: 'api',
    client_id: 'demo-client',
    ...overrides,
  };
}

/** Signs with the realm's own active key, so only the claims differ from a real token. */
export async function signWithRealmKey(mock: TestMock, claims: Record<string, unknown>): Promise<string> {
  const key = mock.deps.keys.active();
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid }).sign(key.privateKey);
}

/** Signs with a stranger's key that claims the realm's kid. */
export async function signWithForeignKey(mock: TestMock, claims: Record<string, unknown>): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: mock.deps.keys.active().kid }).sign(privateKey);
}

export function unsignedToken(mock: TestMock, claims: Record<string, unknown>): string {
  return `${b64({ alg: 'none', typ: 'JWT', kid: mock.deps.keys.active().kid })}.${b64(claims)}.`;
}

/** HS256 keyed with the realm's public JWK: the classic RS/HS confusion attack. */
export async function hmacWithPublicKey(mock: TestMock, claims: Record<string, unknown>): Promise<string> {
  const secret = new TextEncoder().encode(JSON.stringify(mock.deps.keys.active().publicJwk));
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: mock.deps.keys.active().kid }).sign(secret);
}
