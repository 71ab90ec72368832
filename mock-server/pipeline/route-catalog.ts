import { Router, type RequestHandler } from 'express';

/** A template with every method it is served under, in the order they were added. */
interface KnownTemplate {
  text: string;
  /** Literal ids of its segments, -1 for a parameter (split once, at add() time). */
  segments: number[];
  /** The trie node its last segment ends at. */
  node: number;
  methods: string[];
}

export type RouteMatch = { kind: 'method-not-allowed'; allow: string[] } | { kind: 'unknown'; nearest: string | undefined };

/** Counts the work one explain() does (comparisons and distance cells), so tests can assert it is bounded. */
export interface WorkMeter {
  cells: number;
}

/** Edits within which a request segment counts as a typo of a route's; past it the segment is simply different. */
const TYPO_EDITS = 2;
/** A wrong method counts like two typos: the path usually says more about what the caller meant. */
const METHOD_PENALTY = 2;
const PARAM = -1;
/** Unknown paths explained and remembered: a client repeating one wrong path is the common case. */
const MEMO_ENTRIES = 512;

/**
 * Every route the mock serves, so unmatched requests can be told the nearest one (or the allowed methods).
 * Unknown routes are a hot path under attack: whatever the path's length, explain() looks at no more segments
 * than the longest route has (plus one), no more characters of each than a route's segment could be a typo of,
 * compares segments with an edit distance that gives up past TYPO_EDITS, and walks the templates as a trie of
 * segments (shared prefixes computed once). Its work is bounded by the catalog, never by the request.
 */
export class RouteCatalog {
  private readonly routes: Array<{ method: string; template: string }> = [];
  private readonly templates: KnownTemplate[] = [];
  private readonly byText = new Map<string, KnownTemplate>();
  private readonly bySegmentCount = new Map<number, KnownTemplate[]>();
  private readonly literals: string[] = [];
  private readonly literalIds = new Map<string, number>();
  /** The trie of template segments: node 0 is the root; a parent always has a smaller id than its children. */
  private readonly nodeParent: number[] = [0];
  private readonly nodeLiteral: number[] = [PARAM];
  private readonly nodeInsertCost: number[] = [0];
  private readonly children = new Map<string, number>();
  private maxSegments = 0;
  private longestLiteral = 0;
  private scratch: Scratch | undefined;
  /** explain()'s answers by what they depend on (method and the cut segments), oldest first. */
  private readonly explained = new Map<string, RouteMatch>();

  add(method: string, template: string): void {
    const upper = method.toUpperCase();
    this.explained.clear();
    this.routes.push({ method: upper, template });
    const known = this.byText.get(template);
    if (known !== undefined) {
      if (!known.methods.includes(upper)) known.methods.push(upper);
      return;
    }
    const texts = splitPath(template, Number.MAX_SAFE_INTEGER).segments;
    const segments = texts.map((text) => (text.startsWith(':') ? PARAM : this.literalId(text)));
    let node = 0;
    for (const text of texts) node = this.child(node, text);
    const entry: KnownTemplate = { text: template, segments, node, methods: [upper] };
    this.templates.push(entry);
    this.byText.set(template, entry);
    const sameCount = this.bySegmentCount.get(segments.length) ?? [];
    sameCount.push(entry);
    this.bySegmentCount.set(segments.length, sameCount);
    this.maxSegments = Math.max(this.maxSegments, segments.length);
  }

  list(): ReadonlyArray<{ method: string; template: string }> {
    return this.routes.map(({ method, template }) => ({ method, template }));
  }

  explain(method: string, path: string, meter: WorkMeter = { cells: 0 }): RouteMatch {
    // One segment more than the longest route: enough to tell "too long" from "no such route" and to hint either.
    const { segments, more } = splitPath(path, this.maxSegments + 1);
    // The answer depends on nothing past a segment's first `keep` characters (no literal is that long), so the
    // key is as bounded as the work.
    const keep = this.longestLiteral + TYPO_EDITS + 1;
    const cut = segments.map((s) => (s.length > keep ? s.slice(0, keep) : s));
    const key = `${method}${more ? '+' : '='}${cut.join('/')}`;
    const known = this.explained.get(key);
    if (known !== undefined) return known;
    const match = this.explainAfresh(method, cut, more, meter);
    if (this.explained.size >= MEMO_ENTRIES) this.explained.delete(this.explained.keys().next().value!);
    this.explained.set(key, match);
    return match;
  }

  /** How many explained paths are remembered (for tests: the memo is bounded). */
  get remembered(): number {
    return this.explained.size;
  }

  private explainAfresh(method: string, segments: string[], more: boolean, meter: WorkMeter): RouteMatch {
    if (!more) {
      const allow = new Set<string>();
      for (const template of this.bySegmentCount.get(segments.length) ?? []) {
        meter.cells += template.segments.length;
        if (this.matches(template, segments)) for (const m of template.methods) allow.add(m);
      }
      if (allow.size > 0) return { kind: 'method-not-allowed', allow: [...allow] };
    }
    return { kind: 'unknown', nearest: this.nearest(method.toUpperCase(), segments, meter) };
  }

  private matches(template: KnownTemplate, segments: string[]): boolean {
    return template.segments.every((literal, i) => (literal === PARAM ? segments[i]!.length > 0 : segments[i] === this.literals[literal]));
  }

  private literalId(text: string): number {
    let id = this.literalIds.get(text);
    if (id === undefined) {
      id = this.literals.push(text) - 1;
      this.literalIds.set(text, id);
      this.longestLiteral = Math.max(this.longestLiteral, text.length);
    }
    return id;
  }

  private child(parent: number, text: string): number {
    const key = `${parent}/${text}`;
    let id = this.children.get(key);
    if (id === undefined) {
      id = this.nodeParent.push(parent) - 1;
      this.nodeLiteral.push(text.startsWith(':') ? PARAM : this.literalId(text));
      this.nodeInsertCost.push(text.length + 1);
      this.children.set(key, id);
    }
    return id;
  }

  /**
   * A segment-level edit distance (a segment's characters plus its slash to insert or delete one; the bounded
   * character distance to replace one; a parameter takes any segment for nothing) from the request to every
   * template, one trie node's column at a time.
   */
  private nearest(method: string, requested: string[], meter: WorkMeter): string | undefined {
    // Past a literal's length plus the typo allowance a segment differs from all of them: the rest cannot matter.
    const keep = this.longestLiteral + TYPO_EDITS + 1;
    const rows = requested.length + 1;
    const work = this.scratchFor(rows);
    const literalCount = this.literals.length;
    // Identical request segments share their distances (a path of one segment repeated costs one segment).
    const probe: string[] = [];
    const probeRow = work.probeRow;
    const deleteCost = work.deleteCost;
    const seen = new Map<string, number>();
    for (const [i, segment] of requested.entries()) {
      const cut = segment.length > keep ? segment.slice(0, keep) : segment;
      let row = seen.get(cut);
      if (row === undefined) row = seen.set(cut, probe.push(cut) - 1).get(cut)!;
      probeRow[i] = row;
      deleteCost[i] = cut.length + 1;
    }
    const distances = work.distances.fill(-1, 0, probe.length * literalCount);
    const columns = work.columns;
    columns[0] = 0;
    for (let i = 1; i < rows; i++) columns[i] = columns[i - 1]! + deleteCost[i - 1]!;
    for (let node = 1; node < this.nodeParent.length; node++) {
      const own = node * rows;
      const parent = this.nodeParent[node]! * rows;
      const literal = this.nodeLiteral[node]!;
      const insertCost = this.nodeInsertCost[node]!;
      columns[own] = columns[parent]! + insertCost;
      for (let i = 1; i < rows; i++) {
        let substitution = 0;
        if (literal !== PARAM) {
          const slot = probeRow[i - 1]! * literalCount + literal;
          substitution = distances[slot]!;
          if (substitution < 0) {
            substitution = segmentDistance(probe[probeRow[i - 1]!]!, this.literals[literal]!, work, meter);
            distances[slot] = substitution;
          }
        }
        columns[own + i] = Math.min(columns[parent + i - 1]! + substitution, columns[parent + i]! + insertCost, columns[own + i - 1]! + deleteCost[i - 1]!);
      }
      meter.cells += rows;
    }
    let best: { score: number; template: KnownTemplate; served: boolean } | undefined;
    for (const template of this.templates) {
      const served = template.methods.includes(method);
      const score = columns[template.node * rows + rows - 1]! + (served ? 0 : METHOD_PENALTY);
      if (best === undefined || score < best.score) best = { score, template, served };
    }
    return best && `${best.served ? method : best.template.methods[0]} ${best.template.text}`;
  }

  /** Buffers reused by every explain() (it runs to completion on one thread), grown when routes are added. */
  private scratchFor(rows: number): Scratch {
    const s = this.scratch;
    const maxRows = this.maxSegments + 2;
    if (rows > maxRows) throw new Error('more request segments than the catalog considers');
    if (
      s !== undefined &&
      s.columns.length >= this.nodeParent.length * maxRows &&
      s.distances.length >= maxRows * this.literals.length &&
      s.a.length >= this.longestLiteral + 2
    )
      return s;
    this.scratch = {
      columns: new Int32Array(this.nodeParent.length * maxRows),
      distances: new Int32Array(maxRows * this.literals.length),
      probeRow: new Int32Array(maxRows),
      deleteCost: new Int32Array(maxRows),
      a: new Int32Array(this.longestLiteral + 2),
      b: new Int32Array(this.longestLiteral + 2),
    };
    return this.scratch;
  }
}

interface Scratch {
  /** One column of the segment-level distance per trie node, each as long as the request has segments (plus one). */
  columns: Int32Array;
  /** Distances between distinct request segments and literals; -1 until computed. */
  distances: Int32Array;
  probeRow: Int32Array;
  deleteCost: Int32Array;
  /** Rows of the character-level distance. */
  a: Int32Array;
  b: Int32Array;
}

/**
 * Splits a path into at most `max` segments (more says there were further ones), after the leading slash and
 * one optional trailing slash, as express's non-strict routing reads them. Never looks past the max-th slash.
 */
function splitPath(path: string, max: number): { segments: string[]; more: boolean } {
  const end = path.length > 1 && path.endsWith('/') ? path.length - 1 : path.length;
  const segments: string[] = [];
  let start = path.startsWith('/') ? 1 : 0;
  while (segments.length < max) {
    const slash = path.indexOf('/', start);
    if (slash === -1 || slash >= end) {
      segments.push(path.slice(start, end));
      return { segments, more: false };
    }
    segments.push(path.slice(start, slash));
    start = slash + 1;
  }
  return { segments, more: true };
}

/** The edit distance when within TYPO_EDITS; past it, as if every character differed. */
function segmentDistance(a: string, b: string, scratch: { a: Int32Array; b: Int32Array }, meter: WorkMeter): number {
  if (a === b) return 0;
  const d = boundedEditDistance(a, b, TYPO_EDITS, scratch, meter);
  return d <= TYPO_EDITS ? d : Math.max(a.length, b.length);
}

/** Levenshtein distance inside a band of width k around the diagonal: k + 1 means "more than k". O(k * |a|). */
function boundedEditDistance(a: string, b: string, k: number, scratch: { a: Int32Array; b: Int32Array }, meter: WorkMeter): number {
  const far = k + 1;
  if (Math.abs(a.length - b.length) > k) return far;
  let previous = scratch.a;
  let current = scratch.b;
  for (let j = 0; j <= b.length; j++) previous[j] = j <= k ? j : far;
  for (let i = 1; i <= a.length; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(b.length, i + k);
    current[lo - 1] = lo === 1 && i <= k ? i : far;
    let rowMin = current[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const replace = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const value = Math.min(replace, previous[j]! + 1, current[j - 1]! + 1, far);
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    meter.cells += hi - lo + 1;
    if (hi < b.length) current[hi + 1] = far;
    if (rowMin > k) return far;
    const swap = previous;
    previous = current;
    current = swap;
  }
  return Math.min(previous[b.length]!, far);
}

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

/**
 * An express router that records each route it registers under its mount prefix, in the app's catalog and
 * in one of its own (`own`), so a surface can answer its unknown paths from its own routes.
 */
export function catalogRouter(prefix: string, catalog: RouteCatalog) {
  const router = Router({ strict: false });
  const own = new RouteCatalog();
  const add =
    (method: Method) =>
    (path: string, ...handlers: RequestHandler[]) => {
      const template = path === '/' ? prefix : prefix + path;
      catalog.add(method, template);
      own.add(method, template);
      router[method](path, ...handlers);
    };
  return { router, own, get: add('get'), post: add('post'), put: add('put'), delete: add('delete'), patch: add('patch') };
}
