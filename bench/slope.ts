// The soak's verdict: memory growth as a least-squares slope over the samples taken after the warm-up.

/** One sample: minutes since the soak began, and a size in MiB. */
export interface Sample {
  minute: number;
  mib: number;
}

/** The least-squares slope of mib over minute (MiB per minute); undefined with fewer than two distinct minutes. */
export function leastSquaresSlope(samples: readonly Sample[]): number | undefined {
  const n = samples.length;
  if (n < 2) return undefined;
  const meanX = samples.reduce((s, p) => s + p.minute, 0) / n;
  const meanY = samples.reduce((s, p) => s + p.mib, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const { minute, mib } of samples) {
    covariance += (minute - meanX) * (mib - meanY);
    variance += (minute - meanX) ** 2;
  }
  return variance === 0 ? undefined : covariance / variance;
}

export interface Verdict {
  /** MiB per minute over the samples after the warm-up; undefined when fewer than two remain. */
  slope: number | undefined;
  /** The samples the slope is taken over. */
  used: Sample[];
  slopeMet: boolean;
  errorsMet: boolean;
  met: boolean;
}

/**
 * RSS flat (slope under `maxSlope` MiB/min over the samples taken after `warmupMinutes`) and no errors.
 * Too few samples after the warm-up to draw a line through is a miss: flatness was not shown.
 */
export function soakVerdict(samples: readonly Sample[], warmupMinutes: number, maxSlope: number, errors: number): Verdict {
  const used = samples.filter((s) => s.minute > warmupMinutes);
  const slope = leastSquaresSlope(used);
  const slopeMet = slope !== undefined && slope < maxSlope;
  const errorsMet = errors === 0;
  return { slope, used, slopeMet, errorsMet, met: slopeMet && errorsMet };
}
