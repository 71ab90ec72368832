export { ZignSecClient, type ZignSecClientOptions } from './zignsec-client.js';
export { ZignSecScanningClient, type ZignSecScanningClientOptions } from './scanning-client.js';
export { AssureClient, AssureWaitTimeout, FINAL_ASSURE_STATUSES, type AssureClientOptions, type WaitOptions } from './assure-client.js';
export { MemoryTokenStore, type CachedToken, type TokenStore } from './token-provider.js';
export { AssureApiError, GatewayError, OidcError, RegulaError, SessionProblem, ZignSecError, ZignSecScanningError } from './errors.js';
export type * from './types.js';
export type * from './scanning-types.js';
export type * from './assure-types.js';
