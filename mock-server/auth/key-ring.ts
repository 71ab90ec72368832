import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { GatewaySchema } from '../../openapi/gateway-schema.js';
import type { Clock } from '../core/clock.js';

export const SIGNING_ALG = 'RS256';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  publicJwk: JWK;
  /** Active signs new tokens; passive only verifies older ones, as in a Keycloak realm. */
  status: 'active' | 'passive';
  /** When a passive key leaves the JWKS; tokens it signed stop verifying then. */
  retireAt?: number;
}

async function makeKey(source?: JWK): Promise<SigningKey> {
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  if (source) {
    // Extractable, so an instance that took this key from another can share its ring in turn.
    privateKey = (await importJWK(source, SIGNING_ALG, { extractable: true })) as CryptoKey;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = source;
    publicKey = (await importJWK(pub, SIGNING_ALG)) as CryptoKey;
  } else {
    ({ privateKey, publicKey } = await generateKeyPair(SIGNING_ALG, { modulusLength: 2048, extractable: true }));
  }
  const exported = await exportJWK(publicKey);
  const kid = source?.kid ?? (await calculateJwkThumbprint(exported));
  // An RSA public JWK always has kty, n and e.
  const publicJwk: JWK = { kid, kty: exported.kty!, alg: SIGNING_ALG, use: 'sig', n: exported.n!, e: exported.e! };
  return { kid, privateKey, publicKey, publicJwk, status: 'active' };
}

/** A key ring as instances share it: the private keys too, so a token signed on one verifies on every other. */
export interface KeyRingState {
  keys: Array<{ jwk: JWK; status: SigningKey['status']; retireAt?: number }>;
}

/**
 * The realm's signing keys: one active, any number passive. Rotation follows Keycloak's KeyRotationTest:
 * the new key signs, the old one keeps verifying until it is removed (now, or when its grace period ends).
 */
export class KeyRing {
  private keys: SigningKey[];
  private readonly listeners = new Set<() => void>();
  /** Asked when a token names a kid this ring does not hold: another instance may have rotated. */
  private refresher: (() => Promise<boolean>) | undefined;

  private constructor(
    first: SigningKey,
    private readonly clock: Clock,
  ) {
    this.keys = [first];
  }

  static async create(clock: Clock, source?: JWK): Promise<KeyRing> {
    return new KeyRing(await makeKey(source), clock);
  }

  /** Told after every rotation or removal made here (not after {@link restore}). */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  refreshWith(refresher: () => Promise<boolean>): void {
    this.refresher = refresher;
  }

  /** A key that verifies, looking again at the shared state when this ring lacks it. */
  async find(kid: string): Promise<SigningKey | undefined> {
    const key = this.get(kid);
    if (key || !this.refresher) return key;
    return (await this.refresher()) ? this.get(kid) : undefined;
  }

  async exportState(): Promise<KeyRingState> {
    return {
      keys: await Promise.all(
        this.keys.map(async (k) => ({
          jwk: { ...(await exportJWK(k.privateKey)), kid: k.kid },
          status: k.status,
          ...(k.retireAt === undefined ? {} : { retireAt: k.retireAt }),
        })),
      ),
    };
  }

  /** Takes another instance's keys; keys held here already keep their imported material. */
  async restore(state: KeyRingState): Promise<void> {
    const held = new Map(this.keys.map((k) => [k.kid, k]));
    const keys = await Promise.all(
      state.keys.map(async ({ jwk, status, retireAt }) => {
        const { retireAt: _previous, ...key } = held.get(jwk.kid ?? '') ?? (await makeKey(jwk));
        return retireAt === undefined ? { ...key, status } : { ...key, status, retireAt };
      }),
    );
    if (keys.length > 0) this.keys = keys;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  active(): SigningKey {
    return this.keys[0]!;
  }

  /** A key that still verifies, or undefined. */
  get(kid: string): SigningKey | undefined {
    const key = this.keys.find((k) => k.kid === kid);
    return key && this.live(key) ? key : undefined;
  }

  has(kid: string): boolean {
    return this.get(kid) !== undefined;
  }

  /** The JWKS document: every key still trusted, newest first. */
  jwks(): GatewaySchema<'Jwks'> {
    this.prune();
    return { keys: this.keys.map((k) => k.publicJwk as GatewaySchema<'Jwk'>) };
  }

  /** Makes a new active key; the previous one turns passive and leaves after `graceMs` (0: at once). */
  async rotate(graceMs: number): Promise<{ active: SigningKey; retired: SigningKey }> {
    // Callers bound it; a retirement that is no instant would keep the key and break describe() for good.
    if (!Number.isFinite(graceMs) || graceMs < 0) throw new RangeError(`a key's grace must be a finite number of ms, not ${graceMs}`);
    const next = await makeKey();
    const retired = this.active();
    retired.status = 'passive';
    retired.retireAt = this.clock.now() + graceMs;
    this.keys = [next, ...this.keys];
    this.prune();
    this.changed();
    return { active: next, retired };
  }

  /** Removes a passive key now: tokens it signed stop verifying. */
  remove(kid: string): boolean {
    const key = this.keys.find((k) => k.kid === kid && k.status === 'passive');
    if (!key) return false;
    this.keys = this.keys.filter((k) => k !== key);
    this.changed();
    return true;
  }

  describe(): Array<{ kid: string; status: SigningKey['status']; retireAt?: string }> {
    this.prune();
    return this.keys.map((k) => ({ kid: k.kid, status: k.status, ...(k.retireAt === undefined ? {} : { retireAt: new Date(k.retireAt).toISOString() }) }));
  }

  private live(key: SigningKey): boolean {
    return key.retireAt === undefined || key.retireAt > this.clock.now();
  }

  private prune(): void {
    this.keys = this.keys.filter((k) => this.live(k));
  }
}
