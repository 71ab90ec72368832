// The device simulator's command line: options, environment, usage. Kept apart from the flow so that a
// bad command line is a usage message and exit 2, never a stack trace.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run device -- --session ID [options]

Plays the phone for a session: a liveness transaction and a document package through the SDK endpoints,
both tagged with the session, then prints their ids for the backend to bind and reprocess.

Options:
  --session ID          the id POST /mobilesdk/sessions answered (required)
  --scenario NAME       X-Mock-Scenario for the device's calls, e.g. 'rejected;variant=expired'
  --liveness KIND       passive (default) or active
  --base URL            the mock's base URL (default: $ZIGNSEC_MOCK_URL, else http://127.0.0.1:$PORT, else http://127.0.0.1:8080)
  --client ID           API client id (default demo-client)
  --secret SECRET       its secret (default demo-secret); one starting with '-' also as --secret=-abc
  --key KEY             a product key of the client (default demo-key-1)
  --json                print one JSON line instead of the walkthrough
  -h, --help            this text

Environment:
  ZIGNSEC_MOCK_URL      base URL of the mock, when --base is not given
  PORT                  port of a mock on 127.0.0.1, when neither --base nor ZIGNSEC_MOCK_URL is given
`;

export interface DeviceOptions {
  session: string;
  scenario?: string;
  liveness: 'passive' | 'active';
  base: string;
  client: string;
  secret: string;
  key: string;
  json: boolean;
}

export type ParsedCommandLine = { kind: 'help' } | { kind: 'usage-error'; message: string } | { kind: 'run'; options: DeviceOptions };

const OPTIONS = {
  session: { type: 'string' },
  scenario: { type: 'string' },
  liveness: { type: 'string' },
  base: { type: 'string' },
  client: { type: 'string' },
  secret: { type: 'string' },
  key: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const isOption = (arg: string) => arg === '-h' || (arg.startsWith('--') && arg.slice(2).split('=')[0]! in OPTIONS);

/**
 * `--secret -abc`: parseArgs refuses a value that starts with a dash as ambiguous. Generated secrets are
 * base64url and may well start with one, so a value that is not itself one of our options is taken as
 * the value (`--secret=-abc`).
 */
function joinDashValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    const next = argv[i + 1];
    if (name in OPTIONS && OPTIONS[name as keyof typeof OPTIONS].type === 'string' && next?.startsWith('-') && !isOption(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function defaultBase(env: Readonly<Record<string, string | undefined>>): string {
  if (env.ZIGNSEC_MOCK_URL) return env.ZIGNSEC_MOCK_URL;
  if (env.PORT) return `http://127.0.0.1:${env.PORT}`;
  return 'http://127.0.0.1:8080';
}

export function parseDeviceArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): ParsedCommandLine {
  let values;
  try {
    ({ values } = parseArgs({ args: joinDashValues(argv), options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (e) {
    // parseArgs' own messages are clear ("Unknown option '--nope'", "argument missing"); only its stack is not.
    return { kind: 'usage-error', message: e instanceof Error ? e.message : String(e) };
  }
  if (values.help) return { kind: 'help' };
  if (!values.session) return { kind: 'usage-error', message: '--session ID is required (the id from POST /mobilesdk/sessions)' };
  const liveness = values.liveness ?? 'passive';
  if (liveness !== 'passive' && liveness !== 'active') return { kind: 'usage-error', message: `--liveness must be passive or active, not '${liveness}'` };
  const base = (values.base ?? defaultBase(env)).replace(/\/+$/, '');
  if (!URL.canParse(base) || !/^https?:$/.test(new URL(base).protocol)) return { kind: 'usage-error', message: `the base URL '${base}' is not an http(s) URL` };
  return {
    kind: 'run',
    options: {
      session: values.session,
      ...(values.scenario === undefined ? {} : { scenario: values.scenario }),
      liveness,
      base,
      client: values.client ?? 'demo-client',
      secret: values.secret ?? 'demo-secret',
      key: values.key ?? 'demo-key-1',
      json: values.json ?? false,
    },
  };
}
