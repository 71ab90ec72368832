import type { Response } from 'express';

/** What the layers of one request learn about it, for the journal. A plain object: services fill it without Express. */
export interface RequestNote {
  clientId?: string;
  resource?: string;
  scenario?: string;
  stateBefore?: string;
  stateAfter?: string;
  unmatched?: boolean;
}

export function noteOf(res: Response): RequestNote {
  let note = res.locals.note as RequestNote | undefined;
  if (!note) {
    note = {};
    res.locals.note = note;
  }
  return note;
}
