import { settled } from '../../core/settled.js';
import type { TransactionAccess } from '../../auth/transaction-access.js';
import { isUuid } from '../../core/guid.js';
import type { Clock } from '../../core/clock.js';
import type { IdFactory } from '../../core/ids.js';
import type { RequestNote } from '../../core/request-note.js';
import type { Decision, ScenarioRuntime } from '../../scenario-engine/runtime.js';
import type { ProcessedRecord, RegulaTransaction, TransactionBinding } from '../../store/entities.js';
import type { TransactionsRepository } from '../../store/transactions.js';
import { invalidTransactionId, notProcessed, transactionNotFound } from './docreader.errors.js';
import { documentReading } from './document-reading.js';
import type { ProcessInput } from './process-request.js';

export interface ReprocessInput extends ProcessInput {
  useCache: boolean;
}

export interface Processed {
  transaction: RegulaTransaction;
  record: ProcessedRecord;
  binding: TransactionBinding;
}

/** Document Reader transactions behind the gateway: the SDK's start and upload, reprocess, results, tags. */
export class DocreaderService {
  constructor(
    private readonly transactions: TransactionsRepository,
    private readonly access: TransactionAccess,
    private readonly scenarios: ScenarioRuntime,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
  ) {}

  /**
   * The SDK's `POST /api/v2/transaction/start`. Only an explicit scenario binds here; otherwise the
   * session's applies. `id` is chosen only by the control plane's device simulator.
   */
  async start(
    caller: string,
    tag: string | undefined,
    scenarioHeader: string | undefined,
    note?: RequestNote,
    id = this.ids.uuid(),
  ): Promise<RegulaTransaction> {
    const now = this.clock.now();
    const transaction: RegulaTransaction = {
      id,
      kind: 'document',
      owner: caller,
      createdAt: now,
      updatedAt: now,
      uploaded: false,
      packageBytes: 0,
      ...(tag ? { tag } : {}),
    };
    const scenario = await this.scenarios.select('transaction', {
      clientId: caller,
      attributes: { tag },
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

  /** The SDK's package upload `POST /api/v2/transaction/{id}`: the body is encrypted, so only its size is kept. */
  async upload(caller: string, id: string, bytes: number, note?: RequestNote): Promise<RegulaTransaction> {
    const transaction = await this.own(caller, id);
    const updated = { ...transaction, uploaded: true, packageBytes: bytes, updatedAt: this.clock.now() };
    await this.transactions.save(updated);
    await this.scenarios.touch('transaction', id, 'transaction-uploaded', note);
    return updated;
  }

  /** Reprocess: zero trust first, then the outcome of the transaction's scenario (or its session's). */
  async reprocess(caller: string, id: string, input: ReprocessInput, note?: RequestNote): Promise<Processed> {
    if (!isUuid(id)) throw invalidTransactionId(id);
    const binding = await this.access.boundToCaller(caller, 'document', id);
    // Once the caller owns the binding, the rest is read at once (one batch on a shared store) and judged in order.
    const [liveness, loaded, bound] = await Promise.allSettled([
      input.livePortrait !== undefined && isUuid(input.livePortrait) ? this.access.livenessInSameSession(caller, binding, input.livePortrait) : undefined,
      this.transactions.get('document', id),
      this.scenarios.firstBound([
        ['transaction', id],
        ['session', binding.sessionId],
      ]),
    ]);
    settled(liveness);
    const transaction = settled(loaded);
    if (!transaction || !transaction.uploaded) throw transactionNotFound(id);
    const instance = settled(bound);
    if (instance) await this.scenarios.fireAndApply(instance, 'transaction-processed', note);
    if (input.useCache && transaction.processed) return { transaction, record: transaction.processed, binding };
    const record = this.record(this.scenarios.decide(instance), input);
    const updated = { ...transaction, processed: record, updatedAt: record.at, tag: transaction.tag ?? binding.sessionId };
    await this.transactions.save(updated);
    return { transaction: updated, record, binding };
  }

  /** Direct processing (`POST /api/process`): nothing is created, the outcome is decided as a new transaction's. */
  async processDirect(caller: string, input: ProcessInput, scenarioHeader: string | undefined): Promise<ProcessedRecord> {
    return this.record(
      await this.scenarios.decideNew('transaction', { clientId: caller, ...(scenarioHeader === undefined ? {} : { header: scenarioHeader }) }),
      input,
    );
  }

  /** The one place a decision becomes what the Document Reader reads. */
  private record(decision: Decision, input: ProcessInput): ProcessedRecord {
    return {
      at: this.clock.now(),
      ...decision,
      reading: documentReading(decision, input),
      processScenario: input.processScenario,
      threshold: input.threshold,
      useFaceApi: input.useFaceApi,
      ...(input.livePortrait === undefined ? {} : { livePortrait: input.livePortrait }),
    };
  }

  /** A processed transaction the caller may read (GET transaction, results, files). */
  async processed(caller: string, id: string, note?: RequestNote): Promise<Processed> {
    if (!isUuid(id)) throw invalidTransactionId(id);
    const binding = await this.access.boundToCaller(caller, 'document', id);
    const transaction = await this.transactions.get('document', id);
    if (!transaction) throw transactionNotFound(id);
    if (!transaction.processed) throw notProcessed(id);
    await this.scenarios.touch('transaction', id, 'results-read', note);
    return { transaction, record: transaction.processed, binding };
  }

  /** The caller's transactions carrying a tag (Regula tags them with the ZignSec session id). */
  async tagged(caller: string, tag: string): Promise<RegulaTransaction[]> {
    return (await this.transactions.withTag(tag)).filter((t) => t.owner === caller && t.kind === 'document');
  }

  async deleteTagged(caller: string, tag: string): Promise<number> {
    const mine = await this.tagged(caller, tag);
    for (const t of mine) await this.transactions.delete(t);
    return mine.length;
  }

  private async own(caller: string, id: string): Promise<RegulaTransaction> {
    if (!isUuid(id)) throw invalidTransactionId(id);
    const transaction = await this.transactions.get('document', id);
    if (!transaction || transaction.owner !== caller) throw transactionNotFound(id);
    return transaction;
  }
}
