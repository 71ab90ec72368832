import { spawn, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { exitOf, ROOT } from '../helpers/process.js';

/** `npm run soak` as a process of its own, its output collected. */
function runSoak(args: string[]): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/soak.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return Object.assign(child, { output: () => output });
}

/** minute, req/s, flows/s, p99 ms, errors, skipped, RSS MiB, heap MiB (and redis MiB on its own Redis). */
const ROW = /^\s+(\d+\.\d{2})\s+(\d+)\s+(\d+\.\d)\s+(\d+\.\d)\s+(\d+)\s+(\d+)\s+(\d+\.\d)\s+(\d+\.\d)(\s+\d+\.\d)?$/;

function rows(output: string): number[][] {
  return output
    .split('\n')
    .map((l) => ROW.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m.slice(1, 9).map(Number));
}

const pidAfter = (output: string, label: RegExp): number => Number(label.exec(output)?.[1]);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm run soak', () => {
  it('when a short soak runs at a fixed rate, then it prints a line an interval, no errors, a verdict that matches its exit code, and stops its mock', async () => {
    const soak = runSoak(['--minutes', '0.1', '--interval-seconds', '2', '--rate', '5']);
    const code = await exitOf(soak);
    const out = soak.output();
    expect(out).toMatch(/^ minute\s+req\/s\s+flows\/s\s+p99 ms\s+errors\s+skipped\s+RSS MiB\s+heap MiB$/m);
    const lines = rows(out);
    expect(lines.length).toBe(3);
    for (const [minute, reqs, flows, , errors, skipped, rss, heap] of lines) {
      expect(minute).toBeGreaterThan(0);
      expect(reqs).toBeGreaterThan(0);
      expect(flows).toBeGreaterThan(0);
      expect(errors).toBe(0);
      expect(skipped).toBe(0);
      expect(rss).toBeGreaterThan(heap!);
    }
    expect(out).toMatch(/^flows: [1-9]\d* done, 0 failed, 0 skipped/m);
    expect(out).toMatch(/^errors: 0 \(target 0: met\)$/m);
    const slope = /^RSS slope: ([+-]\d+\.\d+) MiB\/min over minutes \S+ \([23] samples after the warm-up; target < 1: (met|MISSED)\)$/m.exec(out);
    expect(slope, out).not.toBeNull();
    expect(slope![2]).toBe(Number(slope![1]) < 1 ? 'met' : 'MISSED');
    expect(out).toMatch(slope![2] === 'met' ? /^verdict: PASS$/m : /^verdict: FAIL$/m);
    expect(code).toBe(slope![2] === 'met' ? 0 : 1);
    const mock = pidAfter(out, /mock pid (\d+)/);
    expect(mock).toBeGreaterThan(0);
    expect(alive(mock)).toBe(false);
  }, 30_000);

  it('when a soak on its own Redis is stopped by SIGTERM, then it gives its verdict on what it saw and stops the mock and redis-server', async () => {
    const soak = runSoak(['--minutes', '1', '--interval-seconds', '2', '--rate', '5', '--redis']);
    await new Promise<void>((resolve) => {
      const check = () => {
        if (rows(soak.output()).length > 0) {
          soak.stdout?.off('data', check);
          resolve();
        }
      };
      soak.stdout?.on('data', check);
    });
    const mock = pidAfter(soak.output(), /mock pid (\d+)/);
    const redis = pidAfter(soak.output(), /own redis-server pid (\d+)/);
    expect([alive(mock), alive(redis)]).toEqual([true, true]);
    soak.kill('SIGTERM');
    expect(await exitOf(soak)).toBe(130);
    const out = soak.output();
    expect(out).toMatch(/^ minute\s+req\/s.*heap MiB\s+redis MiB$/m);
    expect(rows(out)[0]![4]).toBe(0);
    expect(out).toMatch(/^redis-server RSS slope: /m);
    expect(out).toMatch(/^verdict: (PASS|FAIL) \(interrupted\)$/m);
    expect([alive(mock), alive(redis)]).toEqual([false, false]);
  }, 30_000);
});
