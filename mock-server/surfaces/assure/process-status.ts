import type { MockConfig } from '../../config.js';
import type { AssureProcess, ProcessStatus } from './assure.entities.js';

type Timing = Pick<MockConfig['assure'], 'processingSeconds' | 'eidCaptureSeconds'>;

/**
 * When verification of a process began: its own mark, or for an eid process made through the API the
 * end of the person's time in EID's SDK (the mock plays the SDK; nothing is uploaded through Assure).
 */
export function startedAt(p: AssureProcess, timing: Timing): number | undefined {
  if (p.startedAt !== undefined) return p.startedAt;
  if (p.provider === 'eid' && p.via === 'api') return p.createdAt + timing.eidCaptureSeconds * 1000;
  return undefined;
}

/** The status a process reads at `now`, before anything is decided: pending until it starts, then processing. */
export function statusAt(p: AssureProcess, now: number, timing: Timing): ProcessStatus {
  if (p.end) return p.end.status;
  const started = startedAt(p, timing);
  return started !== undefined && started <= now ? 'processing' : 'pending';
}

/** When a process that is processing is due for its verdict (the scenario's, or the operator's). */
export function verdictDueAt(p: AssureProcess, timing: Timing): number | undefined {
  const started = startedAt(p, timing);
  return started === undefined ? undefined : started + timing.processingSeconds * 1000;
}
