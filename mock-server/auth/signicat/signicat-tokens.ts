import { SignJWT } from 'jose';
import type { Clock } from '../../core/clock.js';
import type { IdFactory } from '../../core/ids.js';
import type { RegisteredClient } from '../client-registry.js';
import { KeyRing, SIGNING_ALG } from '../key-ring.js';
import { KnownIssuers } from '../known-issuers.js';
import { TokenVerifier } from '../token-verifier.js';

/** The one scope Signicat's API products use (api-facts 5.1). */
export const SIGNICAT_SCOPE = 'signicat-api';
export const SIGNICAT_PATH = '/auth/open';

export interface SignicatTokenConfig {
  tokenLifetimeSeconds: number;
  audience: string;
}

export interface SignicatToken {
  accessToken: string;
  expiresIn: number;
}

/**
 * Signicat's own token service (an IdentityServer at /auth/open), apart from the Keycloak realm: its own
 * keys, issuers and verifier, so a realm token never opens an Assure route and an Assure token never
 * opens the gateway.
 */
export class SignicatTokens {
  private constructor(
    readonly keys: KeyRing,
    readonly issuers: KnownIssuers,
    readonly verifier: TokenVerifier,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
    private readonly config: SignicatTokenConfig,
  ) {}

  static async create(clock: Clock, ids: IdFactory, config: SignicatTokenConfig, fixedIssuer: string | undefined, cacheSize: number, skewSeconds: number) {
    const keys = await KeyRing.create(clock);
    const issuers = new KnownIssuers(fixedIssuer);
    const verifier = new TokenVerifier(keys, clock, issuers, config.audience, cacheSize, skewSeconds);
    return new SignicatTokens(keys, issuers, verifier, clock, ids, config);
  }

  async issue(client: RegisteredClient, issuer: string): Promise<SignicatToken> {
    const key = this.keys.active();
    const iat = Math.floor(this.clock.now() / 1000);
    const expiresIn = this.config.tokenLifetimeSeconds;
    // IdentityServer's access-token claims, plus the `azp` and `typ` the shared verifier insists on.
    const claims = {
      iss: issuer,
      nbf: iat,
      iat,
      exp: iat + expiresIn,
      aud: this.config.audience,
      scope: [SIGNICAT_SCOPE],
      client_id: client.clientId,
      azp: client.clientId,
      typ: 'Bearer',
      jti: this.ids.uuid().replace(/-/g, '').toUpperCase(),
    };
    const accessToken = await new SignJWT(claims).setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'at+jwt' }).sign(key.privateKey);
    await this.issuers.remember(issuer);
    return { accessToken, expiresIn };
  }

  /** The token a provider's SDK is started with (eid's `authorizationToken`): signed, naming the process, never an API bearer. */
  sdkToken(audience: string, subject: string, claims: Record<string, unknown>, lifetimeSeconds: number): Promise<string> {
    const key = this.keys.active();
    const iat = Math.floor(this.clock.now() / 1000);
    return new SignJWT({ ...claims, iat, exp: iat + lifetimeSeconds, aud: audience, sub: subject, jti: this.ids.uuid() })
      .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: 'JWT' })
      .sign(key.privateKey);
  }
}
