// Reads a V8 .cpuprofile (node --cpu-prof) and tells where a request's CPU goes, by layer of the mock.

interface CallFrame {
  functionName: string;
  url: string;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The layers a gateway request passes through, in the order it meets them; what fits none is `other`. */
export const LAYERS = ['socket', 'node http', 'express/router', 'guard', 'journal', 'scenario', 'handler', 'serialisation', 'gc', 'other'] as const;
export type Layer = (typeof LAYERS)[number];

// express 5's own helpers (body and URL parsing, content negotiation) count with the router.
const EXPRESS_DEPS =
  /node_modules\/(express|router|path-to-regexp|parseurl|content-type|mime-types|mime-db|type-is|accepts|negotiator|on-finished|finalhandler|send|qs|depd|debug|encodeurl|escape-html|fresh|range-parser|vary)\//;

/** Loading and compiling modules: the start's cost, not a request's. */
const STARTUP = /^node:internal\/(modules|deps\/cjs-module-lexer)|node_modules\/(tsx|esbuild|get-tsconfig)\//;

export function layerOf({ functionName, url }: CallFrame): Layer | 'idle' | 'startup' {
  if (functionName === '(idle)') return 'idle';
  if (STARTUP.test(url)) return 'startup';
  if (functionName === '(garbage collector)') return 'gc';
  if (url.includes('mock-server/pipeline/request-journal')) return 'journal';
  if (url.includes('mock-server/scenario-engine/')) return 'scenario';
  if (url.includes('mock-server/auth/') || url.includes('node_modules/jose/')) return 'guard';
  if (url.includes('mock-server/') || url.includes('/fixtures/')) return 'handler';
  if (EXPRESS_DEPS.test(url)) return 'express/router';
  if (functionName === 'stringify' || functionName === 'parse' || url.includes('node_modules/fast-json')) return 'serialisation';
  if (/^(writev|writeBuffer|writeUtf8String|writeLatin1String|readStart|onStreamRead|shutdown|close)$/.test(functionName)) return 'socket';
  if (url.startsWith('node:net') || url.startsWith('node:internal/stream_base') || url.startsWith('node:internal/streams')) return 'socket';
  if (url.startsWith('node:_http') || url.startsWith('node:internal/http') || functionName === 'parserOnHeadersComplete') return 'node http';
  return 'other';
}

export interface Breakdown {
  /** Busy CPU (all but idle) per request, by layer, in microseconds. */
  perRequest: Record<Layer, number>;
  /** What `other` holds, largest first: where the layers above could be told apart better. */
  otherTop: Array<[name: string, microsPerRequest: number]>;
  /** The same, for the layers asked for in `detail`. */
  topOf: Partial<Record<Layer, Array<[name: string, microsPerRequest: number]>>>;
  /** Busy CPU over the profile, start-up (module loading) left out. */
  busyMicros: number;
  idleMicros: number;
}

/** Self time of every sample, summed by layer and divided by the requests the profile saw. */
export function breakdown(profile: CpuProfile, requests: number, detail: readonly Layer[] = []): Breakdown {
  const layerOfNode = new Map(profile.nodes.map((n) => [n.id, layerOf(n.callFrame)]));
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const totals = new Map<Layer | 'idle' | 'startup', number>();
  const byLayer = new Map<Layer, Map<string, number>>([
    ['other', new Map()],
    ...detail.map((l): [Layer, Map<string, number>] => [l, new Map<string, number>()]),
  ]);
  for (const [i, id] of profile.samples.entries()) {
    const layer = layerOfNode.get(id) ?? 'other';
    const micros = profile.timeDeltas[i] ?? 0;
    totals.set(layer, (totals.get(layer) ?? 0) + micros);
    const names = layer === 'idle' || layer === 'startup' ? undefined : byLayer.get(layer);
    if (names !== undefined) {
      const frame = frames.get(id);
      const name = `${frame?.functionName || '(anonymous)'} ${frame?.url.replace(/^.*(node_modules|mock-server)\//, '') ?? ''}`.trim();
      names.set(name, (names.get(name) ?? 0) + micros);
    }
  }
  const perRequest = Object.fromEntries(LAYERS.map((l) => [l, (totals.get(l) ?? 0) / Math.max(requests, 1)])) as Record<Layer, number>;
  const idleMicros = totals.get('idle') ?? 0;
  const busyMicros = [...totals].reduce((n, [l, t]) => (l === 'idle' || l === 'startup' ? n : n + t), 0);
  const top = (names: Map<string, number>) =>
    [...names]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 8)
      .map(([name, micros]): [string, number] => [name, micros / Math.max(requests, 1)]);
  const topOf = Object.fromEntries(detail.map((l) => [l, top(byLayer.get(l)!)]));
  return { perRequest, otherTop: top(byLayer.get('other')!), topOf, busyMicros, idleMicros };
}
