import { describe, expect, it } from 'vitest';
import { parseSoakArgs } from '../../bench/soak-args.js';

describe('the soak command line', () => {
  it('when nothing is given, then it is 30 minutes on the in-memory store at a calibrated rate, a line a minute, 5 minutes of warm-up', () => {
    expect(parseSoakArgs([])).toEqual({
      kind: 'run',
      options: { minutes: 30, redis: false, intervalSeconds: 60, warmupMinutes: 5, ttlSeconds: 60, maxSlope: 1, calibrateSeconds: 10, concurrency: 32 },
    });
  });

  it('when a short soak is asked, then the warm-up is a third of it and the TTL half the warm-up (at least 5 s)', () => {
    const parsed = parseSoakArgs(['--minutes', '0.5', '--rate', '20', '--interval-seconds', '3', '--redis']);
    expect(parsed).toMatchObject({ kind: 'run', options: { minutes: 0.5, rate: 20, redis: true, intervalSeconds: 3, ttlSeconds: 5 } });
    if (parsed.kind === 'run') expect(parsed.options.warmupMinutes).toBeCloseTo(1 / 6, 10);
  });

  it('when a Redis URL is given, then the mock runs on it', () => {
    expect(parseSoakArgs(['--store', 'redis://127.0.0.1:6379', '--warmup-minutes', '0'])).toMatchObject({
      kind: 'run',
      options: { store: 'redis://127.0.0.1:6379', redis: false, warmupMinutes: 0 },
    });
  });

  it.each([
    [['--minutes', '0'], /--minutes: "0" is not a positive number/],
    [['--rate', 'fast'], /--rate: "fast" is not a positive number/],
    [['--concurrency', '2.5'], /--concurrency: "2.5" is not a positive whole number/],
    [['--redis', '--store', 'redis://h:1'], /give one/],
    [['--store', 'http://h:1'], /not a redis:\/\/ URL/],
    [['--minutes', '1', '--warmup-minutes', '1'], /leaves nothing/],
    [['--speed', '3'], /Unknown option '--speed'/],
  ])('when the command line is %j, then it is a usage error saying why', (argv, message) => {
    const parsed = parseSoakArgs(argv);
    expect(parsed.kind).toBe('usage-error');
    if (parsed.kind === 'usage-error') expect(parsed.message).toMatch(message);
  });

  it('when -h is given, then the usage is asked for', () => {
    expect(parseSoakArgs(['-h'])).toEqual({ kind: 'help' });
  });
});
