import type { MockConfig } from '../config.js';
import { gatewayError } from '../core/errors.js';
import type { HttpError } from '../core/http-error.js';
import type { TransactionBinding, TransactionBindings, TransactionKind } from '../store/entities.js';

const MESSAGES: Record<TransactionKind, string> = {
  document: 'Access denied: the transaction is not bound to a session of this client.',
  liveness: 'Access denied: the liveness transaction is not bound to the same session as the document transaction.',
};

/**
 * Zero trust at the gateway: a transaction can be read or reprocessed only through a session of the
 * calling client it was bound to. Unbound and foreign transactions get the same answer, so ids cannot be
 * probed; the status is 403 by default (the gateway restricts access), 404 if configured.
 */
export class TransactionAccess {
  constructor(
    private readonly bindings: TransactionBindings,
    private readonly config: MockConfig['gateway'],
  ) {}

  async boundToCaller(caller: string, kind: TransactionKind, transactionId: string): Promise<TransactionBinding> {
    const binding = await this.bindings.bindingOf(kind, transactionId);
    if (!binding || binding.owner !== caller) throw this.denied(MESSAGES.document);
    return binding;
  }

  /** `livePortrait` naming a liveness transaction: it must be bound to the document's own session. */
  async livenessInSameSession(caller: string, document: TransactionBinding, livenessId: string): Promise<TransactionBinding> {
    const binding = await this.bindings.bindingOf('liveness', livenessId);
    if (!binding || binding.owner !== caller || binding.sessionId !== document.sessionId) throw this.denied(MESSAGES.liveness);
    return binding;
  }

  private denied(message: string): HttpError {
    const status = this.config.unboundTransactionStatus;
    return gatewayError(status, status === 404 ? 'not_found' : 'forbidden', status === 404 ? 'Resource not found' : message);
  }
}
