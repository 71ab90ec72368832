import { Router, type RequestHandler } from 'express';

interface KnownRoute {
  method: string;
  template: string;
  pattern: RegExp;
}

export type RouteMatch =
  | { kind: 'method-not-allowed'; allow: string[] }
  | { kind: 'unknown'; nearest: string | undefined };

/** Every route the mock serves, so unmatched requests can be told the nearest one (or the allowed methods). */
export class RouteCatalog {
  private readonly routes: KnownRoute[] = [];

  add(method: string, template: string): void {
    const pattern = new RegExp(
      `^${template.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`,
    );
    this.routes.push({ method: method.toUpperCase(), template, pattern });
  }

  list(): ReadonlyArray<{ method: string; template: string }> {
    return this.routes.map(({ method, template }) => ({ method, template }));
  }

  explain(method: string, path: string): RouteMatch {
    const samePath = this.routes.filter((r) => r.pattern.test(path));
    if (samePath.length > 0) return { kind: 'method-not-allowed', allow: [...new Set(samePath.map((r) => r.method))] };
    return { kind: 'unknown', nearest: this.nearest(method, path) };
  }

  private nearest(method: string, path: string): string | undefined {
    let best: { score: number; route: KnownRoute } | undefined;
    for (const route of this.routes) {
      const score = editDistance(path, fillTemplate(route.template, path)) + (route.method === method ? 0 : 2);
      if (best === undefined || score < best.score) best = { score, route };
    }
    return best && `${best.route.method} ${best.route.template}`;
  }
}

/** Puts the request's own segments in the template's parameters, so ids do not count as differences. */
function fillTemplate(template: string, path: string): string {
  const given = path.split('/');
  return template
    .split('/')
    .map((segment, i) => (segment.startsWith(':') ? (given[i] ?? segment) : segment))
    .join('/');
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

type Method = 'get' | 'post' | 'put' | 'delete' | 'patch';

/** An express router that records each route it registers in the catalog under its mount prefix. */
export function catalogRouter(prefix: string, catalog: RouteCatalog) {
  const router = Router({ strict: false });
  const add =
    (method: Method) =>
    (path: string, ...handlers: RequestHandler[]) => {
      catalog.add(method, path === '/' ? prefix : prefix + path);
      router[method](path, ...handlers);
    };
  return { router, get: add('get'), post: add('post'), put: add('put'), delete: add('delete'), patch: add('patch') };
}
