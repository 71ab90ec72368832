import { regulaError } from '../../core/errors.js';
import type { HttpError } from '../../core/http-error.js';

/**
 * Regula's web services answer errors with an OperationLog-like body (`statusCode`, `type`, `msg`);
 * the Document Reader definitions give 400 and 403 no schema, so the Face API's OperationLog is used
 * for both (api-facts 2.1, uncertain).
 */
export { regulaError };

export const transactionNotFound = (id: string): HttpError => regulaError(400, `Transaction ${id} was not found.`);
export const invalidTransactionId = (id: string): HttpError => regulaError(400, `Transaction id '${id.slice(0, 100)}' is not a valid UUID.`);
export const notProcessed = (id: string): HttpError => regulaError(400, `Transaction ${id} has not been processed yet.`);
export const fileNotFound = (name: string): HttpError => regulaError(404, `File '${name.slice(0, 200)}' was not found.`);
