/** The webhook retry schedule: doubling waits with jitter, capped; pure, so config can check it fits its window. */
export interface RetrySchedule {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** The wait before the second attempt; each next one doubles, up to `maxDelaySeconds`. */
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  /** Each wait is drawn within ±jitter of its nominal value (0.15: ±15 %), so receivers coming back are not hit in step. */
  jitter: number;
}

/** The nominal wait after attempt `attempt` (1-based) failed. */
export const nominalDelaySeconds = (s: RetrySchedule, attempt: number): number => Math.min(s.maxDelaySeconds, s.baseDelaySeconds * 2 ** (attempt - 1));

/** The wait after attempt `attempt` failed, with jitter; `random` is uniform in [0, 1). */
export const delayMs = (s: RetrySchedule, attempt: number, random: () => number): number =>
  Math.round(nominalDelaySeconds(s, attempt) * (1 + s.jitter * (2 * random() - 1)) * 1000);

/** The latest the last attempt can come after the first: every wait at its longest. */
export function worstCaseSpanSeconds(s: RetrySchedule): number {
  let total = 0;
  for (let attempt = 1; attempt < s.maxAttempts; attempt++) total += nominalDelaySeconds(s, attempt) * (1 + s.jitter);
  return total;
}
