import type { Request } from 'express';
import type { z } from 'zod';
import { HttpError } from '../core/http-error.js';

/** Parses a control-plane input (a JSON body, or the console's form turned into one); a mismatch is a 400 naming the fields. */
export function parseAdminInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
  throw new HttpError(400, 'mock_invalid_request', `invalid request body: ${fields.join('; ')}`, { details: { errors: fields } });
}

/** Parses an admin request body; a mismatch is a 400 naming the fields. */
export function adminBody<T extends z.ZodType>(schema: T, req: Request): z.output<T> {
  return parseAdminInput(schema, req.body);
}
