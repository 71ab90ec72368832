import type { components } from './gateway.types.js';

/** A body the gateway definition (openapi/gateway.yaml) names; handlers build their answers as these. */
export type GatewaySchema<K extends keyof components['schemas']> = components['schemas'][K];
