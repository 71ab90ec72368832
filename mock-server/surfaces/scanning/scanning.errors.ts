import { zignsecError } from '../../core/errors.js';
import type { HttpError } from '../../core/http-error.js';

/** ZignSec's codes (api-facts 4.6); the descriptions are ours and name the field. */
export const invalidRequest = (description: string): HttpError => zignsecError(400, 'INVALID_REQUEST', description);
export const invalidTarget = (description: string): HttpError => zignsecError(400, 'INVALID_TARGET', description);
export const invalidTargetError = (description: string): HttpError => zignsecError(400, 'INVALID_TARGETERROR', description);
export const invalidWebhook = (description: string): HttpError => zignsecError(400, 'INVALID_WEBHOOK', description);
export const invalidAppId = (): HttpError => zignsecError(401, 'INVALID_APPID', 'The API key in the Authorization header is missing or not valid.');
/** Unknown, or another client's: the same answer, so ids cannot be probed. */
export const sessionNotFound = (): HttpError => zignsecError(404, 'SESSION_NOT_FOUND', 'Session not found');
