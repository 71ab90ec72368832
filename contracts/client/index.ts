export { ZignSecClient, type ZignSecClientOptions } from './zignsec-client.js';
export { ZignSecScanningClient, type ZignSecScanningClientOptions } from './scanning-client.js';
export { MemoryTokenStore, type CachedToken, type TokenStore } from './token-provider.js';
export { GatewayError, OidcError, RegulaError, SessionProblem, ZignSecError, ZignSecScanningError } from './errors.js';
export type * from './types.js';
export type * from './scanning-types.js';
