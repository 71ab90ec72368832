import type { AddressInfo, Socket } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendJsonChunks } from '../../mock-server/pipeline/send-chunks.js';

describe('sendJsonChunks', () => {
  const chunks = [Buffer.from('{"a":"'), Buffer.alloc(70_000, 'x'), Buffer.from('"}')];
  const writes = { writev: 0, write: 0 };
  let server: ReturnType<express.Express['listen']>;
  let url = '';
  beforeAll(async () => {
    const app = express();
    app.get('/', (_req, res) => {
      sendJsonChunks(res, 201, chunks);
    });
    server = app.listen(0, '127.0.0.1');
    // Counts what the server side of each connection hands to the kernel.
    server.on('connection', (socket: Socket) => {
      const s = socket as unknown as { _writev: (...a: unknown[]) => unknown; _write: (...a: unknown[]) => unknown };
      const [writev, write] = [s._writev.bind(socket), s._write.bind(socket)];
      s._writev = (...a) => (writes.writev++, writev(...a));
      s._write = (...a) => (writes.write++, write(...a));
    });
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) =>
        server.close(() => {
          resolve();
        }),
      ),
  );

  it('when a body goes out as chunks, then headers and every chunk leave in one writev with the right length and type', async () => {
    const res = await fetch(url);
    const text = await res.text();
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-length')).toBe(String(70_008));
    expect(text).toBe(Buffer.concat(chunks).toString());
    expect(writes).toEqual({ writev: 1, write: 0 });
  });
});
