/** What the layers of one request learn about it, for the journal. A plain object: services fill it without Express. */
export interface RequestNote {
  clientId?: string | undefined;
  resource?: string | undefined;
  scenario?: string | undefined;
  stateBefore?: string | undefined;
  stateAfter?: string | undefined;
  unmatched?: boolean | undefined;
}
