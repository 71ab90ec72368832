import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBody } from '../../mock-server/pipeline/json-body.js';

interface Answer {
  status: number;
  body: unknown;
}

const LIMIT = 2048;
const DEPTH = 8;

/** An app that echoes what the parser made of the body, or the status and type of the error it raised. */
function echo(parser: RequestHandler): express.Express {
  const app = express();
  app.post('/', parser, (req, res) => {
    res.json({ body: req.body === undefined ? 'undefined' : req.body });
  });
  const errors: ErrorRequestHandler = (err: { status?: number; type?: string }, _req, res, _next) => {
    res.status(err.status ?? 500).json({ type: err.type ?? 'none' });
  };
  app.use(errors);
  return app;
}

/** Sends raw bytes in the given pieces, a tick apart, so a body can arrive in several chunks. */
function send(port: number, headers: Record<string, string>, pieces: Buffer[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ port, host: '127.0.0.1', method: 'POST', path: '/', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => {
        resolve({ status: res.statusCode!, body: JSON.parse(text) });
      });
    });
    req.on('error', reject);
    let i = 0;
    const next = () => {
      if (i < pieces.length) {
        req.write(pieces[i++]);
        setTimeout(next, 5);
      } else req.end();
    };
    next();
  });
}

const json = { 'content-type': 'application/json' };
const bytes = (text: string) => [Buffer.from(text)];
const withLength = (headers: Record<string, string>, pieces: Buffer[]) => ({ ...headers, 'content-length': String(pieces.reduce((n, p) => n + p.length, 0)) });

const cases: Array<[string, Record<string, string>, Buffer[]]> = [
  ['an object', json, bytes('{"processParam":{"scenario":"FullAuth"},"livePortrait":"ø"}')],
  ['an array', json, bytes('[1,2,3]')],
  ['leading whitespace', json, bytes('  \n {"a":1}')],
  ['a byte order mark', json, [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":1}')]],
  ['a body in several chunks', json, [Buffer.from('{"a":'), Buffer.from('"split'), Buffer.from([0xc3]), Buffer.from([0xa5]), Buffer.from('"}')]],
  ['charset utf-8 named', { 'content-type': 'application/json; charset=UTF-8' }, bytes('{"a":1}')],
  ['a top-level string (strict mode)', json, bytes('"text"')],
  ['a top-level number', json, bytes('42')],
  ['whitespace only', json, bytes('   ')],
  ['malformed JSON', json, bytes('{"a":1,}')],
  ['a truncated body', json, bytes('{"a":')],
  ['another charset', { 'content-type': 'application/json; charset=latin1' }, bytes('{"a":1}')],
  ['an unknown charset', { 'content-type': 'application/json; charset=klingon' }, bytes('{"a":1}')],
  ['a gzip body', { ...json, 'content-encoding': 'gzip' }, [gzipSync('{"zipped":true}')]],
  ['an unknown encoding', { ...json, 'content-encoding': 'br2' }, bytes('{"a":1}')],
  ['a +json media type', { 'content-type': 'application/problem+json' }, bytes('{"a":1}')],
  ['a +json media type with a charset', { 'content-type': 'application/merge-patch+json; charset=utf-8' }, bytes('{"a":1}')],
  ['over the limit', json, bytes(JSON.stringify({ pad: 'x'.repeat(LIMIT) }))],
  ['exactly at the limit', json, bytes(JSON.stringify({ pad: 'x'.repeat(LIMIT - 10) }))],
];

describe('JSON bodies: the fast path answers exactly as body-parser does', () => {
  const servers: http.Server[] = [];
  let fast = 0;
  let reference = 0;
  const listen = (app: express.Express) =>
    new Promise<number>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => {
        resolve((server.address() as AddressInfo).port);
      });
      servers.push(server);
    });
  beforeAll(async () => {
    fast = await listen(echo(jsonBody(LIMIT, DEPTH)));
    // body-parser as the mock would configure it if it only took JSON types.
    reference = await listen(echo(express.json({ limit: LIMIT, type: ['application/json', 'application/*+json'] })));
  });
  afterAll(() => {
    servers.forEach((s) => s.close());
  });

  it.each(cases)('when the body is %s, then the answer is the same', async (_name, headers, pieces) => {
    const sent = withLength(headers, pieces);
    const [ours, theirs] = await Promise.all([send(fast, sent, pieces), send(reference, sent, pieces)]);
    expect(ours).toEqual(theirs);
  });

  it('when a declared-length body arrives in pieces, then it is parsed whole', async () => {
    const pieces = [Buffer.from('{"name":"Åsa'), Buffer.from(' Öberg","n":1}')];
    expect(await send(fast, withLength(json, pieces), pieces)).toEqual({ status: 200, body: { body: { name: 'Åsa Öberg', n: 1 } } });
  });

  it('when the body is chunked (no declared length), then it is still parsed', async () => {
    const pieces = bytes('{"chunked":true}');
    const [ours, theirs] = await Promise.all([
      send(fast, { ...json, 'transfer-encoding': 'chunked' }, pieces),
      send(reference, { ...json, 'transfer-encoding': 'chunked' }, pieces),
    ]);
    expect(ours).toEqual({ status: 200, body: { body: { chunked: true } } });
    expect(ours).toEqual(theirs);
  });

  it('when the client goes away mid-body, then the next request on a new connection is served', async () => {
    await new Promise<void>((resolve) => {
      const req = http.request({ port: fast, host: '127.0.0.1', method: 'POST', path: '/', headers: { ...json, 'content-length': '100' } });
      req.on('error', () => {
        resolve();
      });
      req.write('{"a":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 20);
    });
    const pieces = bytes('{"after":1}');
    expect(await send(fast, withLength(json, pieces), pieces)).toEqual({ status: 200, body: { body: { after: 1 } } });
  });
});

const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);
/** Over the fast path's 64 KiB once padded, so body-parser's path is taken. */
const padded = (json: string) => `{"pad":"${'x'.repeat(70 * 1024)}","v":${json}}`;

describe('JSON bodies: what the mock refuses where body-parser would not', () => {
  let server: http.Server;
  let port = 0;
  beforeAll(async () => {
    port = await new Promise<number>((resolve) => {
      server = echo(jsonBody(256 * 1024, DEPTH)).listen(0, '127.0.0.1', () => {
        resolve((server.address() as AddressInfo).port);
      });
    });
  });
  afterAll(() => server.close());

  const chunked = (headers: Record<string, string>) => ({ ...headers, 'transfer-encoding': 'chunked' });

  const refusals: Array<[string, Record<string, string>, Buffer[], number, unknown]> = [
    ['text/plain with a body', withLength({ 'content-type': 'text/plain' }, bytes('{"a":1}')), bytes('{"a":1}'), 415, { type: 'content-type.unsupported' }],
    ['text/plain, chunked', chunked({ 'content-type': 'text/plain' }), bytes('{"a":1}'), 415, { type: 'content-type.unsupported' }],
    ['no content type with a body', withLength({}, bytes('{"a":1}')), bytes('{"a":1}'), 415, { type: 'content-type.unsupported' }],
    ['text/json', withLength({ 'content-type': 'text/json' }, bytes('{}')), bytes('{}'), 415, { type: 'content-type.unsupported' }],
    [
      'application/+json (no subtype)',
      withLength({ 'content-type': 'application/+json' }, bytes('{}')),
      bytes('{}'),
      415,
      { type: 'content-type.unsupported' },
    ],
    ['text/plain with no body', { 'content-type': 'text/plain', 'content-length': '0' }, [], 200, { body: 'undefined' }],
    ['text/plain, chunked and empty', chunked({ 'content-type': 'text/plain' }), [], 200, { body: 'undefined' }],
    ['no content type, chunked and empty', chunked({}), [], 200, { body: 'undefined' }],
    ['no content type, chunked with a body', chunked({}), bytes('{}'), 415, { type: 'content-type.unsupported' }],
    ['nested exactly to the limit', withLength(json, bytes(nested(DEPTH))), bytes(nested(DEPTH)), 200, { body: JSON.parse(nested(DEPTH)) }],
    ['nested one deeper than the limit', withLength(json, bytes(nested(DEPTH + 1))), bytes(nested(DEPTH + 1)), 400, { type: 'entity.too.deep' }],
    [
      'nested too deep in objects',
      withLength(json, bytes('{"a":'.repeat(DEPTH + 1) + '1' + '}'.repeat(DEPTH + 1))),
      bytes('{"a":'.repeat(DEPTH + 1) + '1' + '}'.repeat(DEPTH + 1)),
      400,
      { type: 'entity.too.deep' },
    ],
    ['nested too deep, chunked (body-parser path)', chunked(json), bytes(nested(DEPTH + 1)), 400, { type: 'entity.too.deep' }],
    [
      'nested too deep, large (body-parser path)',
      withLength(json, bytes(padded(nested(DEPTH)))),
      bytes(padded(nested(DEPTH))),
      400,
      { type: 'entity.too.deep' },
    ],
    ['200 KB of [[[[ (body-parser path)', withLength(json, bytes(nested(100_000))), bytes(nested(100_000)), 400, { type: 'entity.too.deep' }],
    [
      '100 KB of unbalanced [[[[ (refused before JSON.parse)',
      withLength(json, bytes('['.repeat(100_000))),
      bytes('['.repeat(100_000)),
      400,
      { type: 'entity.too.deep' },
    ],
    [
      'large, with brackets and escaped quotes inside strings',
      withLength(json, bytes(padded(`["${'[{'.repeat(50)}\\"${'[{'.repeat(50)}\\\\", "\\\\"]`))),
      bytes(padded(`["${'[{'.repeat(50)}\\"${'[{'.repeat(50)}\\\\", "\\\\"]`)),
      200,
      { body: { pad: 'x'.repeat(70 * 1024), v: [`${'[{'.repeat(50)}"${'[{'.repeat(50)}\\`, '\\'] } },
    ],
    [
      'a __proto__ key',
      withLength(json, bytes('{"__proto__":{"polluted":true}}')),
      bytes('{"__proto__":{"polluted":true}}'),
      400,
      { type: 'entity.key.forbidden' },
    ],
    [
      'a nested constructor.prototype',
      withLength(json, bytes('{"a":[{"constructor":{"prototype":{"x":1}}}]}')),
      bytes('{"a":[{"constructor":{"prototype":{"x":1}}}]}'),
      400,
      { type: 'entity.key.forbidden' },
    ],
    ['an escaped __proto__ key', withLength(json, bytes('{"\\u005f_proto__":{}}')), bytes('{"\\u005f_proto__":{}}'), 400, { type: 'entity.key.forbidden' }],
    ['a __proto__ key, chunked (body-parser path)', chunked(json), bytes('{"__proto__":{"polluted":true}}'), 400, { type: 'entity.key.forbidden' }],
    [
      'a __proto__ key, large (body-parser path)',
      withLength(json, bytes(padded('{"__proto__":{}}'))),
      bytes(padded('{"__proto__":{}}')),
      400,
      { type: 'entity.key.forbidden' },
    ],
    [
      '__proto__ as a value, not a key',
      withLength(json, bytes('{"a":"__proto__","b":["constructor"]}')),
      bytes('{"a":"__proto__","b":["constructor"]}'),
      200,
      { body: { a: '__proto__', b: ['constructor'] } },
    ],
  ];

  it.each(refusals.map(([name, headers, pieces, status, body]) => ({ name, headers, pieces, status, body })))(
    'when the body is $name, then $status',
    async (c) => {
      expect(await send(port, c.headers, c.pieces)).toEqual({ status: c.status, body: c.body });
    },
  );

  it('when a refused body was parsed, then no object anywhere gained a property', async () => {
    await send(port, withLength(json, bytes('{"__proto__":{"polluted":true}}')), bytes('{"__proto__":{"polluted":true}}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
