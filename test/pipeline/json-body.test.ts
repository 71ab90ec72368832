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
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
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
  ['another media type', { 'content-type': 'text/plain' }, bytes('{"a":1}')],
  ['a +json media type', { 'content-type': 'application/problem+json' }, bytes('{"a":1}')],
  ['over the limit', json, bytes(JSON.stringify({ pad: 'x'.repeat(LIMIT) }))],
  ['exactly at the limit', json, bytes(JSON.stringify({ pad: 'x'.repeat(LIMIT - 10) }))],
];

describe('JSON bodies: the fast path answers exactly as body-parser does', () => {
  const servers: http.Server[] = [];
  let fast = 0;
  let reference = 0;
  const listen = (app: express.Express) =>
    new Promise<number>((resolve) => {
      const server = app.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
      servers.push(server);
    });
  beforeAll(async () => {
    fast = await listen(echo(jsonBody(LIMIT)));
    reference = await listen(echo(express.json({ limit: LIMIT })));
  });
  afterAll(() => servers.forEach((s) => s.close()));

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
    const [ours, theirs] = await Promise.all([send(fast, { ...json, 'transfer-encoding': 'chunked' }, pieces), send(reference, { ...json, 'transfer-encoding': 'chunked' }, pieces)]);
    expect(ours).toEqual({ status: 200, body: { body: { chunked: true } } });
    expect(ours).toEqual(theirs);
  });

  it('when the client goes away mid-body, then the next request on a new connection is served', async () => {
    await new Promise<void>((resolve) => {
      const req = http.request({ port: fast, host: '127.0.0.1', method: 'POST', path: '/', headers: { ...json, 'content-length': '100' } });
      req.on('error', () => resolve());
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
