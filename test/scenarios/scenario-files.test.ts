import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../mock-server/config.js';
import { SHIPPED_SCENARIOS_DIR } from '../../mock-server/deps.js';
import { loadScenarios } from '../../mock-server/scenario-engine/load-scenarios.js';
import { SURFACE_OUTCOMES } from '../../mock-server/surfaces/index.js';
import { exitOf, spawnMock } from '../helpers/process.js';
import { tempDir } from '../helpers/temp-dir.js';

const folder = (files: Record<string, string>): string => {
  const dir = tempDir('zs-scenarios-');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
};

const good = `name: custom
summary: a valid scenario
binds: [session]
initial: a
states:
  a: { on: { transaction-bound: b } }
  b: { view: { outcome: rejected, variant: face-mismatch }, terminal: true }
`;

const cases: Array<[string, string, RegExp]> = [
  [
    'an unknown state as a target',
    good.replace('transaction-bound: b', 'transaction-bound: c'),
    /bad\.yaml: states\.a\.on\.transaction-bound: unknown state "c"/,
  ],
  ['an unknown initial state', good.replace('initial: a', 'initial: z'), /bad\.yaml: initial: unknown state "z"/],
  ['an unknown effect', good.replace('terminal: true', 'terminal: true, enter: [launch-rockets]'), /bad\.yaml: states\.b\.enter\.0: Invalid option/],
  ['an unknown event', good.replace('transaction-bound', 'coffee-brewed'), /bad\.yaml: states\.a\.on\.coffee-brewed/],
  ['an unknown fixture', good.replace('face-mismatch', 'sunburn'), /bad\.yaml: states\.b\.view\.variant: unknown fixture "rejected\/sunburn"/],
  ['an unknown outcome', good.replace('outcome: rejected', 'outcome: maybe'), /bad\.yaml: states\.b\.view\.outcome/],
  ['an unreachable state', `${good}  c: { view: { outcome: accepted } }\n`, /bad\.yaml: states\.c: unreachable from "a"/],
  [
    'a duplicate id',
    good.replace('name: custom', 'name: accepted'),
    /bad\.yaml: name: duplicate scenario "accepted" \(also in scenarios\/outcomes\/accepted\.yaml\)/,
  ],
  ['an unknown resource kind', good.replace('binds: [session]', 'binds: [galaxy]'), /bad\.yaml: binds\.0/],
  ['an unknown key', good.replace('summary:', 'sumary: x\nsummary:'), /bad\.yaml: sumary: Unrecognized key/],
  ['an undeclared param', good.replace('face-mismatch', '$which'), /bad\.yaml: states\.b: unknown param \$which/],
  [
    'a terminal state with transitions',
    good.replace('a: { on:', 'a: { terminal: true, on:'),
    /bad\.yaml: states\.a\.terminal: a terminal state has no transitions/,
  ],
  ['broken YAML', 'name: [unclosed\n', /bad\.yaml: not valid YAML/],
  ['a missing summary', good.replace('summary: a valid scenario\n', ''), /bad\.yaml: summary: Invalid input/],
];

describe('scenario files are validated when loaded', () => {
  it('when the shipped scenarios load, then every documented one is there', () => {
    const { scenarios } = loadScenarios([SHIPPED_SCENARIOS_DIR], SURFACE_OUTCOMES);
    expect([...scenarios.keys()].sort()).toEqual(
      [
        'accepted',
        'cancelled',
        'connection-reset',
        'declined',
        'failed',
        'flaky',
        'inconclusive',
        'key-rotation',
        'rate-limited',
        'rejected',
        'slow',
        'timeout',
        'token-expiry',
        'unavailable',
      ].sort(),
    );
  });

  it('when a valid custom file is added, then it loads beside the shipped ones', () => {
    const { scenarios } = loadScenarios([SHIPPED_SCENARIOS_DIR, folder({ 'mine/custom.yaml': good })], SURFACE_OUTCOMES);
    expect(scenarios.get('custom')?.file).toMatch(/custom\.yaml$/);
  });

  it.each(cases)('when a file has %s, then loading stops naming the file and the key', (_name, text, message) => {
    const dir = folder({ 'bad.yaml': text });
    expect(() => loadScenarios([SHIPPED_SCENARIOS_DIR, dir], SURFACE_OUTCOMES)).toThrow(ConfigError);
    expect(() => loadScenarios([SHIPPED_SCENARIOS_DIR, dir], SURFACE_OUTCOMES)).toThrow(message);
  });

  it.each([
    ['a rule using an unknown scenario', { rules: [{ when: { clientId: 'x' }, use: 'nope' }] }, /rules\.0\.use: unknown scenario "nope"/],
    [
      'a rule binding a scenario to the wrong kind',
      { rules: [{ when: { kind: 'token' }, use: 'rejected' }] },
      /rules\.0\.use: scenario "rejected" does not bind to a token/,
    ],
    ['a rule with a bad param', { rules: [{ when: { clientId: 'x' }, use: 'flaky;share=2' }] }, /param share: 2 is above 1/],
    ['a rule with no condition', { rules: [{ when: {}, use: 'accepted' }] }, /rules\.0\.when: a rule needs at least one condition/],
    ['a default for a kind the scenario cannot bind', { defaults: { token: 'accepted' } }, /defaults\.token: scenario "accepted" does not bind to a token/],
  ])('when the selection has %s, then loading stops naming it', (_name, selection, message) => {
    expect(() => loadScenarios([SHIPPED_SCENARIOS_DIR], SURFACE_OUTCOMES, selection)).toThrow(message);
  });

  it('when the mock starts with a bad scenario folder, then it exits 2 naming the file and key', async () => {
    const dir = folder({ 'broken/bad.yaml': good.replace('transaction-bound: b', 'transaction-bound: nowhere') });
    const config = join(folder({}), 'config.json');
    writeFileSync(config, JSON.stringify({ scenarios: { dirs: [dir] } }));
    const child = spawnMock(['--config', config, '--port', '0']);
    expect(await exitOf(child)).toBe(2);
    expect(child.output()).toMatch(/broken\/bad\.yaml: states\.a\.on\.transaction-bound: unknown state "nowhere"/);
  });
});
