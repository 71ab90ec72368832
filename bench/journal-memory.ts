// Records 1,000,000 journal entries shaped like real ones and reports the heap the journal holds.
// Run with --expose-gc (bench/run.ts does) so the figures are after collection.
import { RequestJournal } from '../mock-server/pipeline/request-journal.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const capacity = Number(process.argv[2] ?? 10_000);
const total = 1_000_000;
gc();
const before = process.memoryUsage().heapUsed;
const journal = new RequestJournal(capacity);
const started = performance.now();
for (let i = 0; i < total; i++) {
  journal.record(
    1_795_000_000_000 + i,
    'POST',
    `/mobilesdk/sessions/sy89z8wWF0moddTGa0S3dA${String(i).padStart(14, '0')}/transactions/3f2b9c1e-6d4a-4e8b-9a51-${String(i).padStart(12, '0')}`,
    204,
    1.25,
    {
      clientId: `client-${i % 100}`,
      resource: `session:sy89z8wWF0moddTGa0S3dA${String(i).padStart(14, '0')}`,
      scenario: 'rejected;variant=face-mismatch',
      stateBefore: 'decided',
      stateAfter: 'decided',
    },
  );
}
const elapsed = performance.now() - started;
gc();
const held = process.memoryUsage().heapUsed - before;
process.stdout.write(
  JSON.stringify({
    capacity,
    recorded: journal.stats().recorded,
    held: journal.stats().held,
    heapBytes: held,
    bytesPerEntry: Math.round(held / capacity),
    recordsPerSecond: Math.round(total / (elapsed / 1000)),
  }) + '\n',
);
