import { ConnectionReset } from '../core/connection-reset.js';
import { gatewayError } from '../core/errors.js';
import type { HttpError } from '../core/http-error.js';
import type { Latency, View } from './compile.js';

export interface FaultTools {
  delay(ms: number): Promise<void>;
  /** Uniform in [0, 1). */
  random(): number;
}

export function sampleLatency(latency: Latency, random: () => number): number {
  const min = latency.minMs ?? 0;
  const max = latency.maxMs ?? Number.POSITIVE_INFINITY;
  switch (latency.distribution) {
    case 'fixed':
      return latency.ms ?? latency.meanMs ?? min;
    case 'uniform':
      return min + random() * ((Number.isFinite(max) ? max : min) - min);
    case 'normal': {
      const u = 1 - random();
      const gaussian = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
      return Math.min(max, Math.max(min, (latency.meanMs ?? 0) + gaussian * (latency.stdDevMs ?? 0)));
    }
  }
}

/** Faults are the gateway's answers (it fails before any API behind it). */
const gatewayFault = (status: number, message: string, retryAfter: number): HttpError =>
  gatewayError(status, 'mock_fault', message, { headers: { 'Retry-After': String(retryAfter) } });

/** Applies the latency and fault a state's view asks for; throws when the call must fail. */
export async function applyFaults(view: View, tools: FaultTools): Promise<void> {
  if (view.latency) await tools.delay(sampleLatency(view.latency, () => tools.random()));
  const fault = view.fault;
  if (!fault) return;
  const retryAfter = fault.retryAfterSeconds ?? 1;
  switch (fault.type) {
    case 'flaky': {
      if (tools.random() >= (fault.share ?? 0.3)) return;
      const statuses = fault.statuses ?? [502, 503];
      const status = statuses[Math.floor(tools.random() * statuses.length)] ?? 503;
      throw gatewayFault(status, status === 502 ? 'Bad Gateway' : 'Service Unavailable', retryAfter);
    }
    case 'unavailable':
      throw gatewayFault(503, 'Service Unavailable', retryAfter);
    case 'rate-limited':
      throw gatewayFault(429, `Rate limit is exceeded. Try again in ${retryAfter} seconds.`, retryAfter);
    case 'connection-reset':
      throw new ConnectionReset('scenario connection-reset');
  }
}
