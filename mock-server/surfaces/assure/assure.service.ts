import { ASSURE_VARIANTS, resolveVariant, type AssureOutcome } from '../../../fixtures/assure/index.js';
import type { MockConfig } from '../../config.js';
import type { Clock } from '../../core/clock.js';
import type { IdFactory } from '../../core/ids.js';
import type { RequestNote } from '../../core/request-note.js';
import type { ScenarioRuntime } from '../../scenario-engine/runtime.js';
import type { KeyValueStore } from '../../store/store.js';
import { conflict, dossierNotFound, processNotFound, tooManyProcesses } from './assure.errors.js';
import {
  UPLOAD_KINDS,
  type AssureProcess,
  type Dossier,
  type FinalStatus,
  type ProcessEnd,
  type StoredImage,
  type StoredImageRef,
  type UploadKind,
} from './assure.entities.js';
import { statusAt, verdictDueAt } from './process-status.js';
import type { CreateProcessRequest, ImageUpload } from './assure.requests.js';

/** A dossier keeps this many processes; beyond, create answers 409 (one dossier per end-user). */
export const MAX_PROCESSES_PER_DOSSIER = 50;

type Images = Partial<Record<UploadKind, ImageUpload>>;

const isAssureOutcome = (o: string): o is AssureOutcome => Object.hasOwn(ASSURE_VARIANTS, o);
/** The shared outcome scenarios speak the gateway's words too; Assure has its own for two of them. */
const OUTCOME_ALIASES: Record<string, AssureOutcome> = { cancelled: 'canceled', declined: 'rejected', timeout: 'failed' };

/** What the service asks of the rest of the surface. */
export interface ServiceHooks {
  /** Called once when a process reaches its final status (the events). */
  onFinal(process: AssureProcess): Promise<void>;
  /** Called when a process is deleted: whatever was made from it (cached results, media) goes too. */
  onRemoved(processId: string): void;
  /** Asks to be called back at an instant (a wall-clock timer), so a verdict falls due without reads. */
  wakeAt(at: number, processId: string): void;
  /** The SDK token of a provider whose SDK captures the images (eid). */
  sdkToken(processId: string, dossierId: string): Promise<string>;
}

export interface AssureStores {
  dossiers: KeyValueStore<Dossier>;
  processes: KeyValueStore<AssureProcess>;
  images: KeyValueStore<StoredImage>;
}

/** Dossiers and their processes: creation, images, verification, how each ends. Knows nothing of HTTP. */
export class AssureService {
  /** Settlements running now, by process id: two reads at the verdict's instant decide (and notify) once. */
  private readonly settling = new Map<string, Promise<AssureProcess>>();

  constructor(
    private readonly stores: AssureStores,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
    private readonly scenarios: ScenarioRuntime,
    private readonly config: MockConfig['assure'],
    private readonly hooks: ServiceHooks,
  ) {}

  async createDossier(owner: string, tags?: string[]): Promise<Dossier> {
    const now = this.clock.now();
    const dossier: Dossier = { id: this.ids.uuid(), owner, createdAt: now, updatedAt: now, processIds: [], files: {}, ...(tags ? { tags } : {}) };
    await this.stores.dossiers.set(dossier.id, dossier);
    return dossier;
  }

  async listDossiers(owner: string | undefined, limit: number): Promise<Dossier[]> {
    const found = await this.stores.dossiers.find((d) => owner === undefined || d.owner === owner, limit);
    return found.sort((a, b) => b.createdAt - a.createdAt);
  }

  /** Any dossier by id (the control plane, which names it itself). */
  findDossier(id: string): Promise<Dossier | undefined> {
    return this.stores.dossiers.get(id);
  }

  /** The caller's dossier; missing and someone else's are the same 404. */
  async ownedDossier(owner: string, id: string): Promise<Dossier> {
    const dossier = await this.stores.dossiers.get(id);
    if (!dossier || dossier.owner !== owner) throw dossierNotFound();
    return dossier;
  }

  async processesOf(dossier: Dossier): Promise<AssureProcess[]> {
    const found = await Promise.all(dossier.processIds.map((id) => this.stores.processes.get(id)));
    return Promise.all(found.filter((p): p is AssureProcess => p !== undefined).map((p) => this.settle(p)));
  }

  /** Everything of the end-user goes: processes, their images and scenarios, the dossier's files, the dossier. Answers whether it was there. */
  async deleteDossier(dossier: Dossier): Promise<boolean> {
    for (const id of dossier.processIds) {
      const process = await this.stores.processes.get(id);
      if (process) await this.removeProcess(process);
    }
    await this.dropImages(dossier.files);
    return this.stores.dossiers.delete(dossier.id);
  }

  async setFiles(dossier: Dossier, files: Images): Promise<Dossier> {
    const refs = await this.storeImages(dossier.owner, `${dossier.id}:file`, files);
    const updated: Dossier = { ...dossier, files: { ...dossier.files, ...refs }, updatedAt: this.clock.now() };
    await this.stores.dossiers.set(dossier.id, updated);
    return updated;
  }

  async deleteFiles(dossier: Dossier): Promise<void> {
    await this.dropImages(dossier.files);
    await this.stores.dossiers.set(dossier.id, { ...dossier, files: {}, updatedAt: this.clock.now() });
  }

  image(ref: StoredImageRef | undefined): Promise<StoredImage | undefined> {
    return ref ? this.stores.images.get(ref.key) : Promise.resolve(undefined);
  }

  async createProcess(
    dossier: Dossier,
    request: CreateProcessRequest,
    via: AssureProcess['via'],
    scenarioHeader?: string,
    note?: RequestNote,
  ): Promise<AssureProcess> {
    // Read again: two creates racing on one dossier must both be listed.
    const current = await this.ownedDossier(dossier.owner, dossier.id);
    if (current.processIds.length >= MAX_PROCESSES_PER_DOSSIER) throw tooManyProcesses(MAX_PROCESSES_PER_DOSSIER);
    const now = this.clock.now();
    const id = this.ids.uuid();
    const scenario = await this.scenarios.select('process', {
      clientId: dossier.owner,
      attributes: { provider: request.provider, processType: request.processType },
      ...(scenarioHeader === undefined ? {} : { header: scenarioHeader }),
    });
    const process: AssureProcess = {
      id,
      dossierId: dossier.id,
      owner: dossier.owner,
      provider: request.provider,
      processType: request.processType,
      ...(request.documentId === undefined ? {} : { documentId: request.documentId }),
      createdAt: now,
      updatedAt: now,
      via,
      images: {},
      failReasonId: this.ids.uuid(),
      ...(scenario === undefined ? {} : { scenario: scenario.ref }),
      ...(request.notificationUrl === undefined ? {} : { notificationUrl: request.notificationUrl }),
      ...(request.authorizationHeader === undefined ? {} : { authorizationHeader: request.authorizationHeader }),
      ...(request.redirectUrl === undefined ? {} : { redirectUrl: request.redirectUrl }),
      ...(request.provider === 'eid' && via === 'api' ? { authorizationToken: await this.hooks.sdkToken(id, dossier.id) } : {}),
    };
    await this.stores.processes.set(id, process);
    await this.stores.dossiers.set(dossier.id, { ...current, processIds: [...current.processIds, id], updatedAt: now });
    if (scenario) {
      await this.scenarios.bindCreated('process', id, dossier.owner, scenario, 'process-created', note, () => this.stores.processes.delete(id));
    }
    this.scheduleVerdict(process);
    return process;
  }

  /** The caller's process of that dossier, brought up to date; anything else is the same 404. */
  async ownedProcess(owner: string, dossierId: string, processId: string): Promise<AssureProcess> {
    const process = await this.stores.processes.get(processId);
    if (!process || process.owner !== owner || process.dossierId !== dossierId) throw processNotFound();
    return this.settle(process);
  }

  /** Any process by id (the capture pages and the RA endpoint, which named it themselves). */
  async find(processId: string): Promise<AssureProcess | undefined> {
    const process = await this.stores.processes.get(processId);
    return process && this.settle(process);
  }

  async read(process: AssureProcess, note?: RequestNote): Promise<AssureProcess> {
    await this.scenarios.touch('process', process.id, 'process-read', note);
    return process;
  }

  /** The process with its images and scenario, and its place in its dossier; answers whether it was there. */
  async deleteProcess(process: AssureProcess): Promise<boolean> {
    const existed = await this.removeProcess(process);
    const current = await this.stores.dossiers.get(process.dossierId);
    if (current)
      await this.stores.dossiers.set(current.id, { ...current, processIds: current.processIds.filter((id) => id !== process.id), updatedAt: this.clock.now() });
    return existed;
  }

  status(process: AssureProcess) {
    return statusAt(process, this.clock.now(), this.config);
  }

  /** New images replace the previous ones of the same kind (Assure: every upload replaces). Only before verification starts. */
  async setImages(process: AssureProcess, images: Images): Promise<AssureProcess> {
    if (this.status(process) !== 'pending') throw conflict('Images can only be set before the verification is started.');
    const refs = await this.storeImages(process.owner, process.id, images);
    const updated: AssureProcess = { ...process, images: { ...process.images, ...refs }, updatedAt: this.clock.now() };
    await this.stores.processes.set(process.id, updated);
    return updated;
  }

  /**
   * Starts verification once: with the process's own images, else the dossier's files (copied in, so a
   * later change of the files does not change what was verified). 409 when started already or nothing to verify.
   */
  async startVerification(process: AssureProcess, dossier: Dossier, needed: readonly UploadKind[], note?: RequestNote): Promise<AssureProcess> {
    if (this.status(process) !== 'pending') throw conflict('The verification of this process has already been started.');
    const images = { ...process.images };
    for (const kind of needed) {
      const file = dossier.files[kind];
      const copied = images[kind] === undefined && file ? await this.copyImage(file, process.owner, `${process.id}:${kind}`) : undefined;
      if (copied) images[kind] = copied;
    }
    const missing = needed.filter((kind) => images[kind] === undefined);
    if (missing.length > 0) throw conflict(`The process has no ${missing.join(', ')} image: set images (or dossier files) first.`);
    const now = this.clock.now();
    const started: AssureProcess = { ...process, images, startedAt: now, updatedAt: now };
    await this.stores.processes.set(process.id, started);
    await this.scenarios.touch('process', process.id, 'process-started', note);
    this.scheduleVerdict(started);
    return started;
  }

  /** The capture flow's end: the person's images are in, verification begins (or the person gave up). */
  async finishCapture(process: AssureProcess, images: Images, canceled: boolean, choice?: { status: FinalStatus; variant?: string }): Promise<AssureProcess> {
    if (this.status(process) !== 'pending') return process;
    const refs = await this.storeImages(process.owner, process.id, images);
    const now = this.clock.now();
    const started: AssureProcess = {
      ...process,
      images: { ...process.images, ...refs },
      startedAt: now,
      updatedAt: now,
      ...(choice ? { operatorDecision: choice } : {}),
    };
    await this.stores.processes.set(process.id, started);
    if (canceled) return this.end(started, { status: 'canceled', variant: 'default', decidedBy: 'end-user', at: now });
    this.scheduleVerdict(started);
    return this.settle(started);
  }

  /**
   * The RA App's operator accepts or rejects a verification request (or the admin picks any final
   * status). eid only; a process already final is a conflict.
   */
  async decideAsOperator(process: AssureProcess, status: FinalStatus, variant?: string): Promise<AssureProcess> {
    if (process.end) throw conflict(`The process is already ${process.end.status}.`);
    if (process.provider !== 'eid') throw conflict('Only eid verifications wait for a registration authority.');
    const now = this.clock.now();
    const decided: AssureProcess = {
      ...process,
      operatorDecision: { status, ...(variant === undefined ? {} : { variant }) },
      startedAt: process.startedAt ?? now,
    };
    await this.stores.processes.set(process.id, decided);
    return this.end(decided, this.endFor(status, variant, 'operator', now));
  }

  /** Settles every process whose verdict is due (a few hundred at a time), when the virtual clock jumps. */
  async settleDue(limit = 500): Promise<number> {
    const now = this.clock.now();
    const due = await this.stores.processes.find((p) => {
      const at = p.end ? undefined : verdictDueAt(p, this.config);
      return at !== undefined && at <= now;
    }, limit);
    for (const p of due) await this.settle(p);
    return due.length;
  }

  /** Brings a process up to date: once its verdict is due, the operator's, or the bound scenario's, decides. */
  settle(process: AssureProcess): Promise<AssureProcess> {
    if (process.end) return Promise.resolve(process);
    const due = verdictDueAt(process, this.config);
    if (due === undefined || due > this.clock.now()) return Promise.resolve(process);
    if (process.provider === 'eid' && !process.operatorDecision && this.config.eidApproval === 'operator') return Promise.resolve(process);
    const running = this.settling.get(process.id);
    if (running) return running;
    const work = this.decide(process, due).finally(() => this.settling.delete(process.id));
    this.settling.set(process.id, work);
    return work;
  }

  private async decide(process: AssureProcess, due: number): Promise<AssureProcess> {
    if (process.operatorDecision) return this.end(process, this.endFor(process.operatorDecision.status, process.operatorDecision.variant, 'operator', due));
    const instance = await this.scenarios.engine.instance('process', process.id);
    const decision = this.scenarios.decide(instance);
    const outcome = isAssureOutcome(decision.outcome) ? decision.outcome : (OUTCOME_ALIASES[decision.outcome] ?? 'accepted');
    return this.end(process, this.endFor(outcome, decision.variant, decision.scenario, due));
  }

  private endFor(status: FinalStatus, variant: string | undefined, decidedBy: string, at: number): ProcessEnd {
    return { status, variant: resolveVariant(status, variant), decidedBy, at };
  }

  private async end(process: AssureProcess, end: ProcessEnd): Promise<AssureProcess> {
    // Only the write that ends it notifies.
    const current = await this.stores.processes.get(process.id);
    if (!current) return process;
    if (current.end) return current;
    const ended: AssureProcess = { ...current, ...process, end, updatedAt: Math.max(end.at, current.updatedAt) };
    await this.stores.processes.set(process.id, ended);
    await this.hooks.onFinal(ended);
    return ended;
  }

  private scheduleVerdict(process: AssureProcess): void {
    const due = verdictDueAt(process, this.config);
    if (due !== undefined) this.hooks.wakeAt(due, process.id);
  }

  private async removeProcess(process: AssureProcess): Promise<boolean> {
    await this.dropImages(process.images);
    await this.scenarios.engine.unbind('process', process.id);
    const existed = await this.stores.processes.delete(process.id);
    this.hooks.onRemoved(process.id);
    return existed;
  }

  private async storeImages(owner: string, prefix: string, images: Images): Promise<Partial<Record<UploadKind, StoredImageRef>>> {
    const refs: Partial<Record<UploadKind, StoredImageRef>> = {};
    for (const kind of UPLOAD_KINDS) {
      const image = images[kind];
      if (!image) continue;
      const key = `${prefix}:${kind}`;
      await this.stores.images.set(key, { owner, type: image.type, data: image.bytes });
      refs[kind] = { key, type: image.type, bytes: image.bytes.length };
    }
    return refs;
  }

  private async copyImage(ref: StoredImageRef, owner: string, key: string): Promise<StoredImageRef | undefined> {
    const image = await this.stores.images.get(ref.key);
    if (!image) return undefined;
    await this.stores.images.set(key, { ...image, owner });
    return { ...ref, key };
  }

  private async dropImages(refs: Partial<Record<UploadKind, StoredImageRef>>): Promise<void> {
    for (const ref of Object.values(refs)) await this.stores.images.delete(ref.key);
  }
}
