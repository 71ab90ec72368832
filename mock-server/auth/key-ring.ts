import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';

export const SIGNING_ALG = 'RS256';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
  /** Active signs new tokens; passive only verifies older ones, as in a Keycloak realm. */
  status: 'active' | 'passive';
}

async function makeKey(source?: JWK): Promise<SigningKey> {
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  if (source) {
    privateKey = (await importJWK(source, SIGNING_ALG)) as CryptoKey;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = source;
    publicKey = (await importJWK(pub, SIGNING_ALG)) as CryptoKey;
  } else {
    ({ privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048, extractable: true }));
  }
  const exported = await exportJWK(publicKey);
  const kid = source?.kid ?? (await calculateJwkThumbprint(exported));
  const publicJwk: JWK = { kid, kty: exported.kty, alg: SIGNING_ALG, use: 'sig', n: exported.n, e: exported.e };
  return { kid, privateKey, publicKey, publicJwk, status: 'active' };
}

/** The realm's signing keys: one active, any number passive (still trusted for verification). */
export class KeyRing {
  private constructor(private readonly keys: SigningKey[]) {}

  static async create(source?: JWK): Promise<KeyRing> {
    return new KeyRing([await makeKey(source)]);
  }

  active(): SigningKey {
    const key = this.keys.find((k) => k.status === 'active');
    if (!key) throw new Error('the key ring has no active key');
    return key;
  }

  get(kid: string): SigningKey | undefined {
    return this.keys.find((k) => k.kid === kid);
  }

  has(kid: string): boolean {
    return this.keys.some((k) => k.kid === kid);
  }

  /** The JWKS document: every key still trusted, newest first. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((k) => k.publicJwk) };
  }

  /** Makes a new active key; the previous one stays as a passive key until removed. */
  async rotate(): Promise<SigningKey> {
    const next = await makeKey();
    for (const key of this.keys) key.status = 'passive';
    this.keys.unshift(next);
    return next;
  }

  /** Removes a passive key: tokens it signed stop verifying. */
  remove(kid: string): boolean {
    const index = this.keys.findIndex((k) => k.kid === kid && k.status === 'passive');
    if (index < 0) return false;
    this.keys.splice(index, 1);
    return true;
  }

  kids(): string[] {
    return this.keys.map((k) => k.kid);
  }
}
