import { decodeJwt, decodeProtectedHeader } from 'jose';
import { TokenRejected } from '../../auth/token-verifier.js';
import type { AdminContext } from '../admin-context.js';

/** What the console says of a pasted token, at the virtual clock's now. */
export interface TokenInspection {
  readable: boolean;
  kid?: string;
  claims?: Record<string, unknown>;
  /** The realm verifier's verdict: undefined when it accepts the token, its refusal otherwise. */
  refusal?: string;
  /** The token's own scenario, when one is bound to its jti. */
  scenario?: { ref: string; state: string; expired: boolean };
  now: number;
}

const MAX_TOKEN = 8192;

/** Decodes a token and asks the gateway's verifier (signature, audience, issuer, expiry on the virtual clock) and its scenario. */
export async function inspectToken(ctx: AdminContext, token: string): Promise<TokenInspection> {
  const now = ctx.clock.now();
  const text = token.trim().replace(/^Bearer\s+/i, '');
  if (text.length > MAX_TOKEN) return { readable: false, refusal: 'The token is malformed', now };
  let claims: Record<string, unknown>;
  let kid: string | undefined;
  try {
    claims = decodeJwt(text);
    const header = decodeProtectedHeader(text);
    kid = typeof header.kid === 'string' ? header.kid : undefined;
  } catch {
    return { readable: false, refusal: 'The token is malformed', now };
  }
  let refusal: string | undefined;
  try {
    await ctx.verifier.verify(text);
  } catch (e) {
    if (!(e instanceof TokenRejected)) throw e;
    refusal = e.message;
  }
  const jti = typeof claims.jti === 'string' ? claims.jti : undefined;
  const instance = jti === undefined ? undefined : await ctx.scenarios.engine.instance('token', jti);
  return {
    readable: true,
    ...(kid === undefined ? {} : { kid }),
    claims,
    ...(refusal === undefined ? {} : { refusal }),
    ...(instance ? { scenario: { ref: instance.scenario.ref, state: instance.state, expired: instance.data.tokenExpired === true } } : {}),
    now,
  };
}
