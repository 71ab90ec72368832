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

/** What a reprocess decided, kept so `useCache`, GET results and files answer the same. */
export interface ProcessedRecord {
  at: number;
  /** The scenario's decision. */
  scenario: string;
  outcome: string;
  variant: string;
  /** What the service reads under this request (the decision, unless the request did not ask for the failing check). */
  reading: { outcome: string; variant: string; diagnostic?: string };
  processScenario: string;
  threshold: number;
  useFaceApi: boolean;
  livePortrait?: string;
}

/** A Regula transaction the phone created through the SDK endpoints behind the gateway. */
export interface RegulaTransaction {
  id: string;
  kind: TransactionKind;
  /** The API client whose token created it. */
  owner: string;
  tag?: string;
  createdAt: number;
  updatedAt: number;
  uploaded: boolean;
  packageBytes: number;
  /** Liveness only: 0 active, 1 passive (Regula's LivenessType). */
  livenessType?: 0 | 1;
  processed?: ProcessedRecord;
}

/** How the gateway finds the session a transaction is bound to (implemented by the sessions surface). */
export interface TransactionBindings {
  bindingOf(kind: TransactionKind, transactionId: string): Promise<TransactionBinding | undefined>;
}
