import { parseArgs } from 'node:util';
import pino from 'pino';
import { ConfigError, loadConfig } from '../../mock-server/config.js';
import { createDeps } from '../../mock-server/deps.js';
import { startServer } from '../../mock-server/server.js';
import { loadStatesMap, type StatesMap } from '../provider/provider-states.js';
import { verifyPacts } from '../provider/verify-pacts.js';

const LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'trace'] as const;

/** Colours only for a terminal, and not when NO_COLOR is set (https://no-color.org). */
const colours = (out: NodeJS.WriteStream, env: NodeJS.ProcessEnv) => out.isTTY && !env.NO_COLOR;
// SGR and the other CSI sequences the verifier's colouring uses.
// eslint-disable-next-line no-control-regex -- matching ESC, the control character that opens each sequence, is the point.
const stripAnsi = (text: string) => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');

/** `zignsec-mock verify`: a mock of its own on a free loopback port, the pacts verified against it. Answers the exit code. */
export async function runVerify(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: { 'states-map': { type: 'string' }, config: { type: 'string' }, 'log-level': { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (e) {
    process.stderr.write(`zignsec-mock verify: ${(e as Error).message}\n`);
    return 2;
  }
  const logLevel = args.values['log-level'] ?? 'error';
  if (args.positionals.length === 0 || !(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    process.stderr.write(
      `zignsec-mock verify: give one or more pact files or folders${args.positionals.length ? `, and --log-level one of ${LOG_LEVELS.join(', ')}` : ''}\n`,
    );
    return 2;
  }
  let statesMap: StatesMap = {};
  let mock;
  try {
    if (args.values['states-map']) statesMap = loadStatesMap(args.values['states-map']);
    // The user's config (their clients, scenario folders, selection rules), but always on loopback and a free port.
    const config = loadConfig([...(args.values.config ? ['--config', args.values.config] : []), '--host', '127.0.0.1', '--port', '0'], { LOG_LEVEL: 'silent' });
    mock = await startServer(await createDeps(config, { log: pino({ level: 'silent' }) }), config.host, 0);
  } catch (e) {
    process.stderr.write(`zignsec-mock verify: ${e instanceof ConfigError ? e.message : (e as Error).message}\n`);
    return 2;
  }
  try {
    const result = await verifyPacts({ baseUrl: mock.baseUrl, pacts: args.positionals, statesMap, logLevel: logLevel as (typeof LOG_LEVELS)[number] });
    if (result.verifierOutput) process.stdout.write(colours(process.stdout, process.env) ? result.verifierOutput : stripAnsi(result.verifierOutput));
    process.stdout.write(`\n${result.report}\n`);
    return result.ok ? 0 : 1;
  } catch (e) {
    process.stderr.write(`zignsec-mock verify: ${(e as Error).message}\n`);
    return 2;
  } finally {
    await mock.close();
  }
}
