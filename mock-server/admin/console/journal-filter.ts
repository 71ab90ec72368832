import type { JournalEntry } from '../../pipeline/request-journal.js';
import type { SurfaceNames } from './surface-of.js';

/** The journal page's filters, as its GET form sends them (and the live stream takes the same query). */
export interface ConsoleFilter {
  client?: string;
  surface?: string;
  /** An exact status (`404`) or a class (`4xx`). */
  status?: string;
  /** A scenario name: entries decided under it, whatever its params. */
  scenario?: string;
  /** Text the path contains. */
  path?: string;
  /** The control plane's own requests (the console's among them) are hidden unless asked for. */
  admin: boolean;
}

const STATUS = /^(?:0|[1-5](?:\d\d|xx))$/;

const text = (value: unknown, max = 200): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined);

export function filterFromQuery(query: Record<string, unknown>): ConsoleFilter {
  const status = text(query.status, 3)?.toLowerCase();
  const filter: ConsoleFilter = { admin: query.admin === 'true' };
  const client = text(query.client);
  const surface = text(query.surface, 40);
  const scenario = text(query.scenario, 100);
  const path = text(query.path);
  if (client !== undefined) filter.client = client;
  if (surface !== undefined) filter.surface = surface;
  if (status !== undefined && STATUS.test(status)) filter.status = status;
  if (scenario !== undefined) filter.scenario = scenario;
  if (path !== undefined) filter.path = path;
  return filter;
}

/** The filter as the journal's `match` test. */
export function matcherOf(filter: ConsoleFilter, surfaces: SurfaceNames): (entry: Readonly<JournalEntry>) => boolean {
  const status = filter.status;
  const statusMatch =
    status === undefined ? undefined : status.endsWith('xx') ? (s: number) => Math.floor(s / 100) === Number(status[0]) : (s: number) => s === Number(status);
  return (entry) => {
    const surface = surfaces.of(entry.path);
    if (!filter.admin && surface === 'admin') return false;
    if (filter.surface !== undefined && surface !== filter.surface) return false;
    if (filter.client !== undefined && entry.clientId !== filter.client) return false;
    if (statusMatch && !statusMatch(entry.status)) return false;
    if (filter.scenario !== undefined && entry.scenario?.split(';')[0]!.trim() !== filter.scenario) return false;
    if (filter.path !== undefined && !entry.path.includes(filter.path)) return false;
    return true;
  };
}

/** The filter back as a query string (for the live stream's URL). */
export function queryOf(filter: ConsoleFilter): string {
  const params = new URLSearchParams();
  for (const key of ['client', 'surface', 'status', 'scenario', 'path'] as const) {
    const value = filter[key];
    if (value !== undefined) params.set(key, value);
  }
  if (filter.admin) params.set('admin', 'true');
  return params.toString();
}
