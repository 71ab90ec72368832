import type { Clock } from '../../core/clock.js';
import { shortGuid } from '../../core/guid.js';
import type { IdFactory } from '../../core/ids.js';
import type { Session, TransactionBinding, TransactionKind } from '../../store/entities.js';
import type { KeyValueStore } from '../../store/store.js';
import { invalidTransactionId, sessionNotFound, transactionBoundElsewhere } from './sessions.errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIQUE_ID_LENGTH = 14;

export interface SessionOwner {
  clientId: string;
  guid: string;
}

export const bindingKey = (kind: TransactionKind, transactionId: string): string => `${kind}:${transactionId.toLowerCase()}`;

/** Sessions and the transactions bound to them. Knows nothing of HTTP. */
export class SessionsService {
  constructor(
    private readonly sessions: KeyValueStore<Session>,
    private readonly bindings: KeyValueStore<TransactionBinding>,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
  ) {}

  async create(owner: SessionOwner, scenario?: string): Promise<Session> {
    const clientId = shortGuid(owner.guid);
    const uniqueId = this.ids.urlSafe(UNIQUE_ID_LENGTH);
    const session: Session = {
      id: clientId + uniqueId,
      clientId,
      clientIdLong: owner.guid,
      uniqueId,
      owner: owner.clientId,
      createdAt: this.clock.now(),
      ...(scenario === undefined ? {} : { scenario }),
    };
    await this.sessions.set(session.id, session);
    return session;
  }

  /** The caller's own session, or the same 404 whether it is missing or belongs to someone else. */
  async owned(owner: string, sessionId: string): Promise<Session> {
    const session = await this.sessions.get(sessionId);
    if (!session || session.owner !== owner) throw sessionNotFound();
    return session;
  }

  /** Idempotent for the same session; a transaction bound to any other session is a conflict. */
  async bind(owner: string, sessionId: string, kind: TransactionKind, transactionId: string): Promise<TransactionBinding> {
    // Model binding rejects a malformed id before the action looks anything up, as ASP.NET does.
    if (!UUID.test(transactionId)) throw invalidTransactionId(transactionId);
    const session = await this.owned(owner, sessionId);
    const candidate: TransactionBinding = {
      kind,
      transactionId: transactionId.toLowerCase(),
      sessionId: session.id,
      owner,
      boundAt: this.clock.now(),
    };
    const stored = await this.bindings.setIfAbsent(bindingKey(kind, transactionId), candidate);
    if (stored.sessionId !== session.id) throw transactionBoundElsewhere();
    return stored;
  }

  async bindingOf(kind: TransactionKind, transactionId: string): Promise<TransactionBinding | undefined> {
    return this.bindings.get(bindingKey(kind, transactionId));
  }
}
