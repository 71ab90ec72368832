import type { ScenarioDefinition } from './load-scenarios.js';
import type { ParamValue } from './params.js';
import { formatScenarioRef } from './scenario-ref.js';
import type { EffectName, EventName, FaultType, OutcomeVocabulary, ResourceKind } from './vocabulary.js';

export interface Latency {
  distribution: 'fixed' | 'uniform' | 'normal';
  ms?: number;
  minMs?: number;
  maxMs?: number;
  meanMs?: number;
  stdDevMs?: number;
}

export interface Fault {
  type: FaultType;
  share?: number;
  statuses?: Array<502 | 503>;
  retryAfterSeconds?: number;
}

/** What a state makes the surfaces do, with every param resolved. */
export interface View {
  outcome?: string;
  variant?: string;
  tokenLifetimeSeconds?: number;
  productKeyStatus?: 401 | 403;
  latency?: Latency;
  fault?: Fault;
}

export interface CompiledState {
  name: string;
  view: View;
  on: Partial<Record<EventName, string>>;
  after?: { event: EventName; count: number; to: string };
  enter: EffectName[];
}

/** A scenario with its params filled in: what an instance runs. */
export interface CompiledScenario {
  name: string;
  /** The name with its params, as selected (`rejected;variant=expired`). */
  ref: string;
  params: Record<string, ParamValue>;
  binds: readonly ResourceKind[];
  initial: string;
  states: Readonly<Record<string, CompiledState>>;
}

function substitute<T>(value: T, params: Record<string, ParamValue>): T {
  if (typeof value === 'string' && value.startsWith('$')) return params[value.slice(1)] as T;
  if (Array.isArray(value)) return value.map((v: unknown) => substitute(v, params)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, params)])) as T;
  }
  return value;
}

export function compileScenario(
  def: ScenarioDefinition,
  params: Record<string, ParamValue>,
  given: Record<string, string>,
  outcomes: OutcomeVocabulary,
): CompiledScenario {
  const states: Record<string, CompiledState> = {};
  for (const [name, state] of Object.entries(def.states)) {
    const view = substitute(state.view ?? {}, params) as View;
    if (view.outcome && view.variant === undefined) view.variant = outcomes[view.outcome]?.[0] ?? 'default';
    states[name] = {
      name,
      view,
      on: state.on ?? {},
      ...(state.after ? { after: substitute(state.after, params) as NonNullable<CompiledState['after']> } : {}),
      enter: state.enter ?? [],
    };
  }
  return { name: def.name, ref: formatScenarioRef({ name: def.name, params: given }), params, binds: def.binds, initial: def.initial, states };
}
