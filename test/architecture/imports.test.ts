import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/process.js';

/**
 * What may import what (ARCHITECTURE.md): each room of mock-server/ imports only the rooms below it, a
 * surface never imports another, fixtures import nothing of the server. Checked on the sources, so a
 * new import that breaks the rule fails here rather than in review.
 */
const BELOW: Record<string, readonly string[]> = {
  core: [],
  config: ['core'],
  store: ['core'],
  'scenario-engine': ['core', 'config', 'store'],
  pipeline: ['core', 'config', 'store'],
  auth: ['core', 'config', 'store', 'scenario-engine', 'pipeline'],
  webhooks: ['core', 'config', 'store'],
  hosted: ['core', 'config', 'store', 'pipeline'],
  replication: ['core', 'config', 'store', 'auth'],
  // HTTPS credentials: only the composition root asks for them (no room lists tls).
  tls: ['core', 'config'],
  // A surface sees the shared rooms, the surface contract and the composition root's types; never another surface.
  surface: ['core', 'config', 'store', 'scenario-engine', 'pipeline', 'auth', 'webhooks', 'hosted', 'contract', 'deps'],
  contract: ['core', 'config', 'store', 'scenario-engine', 'pipeline', 'auth', 'webhooks', 'hosted', 'deps'],
  list: ['contract', 'surface', 'scenario-engine'],
  admin: ['core', 'config', 'store', 'scenario-engine', 'pipeline', 'auth', 'webhooks', 'hosted', 'replication', 'contract', 'list', 'deps'],
};
/** The composition root: it may import anything. */
const ROOT_FILES = new Set(['app.ts', 'deps.ts', 'server.ts', 'main.ts', 'cluster.ts']);

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm)) {
    edges.push({ from: file, to: normalize(join(dirname(file), m[2]!)).replace(/\.js$/, '.ts'), typeOnly: m[1] !== undefined });
  }
  return edges;
}

/** The room a file of mock-server/ lives in, and for a surface its name. */
function roomOf(file: string): { room: string; surface?: string } | undefined {
  const parts = relative(join(ROOT, 'mock-server'), file).split('/');
  if (parts[0]!.startsWith('..')) return undefined;
  if (parts.length === 1) {
    if (ROOT_FILES.has(parts[0]!)) return { room: 'root' };
    return { room: parts[0] === 'deps.ts' ? 'deps' : 'config' };
  }
  if (parts[0] === 'surfaces') {
    if (parts.length === 2) return { room: parts[1] === 'index.ts' ? 'list' : 'contract' };
    return { room: 'surface', surface: parts[1]! };
  }
  return { room: parts[0]! };
}

const sources = filesUnder(join(ROOT, 'mock-server'));
const edges = sources.flatMap(importsOf);

describe('what may import what', () => {
  it('when a room of mock-server imports another, then it is one below it (surfaces never import each other)', () => {
    const broken: string[] = [];
    for (const edge of edges) {
      const from = roomOf(edge.from);
      const to = roomOf(edge.to);
      if (!from || !to || from.room === 'root') continue;
      const target = ROOT_FILES.has(relative(join(ROOT, 'mock-server'), edge.to)) ? (edge.to.endsWith('deps.ts') ? 'deps' : 'root') : to.room;
      const sameRoom = from.room === target && (from.room !== 'surface' || from.surface === to.surface);
      const allowed = sameRoom || (BELOW[from.room] ?? []).includes(target);
      // The composition root's types are readable from above it only as types.
      const typeOk = target !== 'deps' || edge.typeOnly;
      if (!allowed || !typeOk) broken.push(`${relative(ROOT, edge.from)} -> ${relative(ROOT, edge.to)}${typeOk ? '' : ' (not type-only)'}`);
    }
    expect(broken).toEqual([]);
  });

  it('when fixtures are built, then they import nothing of the server', () => {
    const fixtureEdges = filesUnder(join(ROOT, 'fixtures')).flatMap(importsOf);
    expect(
      fixtureEdges.filter((e) => e.to.includes(`${join(ROOT, 'mock-server')}/`)).map((e) => `${relative(ROOT, e.from)} -> ${relative(ROOT, e.to)}`),
    ).toEqual([]);
  });

  it('when the rule is checked, then it sees the imports (it cannot pass on an empty list)', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(edges.some((e) => e.from.includes('/surfaces/docreader/') && e.to.includes('/core/'))).toBe(true);
  });
});
