import type { Clock } from '../core/clock.js';
import { HttpError } from '../core/http-error.js';
import type { KeyValueStore } from '../store/store.js';
import { compileScenario, type CompiledScenario, type View } from './compile.js';
import type { ScenarioCatalog } from './load-scenarios.js';
import type { ScenarioQueue } from './one-shot-queue.js';
import { resolveParams } from './params.js';
import { formatScenarioRef, parseScenarioRef, type ScenarioRef } from './scenario-ref.js';
import { SelectionRules, type SelectionInput } from './selection.js';
import type { EffectName, EventName, ResourceKind } from './vocabulary.js';

/** A scenario running for one resource. */
export interface ScenarioInstance {
  kind: ResourceKind;
  resourceId: string;
  clientId: string;
  scenario: CompiledScenario;
  state: string;
  counts: Partial<Record<EventName, number>>;
  data: InstanceData;
  boundAt: number;
}

/** What effects leave on an instance. */
export interface InstanceData {
  revokedProductKeys: string[];
  lastProductKey?: string;
  tokenExpired?: boolean;
}

export interface Transition {
  before: string;
  after: string;
}

/** Runs named effects; implemented outside the engine because they reach the key ring and registry. */
export type EffectRunner = (effect: EffectName, instance: ScenarioInstance, context: EffectContext) => Promise<void>;

export interface EffectContext {
  productKey?: string;
}

export const instanceKey = (kind: ResourceKind, id: string): string => `${kind}:${id}`;

/**
 * Selects scenarios for new resources (header > queued one-shot > rule > inherited > default), binds
 * them, and moves their state on domain events. Knows nothing of HTTP beyond the 400 for a bad header.
 */
export class ScenarioEngine {
  private readonly rules: SelectionRules;
  private readonly compiled = new Map<string, CompiledScenario>();

  constructor(
    readonly catalog: ScenarioCatalog,
    private readonly instances: KeyValueStore<ScenarioInstance>,
    readonly queue: ScenarioQueue,
    private readonly clock: Clock,
    private readonly runEffect: EffectRunner,
  ) {
    this.rules = new SelectionRules(catalog.selection);
  }

  /**
   * The scenario a new resource gets, or undefined for plain behaviour. With `fallback: false` only an
   * explicit choice counts (header, queue, rule): the resource then follows what it is bound to later.
   */
  async select(
    kind: ResourceKind,
    input: SelectionInput & { header?: string; inherited?: CompiledScenario; fallback?: boolean },
  ): Promise<CompiledScenario | undefined> {
    if (input.header !== undefined && input.header.trim() !== '') return this.compileRef(this.parseHeader(input.header), kind, 'X-Mock-Scenario');
    const queued = await this.queue.take(input.clientId, kind);
    if (queued) return this.compileRef(queued, kind, 'queued scenario');
    const ruled = this.rules.match(kind, input, (ref) => this.catalog.scenarios.get(ref.name)?.binds ?? []);
    if (ruled) return this.compileRef(ruled, kind, 'selection rule');
    if (input.fallback === false) return undefined;
    if (input.inherited?.binds.includes(kind)) return input.inherited;
    const fallback = this.rules.defaultFor(kind);
    return fallback && this.compileRef(fallback, kind, 'default');
  }

  /** Validates a reference for the admin queue; throws the same 400 a header would get. */
  validate(text: string, kind: ResourceKind): ScenarioRef {
    const ref = this.parseHeader(text);
    this.compileRef(ref, kind, 'scenario');
    return ref;
  }

  /**
   * Binds a scenario to a resource. With `created`, the creating event is counted in the same write when it
   * moves no state (the common case: one store write, not two); `counted` says whether it was, and when it
   * was not, the caller fires it (its effects then run on a binding already stored).
   */
  async bind(
    kind: ResourceKind,
    resourceId: string,
    clientId: string,
    scenario: CompiledScenario,
    created?: EventName,
  ): Promise<{ instance: ScenarioInstance; counted: boolean }> {
    const instance: ScenarioInstance = {
      kind,
      resourceId,
      clientId,
      scenario,
      state: scenario.initial,
      counts: {},
      data: { revokedProductKeys: [] },
      boundAt: this.clock.now(),
    };
    const counted = created !== undefined && this.targetOf(instance, created, 1) === undefined;
    if (counted) instance.counts[created] = 1;
    await this.instances.set(instanceKey(kind, resourceId), instance);
    return { instance, counted };
  }

  instance(kind: ResourceKind, resourceId: string): Promise<ScenarioInstance | undefined> {
    return this.instances.get(instanceKey(kind, resourceId));
  }

  view(instance: ScenarioInstance): View {
    return instance.scenario.states[instance.state]!.view;
  }

  /** Counts the event, follows `on` or a reached `after` count, and runs the entered state's effects. */
  async fire(instance: ScenarioInstance, event: EventName, context: EffectContext = {}): Promise<Transition> {
    const before = instance.state;
    const count = (instance.counts[event] ?? 0) + 1;
    // In place: every gateway call fires an event, and the store holds this same object until it is saved.
    instance.counts[event] = count;
    if (context.productKey) instance.data.lastProductKey = context.productKey;
    const target = this.targetOf(instance, event, count);
    if (target !== undefined) await this.enter(instance, target, context);
    else await this.instances.set(instanceKey(instance.kind, instance.resourceId), instance);
    return { before, after: instance.state };
  }

  /** The state `event` moves the instance to, as its `count`-th in the current state; undefined when it stays. */
  private targetOf(instance: ScenarioInstance, event: EventName, count: number): string | undefined {
    const state = instance.scenario.states[instance.state]!;
    return state.on[event] ?? (state.after?.event === event && count >= state.after.count ? state.after.to : undefined);
  }

  /** Admin set-state: only states the scenario declares. */
  async setState(instance: ScenarioInstance, state: string): Promise<Transition> {
    if (!(state in instance.scenario.states)) {
      throw new HttpError(
        422,
        'mock_unknown_state',
        `scenario ${instance.scenario.name} has no state "${state}" (states: ${Object.keys(instance.scenario.states).join(', ')})`,
      );
    }
    const before = instance.state;
    await this.enter(instance, state, {});
    return { before, after: instance.state };
  }

  bindings(filter: { clientId?: string; scenario?: string } = {}, limit = 1000): Promise<ScenarioInstance[]> {
    return this.instances.find(
      (i) => (filter.clientId === undefined || i.clientId === filter.clientId) && (filter.scenario === undefined || i.scenario.name === filter.scenario),
      limit,
    );
  }

  /** Drops one resource's binding (the resource was deleted). */
  async unbind(kind: ResourceKind, resourceId: string): Promise<void> {
    await this.instances.delete(instanceKey(kind, resourceId));
  }

  async forget(predicate: (i: ScenarioInstance) => boolean): Promise<void> {
    await this.instances.deleteWhere(predicate);
  }

  private async enter(instance: ScenarioInstance, target: string, context: EffectContext): Promise<void> {
    instance.state = target;
    instance.counts = {};
    for (const effect of instance.scenario.states[target]!.enter) await this.runEffect(effect, instance, context);
    await this.instances.set(instanceKey(instance.kind, instance.resourceId), instance);
  }

  private parseHeader(text: string): ScenarioRef {
    const ref = parseScenarioRef(text);
    if (!ref) throw this.invalid(`"${text.slice(0, 100)}" is not a scenario name (name or name;param=value)`);
    return ref;
  }

  private compileRef(ref: ScenarioRef, kind: ResourceKind, source: string): CompiledScenario {
    const key = `${kind}|${formatScenarioRef(ref)}`;
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const def = this.catalog.scenarios.get(ref.name);
    if (!def) throw this.invalid(`${source}: unknown scenario "${ref.name}"`, kind);
    if (!def.binds.includes(kind)) {
      throw this.invalid(
        `${source}: scenario "${ref.name}" binds to ${def.binds.length > 1 ? `${def.binds.slice(0, -1).join(', ')} or ${def.binds.at(-1)!}` : def.binds[0]!}, not to a ${kind}`,
        kind,
      );
    }
    const params = resolveParams(def.params, ref.params);
    if (!params.ok) throw this.invalid(`${source}: scenario "${ref.name}": ${params.error}`, kind);
    const compiled = compileScenario(def, params.values, ref.params, this.catalog.outcomes);
    if (this.compiled.size < 1000) this.compiled.set(key, compiled);
    return compiled;
  }

  private invalid(message: string, kind?: ResourceKind): HttpError {
    const known = [...this.catalog.scenarios.values()].filter((d) => kind === undefined || d.binds.includes(kind)).map((d) => d.name);
    return new HttpError(400, 'mock_invalid_scenario', `${message}. Known scenarios${kind ? ` for a ${kind}` : ''}: ${known.join(', ')}`, {
      details: { knownScenarios: known },
    });
  }
}
