import { gatewayEnvelope, problemEnvelope, regulaEnvelope, zignsecEnvelope } from './envelopes.js';
import { HttpError } from './http-error.js';

type Options = { headers?: Record<string, string>; hint?: string; details?: Record<string, unknown> };

/** The gateway (Azure API Management) in front of every `/mobilesdk/**` API: `{statusCode, message}`. */
export const gatewayError = (status: number, code: string, message: string, options: Options = {}): HttpError =>
  new HttpError(status, code, message, { ...options, envelope: gatewayEnvelope });

/** Regula's web services (Document Reader and Face API): the `OperationLog` `{statusCode, type, msg}`. */
export const regulaError = (status: number, message: string, options: Options = {}): HttpError =>
  new HttpError(status, 'regula_error', message, { ...options, envelope: regulaEnvelope });

/** The .NET sessions API: ASP.NET Core ProblemDetails. */
export const problemError = (status: number, code: string, message: string, options: Options = {}): HttpError =>
  new HttpError(status, code, message, { ...options, envelope: problemEnvelope });

/** ZignSec scanning v3: `{id: null, errors:[{code, description}], redirect_url: null}`; `code` is one of ZignSec's. */
export const zignsecError = (status: number, code: string, description: string, options: Options = {}): HttpError =>
  new HttpError(status, code, description, { ...options, envelope: zignsecEnvelope });
