/** One try of a delivery: when, how it went, how long the receiver took. */
export interface Attempt {
  at: string;
  /** The receiver's status, when it answered. */
  status?: number;
  /** Why no status: `timeout`, `refused`, `reset`... */
  error?: string;
  latencyMs: number;
}

export type DeliveryState = 'queued' | 'in-flight' | 'delivered' | 'failed';

/** One event on its way to one URL, with every attempt so far. */
export interface WebhookDeliveryRecord extends WebhookEvent {
  id: string;
  createdAt: string;
  state: DeliveryState;
  /** When the next attempt is due (epoch ms of the injected clock), while queued. */
  nextAttemptAt?: number;
  attempts: Attempt[];
}

/** What a surface hands the delivery service. */
export interface WebhookEvent {
  owner: string;
  /** The surface that sent it (`scanning`, `assure`). */
  source: string;
  resourceId: string;
  url: string;
  /** The exact body sent, and the headers (the surface signs it). */
  body: string;
  headers: Record<string, string>;
}
