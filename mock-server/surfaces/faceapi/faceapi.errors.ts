import { regulaError } from '../../core/errors.js';
import type { HttpError } from '../../core/http-error.js';

/** Regula's `OperationLog` error body, the Face API's documented error model. */
export const faceError = (status: number, msg: string): HttpError => regulaError(status, msg);

export const invalidTransactionId = (id: string): HttpError => faceError(400, `transactionId '${id.slice(0, 100)}' is not a valid UUID.`);
export const livenessNotFound = (id: string): HttpError => faceError(400, `Liveness transaction ${id} was not found.`);
export const transactionIdRequired = (): HttpError => faceError(400, 'transactionId is required.');
export const tooFewImages = (): HttpError => faceError(400, 'At least two images are required (FACER_LESS_THAN_TWO_IMAGES_IN_REQUEST).');
export const imageDataRequired = (): HttpError => faceError(400, 'Every image needs its data as base64.');
export const detectImageRequired = (): HttpError => faceError(400, 'image is required, as base64.');
export const storageFileNotFound = (): HttpError => faceError(404, 'No such file in the storage of a liveness transaction.');
