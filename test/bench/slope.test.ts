import { describe, expect, it } from 'vitest';
import { leastSquaresSlope, soakVerdict } from '../../bench/slope.js';

const line = (slope: number, intercept: number, minutes: number[]) => minutes.map((minute) => ({ minute, mib: intercept + slope * minute }));

describe('the soak slope', () => {
  it('when the samples lie on a line, then the slope is that line’s, in MiB per minute', () => {
    expect(leastSquaresSlope(line(0.5, 120, [1, 2, 3, 4, 5]))).toBeCloseTo(0.5, 10);
    expect(leastSquaresSlope(line(-2, 300, [0.25, 0.5, 0.75]))).toBeCloseTo(-2, 10);
  });

  it('when the samples scatter around a line, then the least-squares slope is the one that fits them best', () => {
    // y = 1, 3, 2, 5 at x = 0..3: slope = Σ(x-1.5)(y-2.75) / Σ(x-1.5)² = 5.5 / 5.
    expect(leastSquaresSlope([0, 1, 2, 3].map((minute, i) => ({ minute, mib: [1, 3, 2, 5][i]! })))).toBeCloseTo(1.1, 10);
  });

  it('when there are fewer than two samples, or all at one minute, then there is no slope', () => {
    expect(leastSquaresSlope([])).toBeUndefined();
    expect(leastSquaresSlope([{ minute: 1, mib: 100 }])).toBeUndefined();
    expect(
      leastSquaresSlope([
        { minute: 1, mib: 100 },
        { minute: 1, mib: 140 },
      ]),
    ).toBeUndefined();
  });

  it('when memory grows in the warm-up and is flat after it, then only the samples after the warm-up count and the verdict passes', () => {
    const samples = [...line(40, 100, [1, 2, 3]), ...line(0, 220, [4, 5, 6, 7])];
    const verdict = soakVerdict(samples, 3, 1, 0);
    expect(verdict.used.map((s) => s.minute)).toEqual([4, 5, 6, 7]);
    expect(verdict.slope).toBeCloseTo(0, 10);
    expect(verdict).toMatchObject({ slopeMet: true, errorsMet: true, met: true });
  });

  it('when RSS climbs at the target or faster, or any request failed, then the verdict fails and says which', () => {
    expect(soakVerdict(line(1, 200, [6, 7, 8, 9]), 5, 1, 0)).toMatchObject({ slopeMet: false, errorsMet: true, met: false });
    expect(soakVerdict(line(0.2, 200, [6, 7, 8, 9]), 5, 1, 3)).toMatchObject({ slopeMet: true, errorsMet: false, met: false });
  });

  it('when fewer than two samples remain after the warm-up, then flatness is not shown and the slope target is missed', () => {
    const verdict = soakVerdict(line(0, 200, [1, 2, 3]), 2.5, 1, 0);
    expect(verdict).toMatchObject({ slope: undefined, slopeMet: false, met: false });
  });
});
