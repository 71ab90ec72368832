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
/** Regula's error body (the Face API's OperationLog), on every Regula 400 and 404. */
export type OperationLog = components['responses']['RegulaBadRequest']['content']['application/json'];
/** The answer to reprocessing: Regula's ProcessResponse plus the transaction's id and tag. */
export type ReprocessResponse = Schemas['ReprocessResponse'];
/** Regula's liveness TransactionInfo (`status` 0: confirmed, 1: not). */
export type LivenessTransactionInfo = components['responses']['LivenessTransactionInfo']['content']['application/json'];

/** What the backend asks of the reprocessing; the defaults are ZignSec's guide's. */
export interface ReprocessOptions {
  /** The liveness transaction id, bound to the same session: the portrait is compared with it. */
  livePortrait?: string;
  /** `FullAuth` by default. */
  scenario?: string;
  /** The portrait similarity threshold, 0-100; 75 by default. */
  threshold?: number;
  /** Compare the document's portrait with `livePortrait`; true by default. */
  useFaceApi?: boolean;
}

/** The Regula services behind the gateway that answer a ping. */
export type RegulaService = 'docreader' | 'faceapi';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
