import { buildScanningResult, SCAN_VARIANTS, type ScanningResult, type ScanOutcome } from '../../../fixtures/scanning/index.js';
import { createRng, hash32 } from '../../../fixtures/core/rng.js';
import type { Clock } from '../../core/clock.js';
import type { IdFactory } from '../../core/ids.js';
import type { RequestNote } from '../../core/request-note.js';
import type { MockConfig } from '../../config.js';
import type { ScenarioRuntime } from '../../scenario-engine/runtime.js';
import type { KeyValueStore } from '../../store/store.js';
import type { LivenessRequest, ScanningRequest } from './create-request.js';
import { LIVENESS_ACTIONS } from './create-request.js';
import type { Scan, ScanEnd, ScanFlow, UploadKind } from './scan.js';
import type { ScanningCaller } from './scanning.guard.js';
import { sessionNotFound } from './scanning.errors.js';

/** The API flow keeps this many uploaded documents per session (the newest). */
const MAX_DOCUMENTS = 20;

const isScanOutcome = (o: string): o is ScanOutcome => Object.hasOwn(SCAN_VARIANTS, o);

/** A choice the person made on the mock-only outcome panel, overriding the scenario. */
export interface OutcomeChoice {
  outcome: ScanOutcome;
  variant?: string;
}

/** Scanning sessions: creation, the person's progress, how each ends, and its result. Knows nothing of HTTP. */
export class ScanningService {
  constructor(
    private readonly scans: KeyValueStore<Scan>,
    private readonly clock: Clock,
    private readonly ids: IdFactory,
    private readonly scenarios: ScenarioRuntime,
    private readonly config: MockConfig['scanning'],
    /** Called once when a scan ends (the webhook). */
    private readonly onEnded: (scan: Scan, result: ScanningResult) => void,
  ) {}

  async create(caller: ScanningCaller, flow: ScanFlow, request: ScanningRequest | LivenessRequest, scenarioHeader?: string, note?: RequestNote): Promise<Scan> {
    const id = this.ids.uuid();
    const scenario = await this.scenarios.select('scan', {
      clientId: caller.clientId,
      attributes: { relay_state: request.relayState, flow },
      ...(scenarioHeader === undefined ? {} : { header: scenarioHeader }),
    });
    const scan: Scan = {
      id,
      owner: caller.clientId,
      apiKey: caller.apiKey,
      flow,
      createdAt: this.clock.now(),
      locale: request.locale.toLowerCase(),
      ...(request.relayState === undefined ? {} : { relayState: request.relayState }),
      requested: 'requested' in request ? request.requested : livenessRequested(request),
      ...(request.target === undefined ? {} : { target: request.target }),
      ...(request.targetError === undefined ? {} : { targetError: request.targetError }),
      ...(request.webhook === undefined ? {} : { webhook: request.webhook }),
      ...('options' in request
        ? {
            ...(request.cancelUrl === undefined ? {} : { cancelUrl: request.cancelUrl }),
            liveness: { options: request.options, action: resolveAction(id, request), css: request.css, ignoreErrorsInFields: request.ignoreErrorsInFields },
          }
        : {}),
      ...(scenario === undefined ? {} : { scenario: scenario.ref }),
      uploads: {},
    };
    await this.scans.set(id, scan);
    if (scenario) await this.scenarios.bindCreated('scan', id, caller.clientId, scenario, 'scan-created', note, () => this.scans.delete(id));
    return scan;
  }

  /** The caller's own scan, timed out if its time has run out; the same 404 whether missing or someone else's. */
  async owned(owner: string, id: string): Promise<Scan> {
    const scan = await this.scans.get(id);
    if (!scan || scan.owner !== owner) throw sessionNotFound();
    return this.expireIfDue(scan);
  }

  /** The control plane's delete of one scan, whoever's, with its scenario; answers whether it was there. */
  async delete(id: string): Promise<boolean> {
    if (!(await this.scans.delete(id))) return false;
    await this.scenarios.engine.unbind('scan', id);
    return true;
  }

  /** Any scan by id, for the hosted pages (whose one-time link already named it). */
  async find(id: string): Promise<Scan | undefined> {
    const scan = await this.scans.get(id);
    return scan && this.expireIfDue(scan);
  }

  async read(scan: Scan, note?: RequestNote): Promise<ScanningResult> {
    await this.scenarios.touch('scan', scan.id, 'scan-read', note);
    return this.resultOf(scan);
  }

  resultOf(scan: Scan): ScanningResult {
    return buildScanningResult({
      id: scan.id,
      relayState: scan.relayState ?? scan.id,
      status: scan.end ? this.config.statusFor[scan.end.outcome] : 'Pending',
      ...(scan.end ? { outcome: scan.end.outcome, variant: scan.end.variant, finishedAt: new Date(scan.end.at).toISOString() } : {}),
      requested: scan.requested,
      ...(scan.liveness ? { action: scan.liveness.action } : {}),
      locale: scan.locale,
      twoSided: scan.liveness ? scan.liveness.options === 'FrontAndBack' : scan.uploads.back !== undefined,
    });
  }

  /** What the person chose on a page (device, document type, the mock panel's outcome). */
  async setProgress(scan: Scan, progress: NonNullable<Scan['progress']>): Promise<Scan> {
    const updated: Scan = { ...scan, progress: { ...scan.progress, ...progress } };
    await this.scans.set(scan.id, updated);
    return updated;
  }

  async recordUpload(scan: Scan, kind: UploadKind, meta: { bytes: number; type: string }): Promise<Scan> {
    const updated: Scan = { ...scan, uploads: { ...scan.uploads, [kind]: { ...meta, at: this.clock.now() } } };
    await this.scans.set(scan.id, updated);
    return updated;
  }

  /**
   * The person finished the flow (or the API flow asked for the analysis): the bound scenario decides
   * how it ends, unless the mock-only panel chose. Ending twice changes nothing.
   */
  async submit(scan: Scan, choice?: OutcomeChoice, note?: RequestNote): Promise<Scan> {
    if (scan.end) return scan;
    const instance = await this.scenarios.touch('scan', scan.id, 'scan-submitted', note);
    const decision = this.scenarios.decide(instance);
    const outcome = choice?.outcome ?? (isScanOutcome(decision.outcome) ? decision.outcome : 'accepted');
    return this.end(scan, outcome, choice ? (choice.variant ?? 'default') : decision.variant, choice ? 'outcome-panel' : decision.scenario);
  }

  /** The API flow: the documents are in, analyse them (decided at once, as the web flow's submit is). */
  async startAnalyses(scan: Scan, types: Array<'document' | 'selfie' | 'liveness'>, note?: RequestNote): Promise<Scan> {
    const requested = { document: types.includes('document'), selfie: types.includes('selfie'), liveness: types.includes('liveness') };
    const started: Scan = { ...scan, requested, analyses: types.map((type) => ({ id: this.ids.uuid(), type })) };
    await this.scans.set(scan.id, started);
    return this.submit(started, undefined, note);
  }

  async addDocument(scan: Scan, document: NonNullable<Scan['documents']>[number], upload: UploadKind): Promise<Scan> {
    const documents = [...(scan.documents ?? []), document].slice(-MAX_DOCUMENTS);
    const updated: Scan = { ...scan, documents, uploads: { ...scan.uploads, [upload]: { bytes: document.bytes, type: document.type, at: this.clock.now() } } };
    await this.scans.set(scan.id, updated);
    return updated;
  }

  /** The person cancelled. */
  cancel(scan: Scan): Promise<Scan> {
    return scan.end ? Promise.resolve(scan) : this.end(scan, 'cancelled', 'default', scan.scenario ?? 'cancelled');
  }

  async list(owner: string | undefined, limit: number): Promise<Scan[]> {
    const found = await this.scans.find((s) => owner === undefined || s.owner === owner, limit);
    return found.sort((a, b) => b.createdAt - a.createdAt);
  }

  /**
   * Ends every scan whose time ran out (a few hundred at a time): run when the virtual clock jumps, so a
   * test that advances it past the flow's timeout sees the Timeout webhook without reading the scan first.
   */
  async expireDue(limit = 500): Promise<number> {
    const deadline = this.clock.now() - this.config.flowTimeoutSeconds * 1000;
    const due = await this.scans.find((s) => s.end === undefined && s.createdAt <= deadline, limit);
    for (const scan of due) await this.expireIfDue(scan);
    return due.length;
  }

  private async expireIfDue(scan: Scan): Promise<Scan> {
    if (scan.end || this.clock.now() < scan.createdAt + this.config.flowTimeoutSeconds * 1000) return scan;
    return this.end(scan, 'timeout', 'default', scan.scenario ?? 'timeout', scan.createdAt + this.config.flowTimeoutSeconds * 1000);
  }

  private async end(scan: Scan, outcome: ScanOutcome, variant: string, scenario: string, at = this.clock.now()): Promise<Scan> {
    const known: readonly string[] = SCAN_VARIANTS[outcome];
    const end: ScanEnd = { outcome, variant: known.includes(variant) ? variant : known[0]!, scenario, at };
    const ended: Scan = { ...scan, end };
    // Only the write that ends it notifies: a scan read twice at its timeout sends one webhook.
    const current = await this.scans.get(scan.id);
    if (current?.end) return current;
    await this.scans.set(scan.id, ended);
    this.onEnded(ended, this.resultOf(ended));
    return ended;
  }
}

function livenessRequested(request: LivenessRequest) {
  const document = request.options !== 'NoDocument';
  return { document, selfie: false, liveness: true };
}

/** `Random` picks from `available_actions` (all actions when none), the same way for the same session. */
function resolveAction(id: string, request: LivenessRequest) {
  if (request.action !== 'Random') return request.action;
  const pool = request.availableActions.length > 0 ? request.availableActions : LIVENESS_ACTIONS.filter((a) => a !== 'Random');
  return createRng(hash32(`${id}:action`)).pick(pool);
}
