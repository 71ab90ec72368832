import { isUuid } from '../../core/guid.js';
import type { Clock } from '../../core/clock.js';
import { shortGuid } from '../../core/guid.js';
import type { IdFactory } from '../../core/ids.js';
import type { RequestNote } from '../../core/request-note.js';
import type { ScenarioRuntime } from '../../scenario-engine/runtime.js';
import type { Session, TransactionBinding, TransactionKind } from '../../store/entities.js';
import type { KeyValueStore } from '../../store/store.js';
import type { TransactionsRepository } from '../../store/transactions.js';
import { invalidTransactionId, sessionNotFound, transactionBoundElsewhere } from './sessions.errors.js';

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
    private readonly transactions: TransactionsRepository,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
    private readonly scenarios: ScenarioRuntime,
  ) {}

  /** `scenarioHeader` is the creating request's X-Mock-Scenario, if any. */
  async create(owner: SessionOwner, scenarioHeader?: string, note?: RequestNote): Promise<Session> {
    const clientId = shortGuid(owner.guid);
    const uniqueId = this.ids.urlSafe(UNIQUE_ID_LENGTH);
    const id = clientId + uniqueId;
    const scenario = await this.scenarios.select('session', { clientId: owner.clientId, ...(scenarioHeader === undefined ? {} : { header: scenarioHeader }) });
    const session: Session = {
      id,
      clientId,
      clientIdLong: owner.guid,
      uniqueId,
      owner: owner.clientId,
      createdAt: this.clock.now(),
      ...(scenario === undefined ? {} : { scenario: scenario.ref }),
    };
    await this.sessions.set(session.id, session);
    if (scenario) await this.scenarios.bindCreated('session', id, owner.clientId, scenario, 'session-created', note, () => this.sessions.delete(id));
    return session;
  }

  find(sessionId: string): Promise<Session | undefined> {
    return this.sessions.get(sessionId);
  }

  /** The caller's own session, or the same 404 whether it is missing or belongs to someone else. */
  async owned(owner: string, sessionId: string): Promise<Session> {
    const session = await this.sessions.get(sessionId);
    if (!session || session.owner !== owner) throw sessionNotFound();
    return session;
  }

  /**
   * Idempotent for the same session; a transaction bound to any other session is a conflict. Only the
   * caller's own transactions bind (started with its token, uploaded or not): someone else's, or one
   * that never existed, gets the same 404 as an unknown session.
   */
  async bind(owner: string, sessionId: string, kind: TransactionKind, transactionId: string, note?: RequestNote): Promise<TransactionBinding> {
    // Model binding rejects a malformed id before the action looks anything up, as ASP.NET does.
    if (!isUuid(transactionId)) throw invalidTransactionId(transactionId);
    const session = await this.owned(owner, sessionId);
    const transaction = await this.transactions.get(kind, transactionId);
    if (!transaction || transaction.owner !== owner) throw sessionNotFound();
    await this.scenarios.touch('session', session.id, 'transaction-bound', note);
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

  /** Sessions of one client (or of all) with the transactions bound to them, for the control plane. */
  async list(owner: string | undefined, limit: number): Promise<Array<{ session: Session; bound: Array<{ kind: TransactionKind; transactionId: string }> }>> {
    const sessions = await this.sessions.find((s) => owner === undefined || s.owner === owner, limit);
    const ids = new Set(sessions.map((s) => s.id));
    const bindings = await this.bindings.find((b) => ids.has(b.sessionId));
    return sessions.map((session) => ({
      session,
      bound: bindings.filter((b) => b.sessionId === session.id).map((b) => ({ kind: b.kind, transactionId: b.transactionId })),
    }));
  }

  /**
   * The control plane's delete of one session, whoever's: its bindings go with it (the transactions stay,
   * unbound) and so does its scenario. Answers whether it was there.
   */
  async delete(sessionId: string): Promise<boolean> {
    if (!(await this.sessions.delete(sessionId))) return false;
    await this.bindings.deleteWhere((b) => b.sessionId === sessionId);
    await this.scenarios.engine.unbind('session', sessionId);
    return true;
  }

  /**
   * The control plane's delete of one Regula transaction, whoever's: its binding to a session goes with it,
   * so the gateway answers for it as for an id never seen (unbound), and so does its scenario.
   */
  async deleteTransaction(kind: TransactionKind, transactionId: string): Promise<boolean> {
    const transaction = await this.transactions.get(kind, transactionId);
    if (!transaction || !(await this.transactions.delete(transaction))) return false;
    await this.bindings.delete(bindingKey(kind, transaction.id));
    // Both kinds bind a scenario by id alone: a transaction of the other kind under the same id (the device
    // simulator can make one for a pact) keeps the one they share.
    const sharing = await this.transactions.get(kind === 'document' ? 'liveness' : 'document', transaction.id);
    if (!sharing) await this.scenarios.engine.unbind('transaction', transaction.id);
    return true;
  }

  /** Drops sessions and bindings, of one client or of all. */
  async clear(owner?: string): Promise<void> {
    const mine = (v: { owner: string }) => owner === undefined || v.owner === owner;
    await this.sessions.deleteWhere(mine);
    await this.bindings.deleteWhere(mine);
  }

  bindingOf(kind: TransactionKind, transactionId: string): Promise<TransactionBinding | undefined> {
    return this.bindings.get(bindingKey(kind, transactionId));
  }
}
