import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { Clock } from '../core/clock.js';
import { SIGNING_ALG, type KeyRing } from './key-ring.js';
import type { KnownIssuers } from './known-issuers.js';
import type { AccessTokenClaims } from './token-issuer.js';

/** Why a token was refused; the description goes into `WWW-Authenticate` and introspection stays silent. */
export class TokenRejected extends Error {
  override readonly name = 'TokenRejected';
}

interface CachedToken {
  claims: AccessTokenClaims;
  kid: string;
  expMs: number;
  /** `iat` and `nbf` less the allowed skew: before this instant the token is not yet valid. */
  validFromMs: number;
}

const MAX_TOKEN_LENGTH = 8192;
const NOT_YET_VALID = 'The token is not yet valid';
const JWS_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/**
 * Verifies access tokens against the realm's own keys only (the header never picks the key type or a URL).
 * Verified tokens are cached by their exact string: a hit re-checks expiry, `iat`/`nbf` (the virtual clock
 * can be set back) and that the signing key is still trusted, so rotation and expiry take effect at once;
 * failures are never cached. `iat` and `nbf` may be up to `clockSkewSeconds` in the future (APIM's
 * `clock-skew`); `exp` is exact, as the token-lifetime scenarios expect.
 */
export class TokenVerifier {
  private readonly cache = new Map<string, CachedToken>();

  constructor(
    private readonly keys: KeyRing,
    private readonly clock: Clock,
    private readonly issuers: KnownIssuers,
    private readonly audience: string,
    private readonly cacheSize: number,
    private readonly clockSkewSeconds: number,
  ) {}

  async verify(token: string): Promise<AccessTokenClaims> {
    const cached = this.cache.get(token);
    if (cached) {
      // Two comparisons of numbers computed once at verification: the hot path stays a map lookup.
      const now = this.clock.now();
      if (cached.expMs <= now) throw new TokenRejected('The token expired');
      if (now < cached.validFromMs) throw new TokenRejected(NOT_YET_VALID);
      if (!this.keys.has(cached.kid)) throw new TokenRejected('The signature key was not found');
      return cached.claims;
    }
    const verified = await this.verifyFully(token);
    this.remember(token, verified);
    return verified.claims;
  }

  /** Drops cached verifications, e.g. after tokens were revoked. */
  forget(predicate: (claims: AccessTokenClaims) => boolean = () => true): void {
    for (const [token, entry] of this.cache) if (predicate(entry.claims)) this.cache.delete(token);
  }

  private async verifyFully(token: string): Promise<CachedToken> {
    if (token.length > MAX_TOKEN_LENGTH || !JWS_COMPACT.test(token)) throw new TokenRejected('The token is malformed');
    let header;
    try {
      header = decodeProtectedHeader(token);
    } catch {
      throw new TokenRejected('The token is malformed');
    }
    if (header.alg !== SIGNING_ALG) throw new TokenRejected(`The token algorithm ${String(header.alg)} is not allowed`);
    const key = typeof header.kid === 'string' ? await this.keys.find(header.kid) : undefined;
    if (!key) throw new TokenRejected('The signature key was not found');
    let payload;
    const now = this.clock.now();
    try {
      ({ payload } = await jwtVerify(token, key.publicKey, {
        algorithms: [SIGNING_ALG],
        audience: this.audience,
        currentDate: new Date(now),
        // jose applies the tolerance to nbf and exp alike; exp is checked exactly below.
        clockTolerance: this.clockSkewSeconds,
        requiredClaims: ['exp', 'iat', 'iss', 'azp'],
      }));
    } catch (e) {
      throw new TokenRejected(describeJoseError(e));
    }
    if (!(await this.issuers.acceptsAnywhere(payload.iss))) throw new TokenRejected('The issuer is invalid');
    if (payload.typ !== 'Bearer') throw new TokenRejected('The token type is invalid');
    const claims = payload as AccessTokenClaims;
    const expMs = claims.exp * 1000;
    // jose checked iat and nbf are numbers; it checks iat's future only with maxTokenAge, so it is done here.
    const validFromMs = (Math.max(claims.iat, typeof claims.nbf === 'number' ? claims.nbf : -Infinity) - this.clockSkewSeconds) * 1000;
    if (expMs <= now) throw new TokenRejected('The token expired');
    if (now < validFromMs) throw new TokenRejected(NOT_YET_VALID);
    return { claims, kid: key.kid, expMs, validFromMs };
  }

  private remember(token: string, entry: CachedToken): void {
    if (this.cacheSize === 0) return;
    if (this.cache.size >= this.cacheSize) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(token, entry);
  }
}

function describeJoseError(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'The token expired';
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'The signature is invalid';
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'aud') return 'The audience is invalid';
    if (e.claim === 'nbf' || e.claim === 'iat') return NOT_YET_VALID;
    return `The token claim ${e.claim} is invalid`;
  }
  return 'The token is malformed';
}
