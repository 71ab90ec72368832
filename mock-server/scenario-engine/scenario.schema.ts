import { z } from 'zod';
import { EFFECTS, EVENTS, FAULT_TYPES, RESOURCE_KINDS } from './vocabulary.js';

/** A `$name` reference to one of the scenario's params, resolved when the scenario is bound. */
const paramRef = z.string().regex(/^\$[A-Za-z][A-Za-z0-9]*$/, 'must be a value or a $param reference');
const num = (s: z.ZodNumber) => z.union([s, paramRef]);

const latencySchema = z.strictObject({
  distribution: z.union([z.enum(['fixed', 'uniform', 'normal']), paramRef]),
  ms: num(z.number().min(0)).optional(),
  minMs: num(z.number().min(0)).optional(),
  maxMs: num(z.number().min(0)).optional(),
  meanMs: num(z.number().min(0)).optional(),
  stdDevMs: num(z.number().min(0)).optional(),
});

const faultSchema = z.strictObject({
  type: z.enum(FAULT_TYPES),
  /** flaky: the share of calls that fail (0..1). */
  share: num(z.number().min(0).max(1)).optional(),
  statuses: z
    .array(z.union([z.literal(502), z.literal(503)]))
    .min(1)
    .optional(),
  retryAfterSeconds: num(z.number().int().min(0)).optional(),
});

const viewSchema = z.strictObject({
  /** One of the outcomes the surfaces register; checked against them when the scenarios load. */
  outcome: z.string().min(1).optional(),
  variant: z.string().min(1).optional(),
  tokenLifetimeSeconds: num(z.number().int().positive()).optional(),
  productKeyStatus: z.union([z.literal(401), z.literal(403), paramRef]).optional(),
  latency: latencySchema.optional(),
  fault: faultSchema.optional(),
});

const stateSchema = z.strictObject({
  summary: z.string().optional(),
  view: viewSchema.optional(),
  on: z.partialRecord(z.enum(EVENTS), z.string().min(1)).optional(),
  after: z.strictObject({ event: z.enum(EVENTS), count: num(z.number().int().positive()), to: z.string().min(1) }).optional(),
  enter: z.array(z.enum(EFFECTS)).optional(),
  terminal: z.boolean().optional(),
});

const paramSchema = z.union([
  z.union([z.number(), z.string(), z.boolean()]),
  z.strictObject({
    default: z.union([z.number(), z.string(), z.boolean()]),
    enum: z
      .array(z.union([z.number(), z.string()]))
      .min(1)
      .optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    summary: z.string().optional(),
  }),
]);

export const scenarioFileSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be kebab-case, e.g. key-rotation'),
  summary: z.string().min(1),
  binds: z.array(z.enum(RESOURCE_KINDS)).min(1),
  params: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), paramSchema).optional(),
  initial: z.string().min(1),
  states: z.record(z.string().regex(/^[a-z][a-z0-9-]*$/, 'state names are kebab-case'), stateSchema),
});

export type ScenarioFile = z.output<typeof scenarioFileSchema>;
export type StateFile = z.output<typeof stateSchema>;
export type ParamFile = z.output<typeof paramSchema>;

const matcher = z.union([z.string(), z.array(z.string())]);

export const selectionFileSchema = z.strictObject({
  rules: z
    .array(
      z.strictObject({
        when: z
          .strictObject({ kind: z.enum(RESOURCE_KINDS).optional(), clientId: matcher.optional(), attributes: z.record(z.string(), matcher).optional() })
          .refine((w) => Object.keys(w).length > 0, 'a rule needs at least one condition'),
        use: z.string().min(1),
      }),
    )
    .default([]),
  defaults: z.partialRecord(z.enum(RESOURCE_KINDS), z.string().min(1)).default({}),
});

export type SelectionFile = z.output<typeof selectionFileSchema>;
