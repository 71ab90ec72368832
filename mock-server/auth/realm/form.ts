import type { Request } from 'express';
import { HttpError } from '../../core/http-error.js';

export type Form = Readonly<Record<string, string>>;

/**
 * The urlencoded form of a Keycloak endpoint. Keycloak only consumes form encoding (415 otherwise) and
 * refuses any parameter sent twice before it looks at anything else.
 */
export function readForm(req: Request, onError: (status: number, code: string, message: string) => HttpError): Form {
  const hasBody = req.headers['content-type'] !== undefined;
  if (hasBody && !req.is('application/x-www-form-urlencoded')) {
    throw onError(415, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  const body: unknown = req.body ?? {};
  const form: Record<string, string> = {};
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    if (typeof value !== 'string') throw onError(400, 'invalid_request', 'duplicated parameter');
    form[name] = value;
  }
  return form;
}
