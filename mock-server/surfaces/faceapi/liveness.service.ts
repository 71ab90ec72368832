import { isUuid } from '../../core/guid.js';
import type { Clock } from '../../core/clock.js';
import { faceError, invalidTransactionId, livenessNotFound } from './faceapi.errors.js';
import type { IdFactory } from '../../core/ids.js';
import type { RequestNote } from '../../core/request-note.js';
import type { Decision, ScenarioRuntime } from '../../scenario-engine/runtime.js';
import type { RegulaTransaction, TransactionBindings } from '../../store/entities.js';
import type { TransactionsRepository } from '../../store/transactions.js';

const TAG = /^[A-Za-z0-9_-]{1,127}$/;

/** The liveness verdict a transaction's scenario gives, in the Face fixtures' terms. */
export interface LivenessVerdict {
  outcome: 'passed' | 'failed';
  variant: 'default' | 'spoof';
}

/** Liveness fails only under `failed;variant=liveness-failed`; every other outcome concerns the document. */
const verdictOf = ({ outcome, variant }: Decision): LivenessVerdict =>
  outcome === 'failed' && variant === 'liveness-failed' ? { outcome: 'failed', variant: 'spoof' } : { outcome: 'passed', variant: 'default' };

/** Face API liveness transactions behind the gateway: the SDK's start and upload, then reads and deletes. */
export class LivenessService {
  constructor(
    private readonly transactions: TransactionsRepository,
    private readonly bindings: TransactionBindings,
    private readonly scenarios: ScenarioRuntime,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
  ) {}

  /** `id` is chosen only by the control plane's device simulator. */
  async start(
    caller: string,
    input: { tag?: unknown; type?: unknown },
    scenarioHeader: string | undefined,
    note?: RequestNote,
    id = this.ids.uuid(),
  ): Promise<RegulaTransaction> {
    if (input.tag !== undefined && (typeof input.tag !== 'string' || !TAG.test(input.tag))) {
      throw faceError(400, 'tag may hold only Latin letters, digits, "-" and "_", at most 127 characters.');
    }
    const now = this.clock.now();
    const transaction: RegulaTransaction = {
      id,
      kind: 'liveness',
      owner: caller,
      tag: input.tag ?? this.ids.uuid(),
      createdAt: now,
      updatedAt: now,
      uploaded: false,
      packageBytes: 0,
      livenessType: input.type === 0 || input.type === 'active' ? 0 : 1,
    };
    const scenario = await this.scenarios.select('transaction', {
      clientId: caller,
      attributes: { tag: transaction.tag },
      fallback: false,
      ...(scenarioHeader === undefined ? {} : { header: scenarioHeader }),
    });
    await this.transactions.save(transaction);
    if (scenario)
      await this.scenarios.bindCreated('transaction', transaction.id, caller, scenario, 'transaction-created', note, () =>
        this.transactions.delete(transaction),
      );
    return transaction;
  }

  async upload(caller: string, id: string, bytes: number, note?: RequestNote): Promise<{ transaction: RegulaTransaction; verdict: LivenessVerdict }> {
    const transaction = await this.readable(caller, id);
    const updated = { ...transaction, uploaded: true, packageBytes: bytes, updatedAt: this.clock.now() };
    await this.transactions.save(updated);
    return { transaction: updated, verdict: await this.verdict(updated, 'transaction-uploaded', note) };
  }

  async read(caller: string, id: string, note?: RequestNote): Promise<{ transaction: RegulaTransaction; verdict: LivenessVerdict }> {
    const transaction = await this.readable(caller, id);
    if (!transaction.uploaded) throw faceError(400, `Liveness transaction ${id} has no data yet.`);
    return { transaction, verdict: await this.verdict(transaction, 'liveness-read', note) };
  }

  /**
   * An uploaded transaction the caller may read, for its stored files; unknown, someone else's and not yet
   * uploaded are all undefined (one 404). Reading a file is no liveness read: no scenario event fires.
   */
  async stored(caller: string, id: string): Promise<RegulaTransaction | undefined> {
    if (!isUuid(id)) return undefined;
    const transaction = await this.readable(caller, id).catch(() => undefined);
    return transaction?.uploaded ? transaction : undefined;
  }

  async delete(caller: string, filter: { transactionId?: string; tag?: string }): Promise<number> {
    if (filter.transactionId === undefined && filter.tag === undefined) throw faceError(400, 'Give transactionId or tag.');
    const targets = filter.transactionId !== undefined ? [await this.readable(caller, filter.transactionId)] : await this.transactions.withTag(filter.tag!);
    const mine = targets.filter((t) => t.kind === 'liveness' && t.owner === caller);
    for (const t of mine) await this.transactions.delete(t);
    return mine.length;
  }

  /** Only the creating client (the phone, with its backend's credentials) sees it; only it can bind it too. */
  private async readable(caller: string, id: string): Promise<RegulaTransaction> {
    if (!isUuid(id)) throw invalidTransactionId(id);
    const transaction = await this.transactions.get('liveness', id);
    if (!transaction || transaction.owner !== caller) throw livenessNotFound(id);
    return transaction;
  }

  private async verdict(transaction: RegulaTransaction, event: 'transaction-uploaded' | 'liveness-read', note?: RequestNote): Promise<LivenessVerdict> {
    const binding = await this.bindings.bindingOf('liveness', transaction.id);
    const found = await this.scenarios.firstBound([
      ['transaction', transaction.id],
      ['session', binding?.sessionId ?? transaction.tag],
    ]);
    // A tag naming someone else's session must not reveal that session's scenario.
    const instance = found && found.clientId === transaction.owner ? found : undefined;
    if (instance) await this.scenarios.fireAndApply(instance, event, note);
    return verdictOf(this.scenarios.decide(instance));
  }
}
