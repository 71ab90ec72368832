// The child process of verifier-process.ts: one verifier run, its input and outcome over IPC. Whatever
// the Rust verifier prints goes to this process's stdout, which the parent captures.
import { runVerifier, type VerifierRun } from './run-verifier.js';

process.once('message', (run: VerifierRun) => {
  runVerifier(run).then(
    (outcome) => process.send!({ outcome }, () => process.exit(0)),
    (e: unknown) => process.send!({ error: e instanceof Error ? e.message : String(e) }, () => process.exit(1)),
  );
});
