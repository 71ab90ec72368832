import type { Request } from 'express';
import type { z } from 'zod';
import { HttpError } from '../core/http-error.js';

/** Parses an admin request body; a mismatch is a 400 naming the fields. */
export function adminBody<T extends z.ZodType>(schema: T, req: Request): z.output<T> {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
  throw new HttpError(400, 'mock_invalid_request', `invalid request body: ${fields.join('; ')}`, { details: { errors: fields } });
}
