import { describe, expect, it } from 'vitest';
import { RouteCatalog, type WorkMeter } from '../../mock-server/pipeline/route-catalog.js';

const ROUTES: Array<[string, string]> = [
  ['get', '/mobilesdk/docreader/api/ping'],
  ['post', '/mobilesdk/docreader/api/v2/transaction/start'],
  ['get', '/mobilesdk/docreader/api/v2/transaction/:id'],
  ['post', '/mobilesdk/docreader/api/v2/transaction/:id/process'],
  ['get', '/mobilesdk/docreader/api/v2/transaction/:id/results'],
  ['post', '/mobilesdk/faceapi/api/v2/liveness/start'],
  ['post', '/mobilesdk/sessions'],
  ['post', '/mobilesdk/sessions/:sessionId/liveness/transactions/:transactionId'],
  ['post', '/auth/realms/zignsec/protocol/openid-connect/token'],
  ['get', '/auth/realms/zignsec/.well-known/openid-configuration'],
  ['get', '/__admin/clock'],
];

function catalog(): RouteCatalog {
  const c = new RouteCatalog();
  for (const [method, template] of ROUTES) c.add(method, template);
  return c;
}

function explained(c: RouteCatalog, method: string, path: string) {
  const meter: WorkMeter = { cells: 0 };
  return { match: c.explain(method, path, meter), cells: meter.cells };
}

/** Unknown paths of a given length under a served prefix. */
const SHAPES: Array<[string, (length: number) => string]> = [
  ["segments like the routes' own (the hint's worst case)", (n) => `/mobilesdk/docreader/api/${'transactio/'.repeat(n)}`.slice(0, n)],
  ['one-character segments', (n) => `/mobilesdk/${'a/'.repeat(n)}`.slice(0, n)],
  ['one long segment', (n) => `/mobilesdk/docreader/api/${'x'.repeat(n)}`.slice(0, n)],
];

describe('route catalog', () => {
  it.each(SHAPES)('when a path of %s is 2 KB or 64 KB, then the hint does the same bounded work and still names a route', (_shape, path) => {
    // Separate catalogs: each explains its path afresh (a repeat is remembered, see below).
    const short = explained(catalog(), 'GET', path(2048));
    const huge = explained(catalog(), 'GET', path(65536));
    expect(short.match).toMatchObject({ kind: 'unknown', nearest: expect.stringMatching(/^(GET|POST) \//) });
    expect(huge.match).toEqual(short.match);
    expect(short.cells).toBeGreaterThan(0);
    expect(huge.cells).toBe(short.cells);
    // Trie nodes x request segments, plus a few banded distances: far below one full edit distance of 2 KB by 50 chars.
    expect(huge.cells).toBeLessThan(5_000);
  });

  it('when an unknown path is explained again, or another differing only past what any route could match, then the answer is remembered', () => {
    const c = catalog();
    const first = explained(c, 'GET', `/mobilesdk/docreader/api/${'x'.repeat(2000)}`);
    const again = explained(c, 'GET', `/mobilesdk/docreader/api/${'x'.repeat(2000)}`);
    const longer = explained(c, 'GET', `/mobilesdk/docreader/api/${'x'.repeat(9000)}`);
    expect(first.cells).toBeGreaterThan(0);
    expect([again, longer]).toEqual([
      { match: first.match, cells: 0 },
      { match: first.match, cells: 0 },
    ]);
    // Another method is another question.
    expect(explained(c, 'POST', `/mobilesdk/docreader/api/${'x'.repeat(2000)}`).cells).toBeGreaterThan(0);
  });

  it('when thousands of different unknown paths are explained, then what is remembered stays bounded and a route added later is seen', () => {
    const c = catalog();
    for (let i = 0; i < 5_000; i++) c.explain('GET', `/mobilesdk/unknown-${i}`);
    expect(c.remembered).toBeLessThanOrEqual(512);
    expect(c.explain('GET', '/mobilesdk/late')).toMatchObject({ kind: 'unknown' });
    c.add('post', '/mobilesdk/late');
    expect(c.explain('GET', '/mobilesdk/late')).toEqual({ kind: 'method-not-allowed', allow: ['POST'] });
  });

  it('when a typo is explained, then its work is of the same order as any other path', () => {
    const typo = explained(catalog(), 'POST', '/mobilesdk/sessions/abc/livenes/transactions/def');
    expect(typo.match).toEqual({ kind: 'unknown', nearest: 'POST /mobilesdk/sessions/:sessionId/liveness/transactions/:transactionId' });
    expect(typo.cells).toBeLessThan(5_000);
  });

  it.each([
    ['POST', '/mobilesdk/docreader/api/v2/transactoin/start', 'POST /mobilesdk/docreader/api/v2/transaction/start'],
    ['GET', '/mobilesdk/docreader/api/v2/transaction/abc/result', 'GET /mobilesdk/docreader/api/v2/transaction/:id/results'],
    ['GET', '/mobilesdk/api/ping', 'GET /mobilesdk/docreader/api/ping'],
    ['GET', '/auth/realms/zignsec/.well-known/openid_configuration', 'GET /auth/realms/zignsec/.well-known/openid-configuration'],
    ['GET', '/__admin/clok', 'GET /__admin/clock'],
  ])('when %s %s is unknown, then the nearest route is %s', (method, path, nearest) => {
    expect(catalog().explain(method, path)).toEqual({ kind: 'unknown', nearest });
  });

  it('when a known path comes with a long id and the wrong method, then the allowed methods are named', () => {
    const c = catalog();
    expect(c.explain('DELETE', `/mobilesdk/docreader/api/v2/transaction/${'i'.repeat(4000)}`)).toEqual({ kind: 'method-not-allowed', allow: ['GET'] });
    expect(c.explain('PUT', '/mobilesdk/sessions/')).toEqual({ kind: 'method-not-allowed', allow: ['POST'] });
  });

  it('when a parameter segment is empty or the path has more segments than any route, then nothing matches', () => {
    const c = catalog();
    expect(c.explain('DELETE', '/mobilesdk/docreader/api/v2/transaction//process').kind).toBe('unknown');
    expect(c.explain('GET', `/mobilesdk/docreader/api/ping${'/x'.repeat(20)}`).kind).toBe('unknown');
  });
});
