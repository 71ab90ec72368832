import type { RequestNote } from '../core/request-note.js';
import type { CompiledScenario } from './compile.js';
import type { EffectContext, ScenarioEngine, ScenarioInstance } from './engine.js';
import { applyFaults, type FaultTools } from './faults.js';
import type { SelectionInput } from './selection.js';
import type { EventName, ResourceKind } from './vocabulary.js';

/** What a scenario decided for a resource: the outcome and variant a surface renders, and under which scenario. */
export interface Decision {
  scenario: string;
  outcome: string;
  variant: string;
}

/** No scenario: the happy path. */
export const PLAIN: Decision = { scenario: 'accepted', outcome: 'accepted', variant: 'default' };

/** Why a token's own scenario refuses a gateway call. */
export type TokenRefusal = { kind: 'expired' } | { kind: 'rotated-key'; status: 401 | 403 };

/**
 * Tokens seen without a scenario: a token's scenario is bound when it is issued, before the token is
 * answered, so one that had none at its first call never gets one. Remembering that spares every later
 * call the store lookup (a Redis round trip with a shared store). Bounded, oldest first out.
 */
const TOKENS_WITHOUT_SCENARIO = 10_000;

const decisionOf = (scenario: string, view: CompiledScenario['states'][string]['view']): Decision => ({
  scenario,
  outcome: view.outcome ?? PLAIN.outcome,
  variant: view.variant ?? PLAIN.variant,
});

/**
 * What services use: bind a new resource's scenario, and on each event move its state and apply the
 * latency or fault the state asks for. Resources without a scenario cost one lookup.
 */
export class ScenarioRuntime {
  private readonly plainTokens = new Set<string>();

  constructor(
    readonly engine: ScenarioEngine,
    private readonly tools: FaultTools,
  ) {}

  /**
   * Binds a scenario to a resource just created and fires its creation event. Faults are not applied to
   * the creating call: the resource exists, so failing the call would lose it for the client.
   * `undoCreate` removes the resource again when the binding is refused.
   */
  async bindCreated(
    kind: ResourceKind,
    resourceId: string,
    clientId: string,
    scenario: CompiledScenario,
    event: EventName,
    note?: RequestNote,
    undoCreate?: () => Promise<unknown>,
  ): Promise<ScenarioInstance> {
    let bound: Awaited<ReturnType<ScenarioEngine['bind']>>;
    try {
      bound = await this.engine.bind(kind, resourceId, clientId, scenario, event);
    } catch (e) {
      // A refused binding (the client's quota) must not leave a resource the client was told failed.
      await undoCreate?.();
      throw e;
    }
    const { instance, counted } = bound;
    const transition = counted ? { before: instance.state, after: instance.state } : await this.engine.fire(instance, event);
    if (note) this.describe(note, instance, transition.before, transition.after);
    return instance;
  }

  /** Selects without binding (when the resource id is only known later). */
  select(
    kind: ResourceKind,
    input: SelectionInput & { header?: string; inherited?: CompiledScenario; fallback?: boolean },
  ): Promise<CompiledScenario | undefined> {
    return this.engine.select(kind, input);
  }

  /** The decision of a bound scenario in its current state; the plain one without a scenario. */
  decide(instance: ScenarioInstance | undefined): Decision {
    return instance ? decisionOf(instance.scenario.ref, this.engine.view(instance)) : PLAIN;
  }

  /** For calls that create nothing (direct processing, match, detect): decided as a new resource's would be. */
  async decideNew(kind: ResourceKind, input: SelectionInput & { header?: string }): Promise<Decision> {
    const scenario = await this.engine.select(kind, input);
    return scenario ? decisionOf(scenario.ref, scenario.states[scenario.initial]!.view) : PLAIN;
  }

  /**
   * The gateway's check of a token's own scenario on each call: an expired token or a rotated product key
   * refuses it; otherwise the call counts (and may meet the state's latency or fault).
   */
  async tokenCall(jti: string, productKey: string, note?: RequestNote): Promise<TokenRefusal | undefined> {
    if (this.plainTokens.has(jti)) return undefined;
    const instance = await this.engine.instance('token', jti);
    if (!instance) {
      if (this.plainTokens.size >= TOKENS_WITHOUT_SCENARIO) this.plainTokens.delete(this.plainTokens.values().next().value!);
      this.plainTokens.add(jti);
      return undefined;
    }
    if (instance.data.tokenExpired) return { kind: 'expired' };
    if (instance.data.revokedProductKeys.includes(productKey)) return { kind: 'rotated-key', status: this.engine.view(instance).productKeyStatus ?? 401 };
    await this.fireAndApply(instance, 'api-called', note, { productKey });
    return undefined;
  }

  /**
   * The first of the given resources that has a scenario bound. All are looked up at once: on a shared store
   * the reads go out in one batch (a transaction bound to a session usually has none of its own, so both are read).
   */
  async firstBound(candidates: Array<[ResourceKind, string | undefined]>): Promise<ScenarioInstance | undefined> {
    const found = await Promise.all(candidates.map(([kind, id]) => (id === undefined ? Promise.resolve(undefined) : this.engine.instance(kind, id))));
    return found.find((instance) => instance !== undefined);
  }

  async touch(
    kind: ResourceKind,
    resourceId: string,
    event: EventName,
    note?: RequestNote,
    context: EffectContext = {},
  ): Promise<ScenarioInstance | undefined> {
    const instance = await this.engine.instance(kind, resourceId);
    if (!instance) return undefined;
    await this.fireAndApply(instance, event, note, context);
    return instance;
  }

  async fireAndApply(instance: ScenarioInstance, event: EventName, note?: RequestNote, context: EffectContext = {}): Promise<void> {
    const transition = await this.engine.fire(instance, event, context);
    if (note) this.describe(note, instance, transition.before, transition.after);
    await applyFaults(this.engine.view(instance), this.tools);
  }

  private describe(note: RequestNote, instance: ScenarioInstance, before: string, after: string): void {
    note.resource = `${instance.kind}:${instance.resourceId}`;
    note.scenario = instance.scenario.ref;
    note.stateBefore = before;
    note.stateAfter = after;
  }
}
