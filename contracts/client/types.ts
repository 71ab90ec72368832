import type { components } from '../../openapi/gateway.types.js';

/** The gateway's bodies, as generated from openapi/gateway.yaml: the client and the contract cannot drift apart. */
type Schemas = components['schemas'];

export type DiscoveryDocument = Schemas['DiscoveryDocument'];
export type TokenResponse = Schemas['TokenResponse'];
export type Session = Schemas['Session'];
export type DeviceInfo = Schemas['DeviceInfo'];
export type OAuthErrorBody = Schemas['OAuthError'];
export type GatewayErrorBody = Schemas['GatewayError'];
export type ProblemDetails = Schemas['ProblemDetails'];
export type ValidationProblemDetails = Schemas['ValidationProblemDetails'];

/** The Regula services behind the gateway that answer a ping. */
export type RegulaService = 'docreader' | 'faceapi';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
