/** What the layers of one request learn about it, for the journal. A plain object: services fill it without Express. */
export interface RequestNote {
  clientId?: string;
  resource?: string;
  scenario?: string;
  stateBefore?: string;
  stateAfter?: string;
  unmatched?: boolean;
}
