// The soak's command line: options and usage. A bad command line is a usage message and exit 2, never a stack trace.
import { parseArgs } from 'node:util';

export const SOAK_USAGE = `Usage: npm run soak -- [--minutes M] [--rate R] [--redis | --store redis://HOST:PORT] [options]

Starts a mock and drives whole zero-trust flows at it at a fixed rate; prints req/s, flows/s, p99, errors,
RSS and heap once an interval, then a verdict: RSS slope after the warm-up under --max-slope, and no errors.
Exits 0 when both hold, 1 when either is missed, 2 on a bad command line.

Options:
  --minutes M           how long to drive flows (default 30; fractions allowed: 0.5)
  --rate R              flows per second (default: 80% of the capacity a calibration run measures first)
  --redis               run the mock on a redis-server of the soak's own (/usr/bin/redis-server, free port)
  --store URL           run the mock on this Redis (a namespace of its own, its collections emptied at the end)
  --interval-seconds S  one line every S seconds (default 60)
  --warmup-minutes W    samples up to W minutes are left out of the slope (default: a third of the run, at most 5)
  --ttl-seconds T       the store's TTL (default: half the warm-up, 5 to 60 s), so it reaches its steady size in the warm-up
  --max-slope MIB       the RSS slope target, MiB per minute (default 1)
  --calibrate-seconds S the calibration run, after a discarded warm-up as long (default 10)
  --concurrency N       flows at once in the calibration, connections per address (default 32)
  -h, --help            this text
`;

export interface SoakOptions {
  minutes: number;
  rate?: number;
  /** A Redis of the soak's own. */
  redis: boolean;
  store?: string;
  intervalSeconds: number;
  warmupMinutes: number;
  ttlSeconds: number;
  maxSlope: number;
  calibrateSeconds: number;
  concurrency: number;
}

export type ParsedSoakArgs = { kind: 'help' } | { kind: 'usage-error'; message: string } | { kind: 'run'; options: SoakOptions };

const OPTIONS = {
  minutes: { type: 'string' },
  rate: { type: 'string' },
  redis: { type: 'boolean' },
  store: { type: 'string' },
  'interval-seconds': { type: 'string' },
  'warmup-minutes': { type: 'string' },
  'ttl-seconds': { type: 'string' },
  'max-slope': { type: 'string' },
  'calibrate-seconds': { type: 'string' },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

/** A positive number (a whole one when `integer`), or a usage error naming the option. */
function positive(name: string, value: string | undefined, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new UsageError(`--${name}: "${value}" is not a positive ${integer ? 'whole number' : 'number'}`);
  return n;
}

/** Zero or more minutes. */
function minutesOrZero(name: string, value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new UsageError(`--${name}: "${value}" is not a number of minutes`);
  return n;
}

export function parseSoakArgs(argv: readonly string[]): ParsedSoakArgs {
  try {
    const { values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
    if (values.help) return { kind: 'help' };
    if (values.redis && values.store !== undefined) throw new UsageError('--redis and --store: give one (--redis starts a Redis of its own)');
    if (values.store !== undefined && !/^rediss?:\/\/\S+$/.test(values.store)) throw new UsageError(`--store: "${values.store}" is not a redis:// URL`);
    const minutes = positive('minutes', values.minutes, 30);
    const warmupMinutes = values['warmup-minutes'] === undefined ? Math.min(5, minutes / 3) : minutesOrZero('warmup-minutes', values['warmup-minutes']);
    if (warmupMinutes >= minutes) throw new UsageError(`--warmup-minutes ${warmupMinutes} leaves nothing of a ${minutes}-minute soak to measure`);
    const rate = values.rate === undefined ? undefined : positive('rate', values.rate, 0);
    return {
      kind: 'run',
      options: {
        minutes,
        ...(rate === undefined ? {} : { rate }),
        redis: values.redis === true,
        ...(values.store === undefined ? {} : { store: values.store }),
        intervalSeconds: positive('interval-seconds', values['interval-seconds'], 60),
        warmupMinutes,
        ttlSeconds: positive('ttl-seconds', values['ttl-seconds'], Math.round(Math.min(60, Math.max(5, (warmupMinutes * 60) / 2))), true),
        maxSlope: positive('max-slope', values['max-slope'], 1),
        calibrateSeconds: positive('calibrate-seconds', values['calibrate-seconds'], 10),
        concurrency: positive('concurrency', values.concurrency, 32, true),
      },
    };
  } catch (e) {
    if (e instanceof UsageError) return { kind: 'usage-error', message: e.message };
    // parseArgs' own errors (unknown option, missing value) carry a code and a readable message.
    if (e instanceof Error && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS')) return { kind: 'usage-error', message: e.message };
    throw e;
  }
}
