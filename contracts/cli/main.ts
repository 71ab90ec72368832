import { runVerify } from './verify-command.js';

const USAGE = `Usage:
  zignsec-mock [start] [--port N] [--host H] [--public-url URL] [--config FILE]
      Start the mock gateway (as npm start does).
  zignsec-mock verify PACT_FILE_OR_DIR... [--states-map FILE] [--config FILE] [--log-level LEVEL]
      Start the mock on a free port, verify the consumer pacts against it, print a report.
      Exit 0 when every interaction verifies, 1 on any mismatch or unknown provider state, 2 on bad usage.`;

const [command, ...rest] = process.argv.slice(2);

if (command === 'verify') {
  process.exit(await runVerify(rest));
} else if (command === undefined || command === 'start' || command.startsWith('-')) {
  if (command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  // The mock's entry point reads its flags from process.argv: leave it only those.
  process.argv.splice(2, process.argv.length - 2, ...(command === 'start' ? rest : process.argv.slice(2)));
  await import('../../mock-server/main.js');
} else {
  process.stderr.write(`zignsec-mock: unknown command "${command}"\n${USAGE}\n`);
  process.exit(2);
}
