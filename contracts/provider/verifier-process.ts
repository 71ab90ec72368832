import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { VerifierOutcome, VerifierRun } from './run-verifier.js';

export interface CapturedVerifierOutcome extends VerifierOutcome {
  /** What the verifier printed (its per-interaction tree, coloured, and pact-js's log lines). */
  output: string;
}

/**
 * Runs the verifier in a child process. The Rust verifier under pact-js writes straight to file
 * descriptors 1 and 2, with colours whatever they are, and offers no switch for either: only a process
 * of its own keeps that text out of the caller's output, where the caller can then choose to show it.
 */
export function runVerifierInChild(run: VerifierRun): Promise<CapturedVerifierOutcome> {
  const child = fork(fileURLToPath(new URL('./verifier-worker.ts', import.meta.url)), [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    env: { ...process.env, PACT_DO_NOT_TRACK: process.env.PACT_DO_NOT_TRACK ?? 'true' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) => {
    let answer: { outcome?: VerifierOutcome; error?: string } | undefined;
    child.once('message', (m) => (answer = m as typeof answer));
    child.once('error', reject);
    // 'close', not 'exit': by then both pipes are drained.
    child.once('close', (code, signal) => {
      if (answer?.outcome) resolve({ ...answer.outcome, output });
      else reject(new Error(`the verifier process ${answer?.error ? `failed: ${answer.error}` : `exited with ${code ?? signal}`}\n${output.slice(-4000)}`));
    });
    child.send(run);
  });
}
