import type { RegulaTransaction, TransactionKind } from './entities.js';
import type { KeyValueStore } from './store.js';

const key = (kind: TransactionKind, id: string): string => `${kind}:${id.toLowerCase()}`;

/** Document and liveness transactions, shared by the Document Reader and Face API surfaces. */
export class TransactionsRepository {
  constructor(private readonly store: KeyValueStore<RegulaTransaction>) {}

  get(kind: TransactionKind, id: string): Promise<RegulaTransaction | undefined> {
    return this.store.get(key(kind, id));
  }

  save(transaction: RegulaTransaction): Promise<void> {
    return this.store.set(key(transaction.kind, transaction.id), transaction);
  }

  withTag(tag: string, limit = 1000): Promise<RegulaTransaction[]> {
    return this.store.find((t) => t.tag === tag, limit);
  }

  /** One kind's transactions of one client (or of all), for the control plane. */
  of(kind: TransactionKind, owner: string | undefined, limit: number): Promise<RegulaTransaction[]> {
    return this.store.find((t) => t.kind === kind && (owner === undefined || t.owner === owner), limit);
  }

  delete(transaction: RegulaTransaction): Promise<boolean> {
    return this.store.delete(key(transaction.kind, transaction.id));
  }

  clear(owner?: string): Promise<number> {
    return this.store.deleteWhere((t) => owner === undefined || t.owner === owner);
  }
}
