import type { Response } from 'express';
import type { RequestNote } from '../core/request-note.js';

export type { RequestNote };

export function noteOf(res: Response): RequestNote {
  let note = res.locals.note as RequestNote | undefined;
  if (!note) {
    note = {};
    res.locals.note = note;
  }
  return note;
}
