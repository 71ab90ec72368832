import type { Request } from 'express';
import type { MockConfig } from '../../config.js';
import type { ScenarioRuntime } from '../../scenario-engine/runtime.js';
import type { ClientRegistry } from '../client-registry.js';
import type { KeyRing } from '../key-ring.js';
import type { TokenIssuer } from '../token-issuer.js';
import type { TokenVerifier } from '../token-verifier.js';

/** What the realm's endpoints need, resolved once when the router is mounted. */
export interface RealmContext {
  config: MockConfig['realm'];
  clients: ClientRegistry;
  keys: KeyRing;
  tokens: TokenIssuer;
  verifier: TokenVerifier;
  scenarios: ScenarioRuntime;
  issuerFor(req: Request): string;
}
