export { ZignSecClient, type ZignSecClientOptions } from './zignsec-client.js';
export { MemoryTokenStore, type CachedToken, type TokenStore } from './token-provider.js';
export { GatewayError, OidcError, RegulaError, SessionProblem, ZignSecError } from './errors.js';
export type * from './types.js';
