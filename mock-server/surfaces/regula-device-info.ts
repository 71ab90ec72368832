import type { Clock } from '../core/clock.js';

/** Regula's `server-time`: `2025-06-02 10:11:12.345678+00:00` (microseconds, UTC offset). */
export function regulaServerTime(epochMs: number): string {
  const iso = new Date(epochMs).toISOString(); // 2025-06-02T10:11:12.345Z
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000+00:00`;
}

/** A ping body whose fields are fixed but for the server time: serialized once, the time appended per call. */
export function deviceInfoRenderer(fixed: Record<string, unknown>, clock: Clock): () => string {
  const head = JSON.stringify(fixed).slice(0, -1);
  return () => `${head},"server-time":"${regulaServerTime(clock.now())}"}`;
}
