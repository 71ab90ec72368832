import { createHash } from 'node:crypto';
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
  /** Only when the `openid` scope was granted, as Keycloak does. */
  idToken?: string;
}

export interface IssueRequest {
  issuer: string;
  scope: string;
  clientAddress: string;
  /** Overrides the realm's lifetime (the token-expiry scenario). */
  lifetimeSeconds?: number;
  /** Extra claims, e.g. the scenario bound to the token. */
  extraClaims?: Record<string, unknown>;
  /** Also sign an ID token (the `openid` scope was granted). */
  idToken?: boolean;
}

/** OIDC `at_hash` for RS256: the left half of the access token's SHA-256, base64url. */
const atHash = (accessToken: string): string => createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');

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
    const header = { alg: SIGNING_ALG, typ: 'JWT', kid: key.kid };
    const accessToken = await new SignJWT(claims).setProtectedHeader(header).sign(key.privateKey);
    await this.issuers.remember(request.issuer);
    if (!request.idToken) return { accessToken, claims, expiresIn };
    // Keycloak's ID token for a service account: the access token's identity claims, addressed to the client
    // itself, with no scope and its own jti.
    const { scope: _scope, typ: _typ, aud: _aud, ...identity } = claims;
    const idClaims = { ...identity, jti: this.ids.uuid(), aud: client.clientId, typ: 'ID', at_hash: atHash(accessToken), email_verified: false };
    const idToken = await new SignJWT(idClaims).setProtectedHeader(header).sign(key.privateKey);
    return { accessToken, claims, expiresIn, idToken };
  }
}
