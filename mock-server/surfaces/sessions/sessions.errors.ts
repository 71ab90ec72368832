import { problemError } from '../../core/errors.js';
import type { HttpError } from '../../core/http-error.js';

/** One answer for "no such session" and "someone else's session", so ids cannot be probed. */
export const sessionNotFound = (): HttpError => problemError(404, 'not_found', 'Session not found.');

export const invalidTransactionId = (value: string): HttpError =>
  problemError(400, 'validation', 'One or more validation errors occurred.', {
    details: { title: 'One or more validation errors occurred.', errors: { transactionId: [`The value '${value.slice(0, 100)}' is not valid.`] } },
  });

export const transactionBoundElsewhere = (): HttpError => problemError(409, 'conflict', 'The transaction is already bound to another session.');
