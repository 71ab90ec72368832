import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { KeyValueStore } from '../../mock-server/store/store.js';
import type { ScenarioInstance } from '../../mock-server/scenario-engine/engine.js';
import { fetchToken, gateway } from '../helpers/api-client.js';
import { useMockServer } from '../helpers/mock-server.js';

// A scenario whose creating event moves it at once: its binding is stored first, then the state it enters.
const dir = mkdtempSync(join(tmpdir(), 'zs-binding-writes-'));
writeFileSync(
  join(dir, 'opens-on-creation.yaml'),
  `name: opens-on-creation
summary: moves on its session's creation
binds: [session]
initial: fresh
states:
  fresh: { on: { session-created: opened } }
  opened: { view: { outcome: rejected }, terminal: true }
`,
);

describe("binding a new resource's scenario", () => {
  const mock = useMockServer({ scenarios: { dirs: [dir] } });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const instances = () => (mock.deps.scenarios.engine as unknown as { instances: KeyValueStore<ScenarioInstance> }).instances;

  it('when the creating event moves no state (the default scenario), then the binding and its count are one store write', async () => {
    const writes = vi.spyOn(instances(), 'set');
    const created = await gateway(mock.baseUrl, await fetchToken(mock.realmUrl), 'demo-key-1').createSession();
    const sessionWrites = writes.mock.calls.filter(([key]) => key === `session:${created.body.id as string}`);
    writes.mockRestore();
    expect(created.status).toBe(200);
    expect(sessionWrites).toHaveLength(1);
    const instance = await mock.deps.scenarios.engine.instance('session', created.body.id as string);
    expect(instance).toMatchObject({ state: 'decided', counts: { 'session-created': 1 } });
  });

  it('when the creating event moves the state, then it is entered after the binding is stored, as any later event would be', async () => {
    const writes = vi.spyOn(instances(), 'set');
    const created = await gateway(mock.baseUrl, await fetchToken(mock.realmUrl), 'demo-key-1').createSession('opens-on-creation');
    const states = writes.mock.calls.filter(([key]) => key === `session:${created.body.id as string}`).map(([, value]) => value.state);
    writes.mockRestore();
    expect(created.status).toBe(200);
    // The same object is written twice (fire moves it in place): what was stored last is what counts.
    expect(states).toHaveLength(2);
    expect(await mock.deps.scenarios.engine.instance('session', created.body.id as string)).toMatchObject({ state: 'opened', counts: {} });
  });
});
