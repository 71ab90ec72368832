/** A gateway authorization session (`POST /mobilesdk/sessions`). */
export interface Session {
  id: string;
  /** Short form of the owning API client's GUID (22 chars). */
  clientId: string;
  clientIdLong: string;
  uniqueId: string;
  /** The API client (token `azp`) that created it; only it can see or bind to it. */
  owner: string;
  createdAt: number;
  /** Scenario bound when the session was created. */
  scenario?: string;
}

export type TransactionKind = 'liveness' | 'document';

/** A Regula transaction attached to a session, which is what lets its owner reprocess or read it. */
export interface TransactionBinding {
  kind: TransactionKind;
  transactionId: string;
  sessionId: string;
  owner: string;
  boundAt: number;
}
