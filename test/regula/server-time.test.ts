import { describe, expect, it } from 'vitest';
import { regulaServerTime } from '../../fixtures/regula/device-info.js';

describe("Regula's server-time", () => {
  it('when times fall within one second and across seconds, days and years, then each is the UTC time with microseconds', () => {
    expect(regulaServerTime(Date.UTC(2025, 5, 2, 10, 11, 12, 345))).toBe('2025-06-02 10:11:12.345000+00:00');
    expect(regulaServerTime(Date.UTC(2025, 5, 2, 10, 11, 12, 5))).toBe('2025-06-02 10:11:12.005000+00:00');
    expect(regulaServerTime(Date.UTC(2025, 5, 2, 10, 11, 12, 50))).toBe('2025-06-02 10:11:12.050000+00:00');
    expect(regulaServerTime(Date.UTC(2025, 11, 31, 23, 59, 59, 999))).toBe('2025-12-31 23:59:59.999000+00:00');
    expect(regulaServerTime(Date.UTC(2026, 0, 1, 0, 0, 0, 0))).toBe('2026-01-01 00:00:00.000000+00:00');
    expect(regulaServerTime(Date.UTC(2025, 5, 2, 10, 11, 12, 345))).toBe('2025-06-02 10:11:12.345000+00:00');
  });
});
