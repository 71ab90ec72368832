import { SignJWT } from 'jose';
import type { Clock } from '../core/clock.js';
import type { IdFactory } from '../core/ids.js';
import type { RegisteredClient } from './client-registry.js';
import { SIGNING_ALG, type KeyRing } from './key-ring.js';
import type { KnownIssuers } from './known-issuers.js';

export interface AccessTokenClaims {
  exp: number;
  iat: number;
  jti: string;
  iss: string;
  aud: string;
  sub: string;
  typ: 'Bearer';
  azp: string;
  acr: string;
  scope: string;
  clientHost: string;
  clientAddress: string;
  preferred_username: string;
  client_id: string;
  [claim: string]: unknown;
}

export interface IssuedToken {
  accessToken: string;
  claims: AccessTokenClaims;
  expiresIn: number;
}

export interface IssueRequest {
  issuer: string;
  scope: string;
  clientAddress: string;
  /** Overrides the realm's lifetime (the token-expiry scenario). */
  lifetimeSeconds?: number;
  /** Extra claims, e.g. the scenario bound to the token. */
  extraClaims?: Record<string, unknown>;
}

/** Signs Keycloak-shaped service-account access tokens with the key ring's active key. */
export class TokenIssuer {
  constructor(
    private readonly keys: KeyRing,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
    private readonly issuers: KnownIssuers,
    private readonly realm: { audience: string; tokenLifetimeSeconds: number },
  ) {}

  async issue(client: RegisteredClient, request: IssueRequest): Promise<IssuedToken> {
    const key = this.keys.active();
    const iat = Math.floor(this.clock.now() / 1000);
    const expiresIn = request.lifetimeSeconds ?? this.realm.tokenLifetimeSeconds;
    const claims: AccessTokenClaims = {
      exp: iat + expiresIn,
      iat,
      jti: this.ids.uuid(),
      iss: request.issuer,
      aud: this.realm.audience,
      sub: client.serviceAccountId,
      typ: 'Bearer',
      azp: client.clientId,
      acr: '1',
      scope: request.scope,
      clientHost: request.clientAddress,
      clientAddress: request.clientAddress,
      preferred_username: `service-account-${client.clientId}`,
      client_id: client.clientId,
      ...request.extraClaims,
    };
    const accessToken = await new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALG, typ: 'JWT', kid: key.kid })
      .sign(key.privateKey);
    this.issuers.remember(request.issuer);
    return { accessToken, claims, expiresIn };
  }
}
