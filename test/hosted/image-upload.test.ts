import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { encodePng } from '../../fixtures/images/png.js';
import { checkImage, readMultipart, sniffImage } from '../../mock-server/hosted/image-upload.js';

const PNG = encodePng(4, 4, new Uint8Array(4 * 4 * 3).fill(200));
const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const TEXT = Buffer.from('this is a text file renamed photo.png\n');

describe('hosted uploads: what a file is, by its bytes', () => {
  it.each([
    { what: 'a PNG', bytes: PNG, type: 'image/png' },
    { what: 'a JPEG', bytes: JPEG_HEAD, type: 'image/jpeg' },
    { what: 'a text file', bytes: TEXT, type: undefined },
    { what: 'three bytes of a PNG signature', bytes: PNG.subarray(0, 3), type: undefined },
    { what: 'nothing', bytes: Buffer.alloc(0), type: undefined },
  ])('when the bytes are $what, then the sniffed type is $type', ({ bytes, type }) => {
    expect(sniffImage(bytes)).toBe(type);
  });

  it.each([
    { what: 'a PNG under the limit', bytes: PNG, max: 1000, problem: undefined },
    { what: 'a PNG over the limit', bytes: PNG, max: PNG.length - 1, problem: 'too-large' },
    { what: 'a PNG of exactly the limit', bytes: PNG, max: PNG.length, problem: undefined },
    { what: 'a text file', bytes: TEXT, max: 1000, problem: 'not-an-image' },
    { what: 'an empty file', bytes: Buffer.alloc(0), max: 1000, problem: 'empty' },
  ])('when a buffer is $what, then the check answers $problem', ({ bytes, max, problem }) => {
    expect(checkImage(bytes, max)).toBe(problem);
  });
});

describe('hosted uploads: a browser form post read with bounded memory', () => {
  const MAX = 2048;
  let server: Server;
  let url = '';
  const settled: unknown[] = [];
  let started = 0;
  beforeAll(async () => {
    const app = express();
    app.post('/upload', async function upload(req, res) {
      started++;
      const form = await readMultipart(req, { maxFileBytes: MAX, maxFiles: 2 });
      settled.push(form);
      if (!form) res.status(400).json({ unreadable: true });
      else res.json(form);
    });
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/upload`;
  });
  afterAll(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  );

  const post = async (parts: Record<string, Buffer | string>) => {
    const body = new FormData();
    for (const [name, value] of Object.entries(parts)) {
      if (typeof value === 'string') body.append(name, value);
      else body.append(name, new Blob([value]), `${name}.png`);
    }
    const res = await fetch(url, { method: 'POST', body });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('when a form carries a PNG and a field, then the file is typed by its bytes and counted, and the field read', async () => {
    const { status, body } = await post({ note: 'hello', front: PNG });
    expect(status).toBe(200);
    expect(body).toEqual({ fields: { note: 'hello' }, files: { front: { bytes: PNG.length, type: 'image/png' } } });
  });

  it('when a text file is named .png, then it is refused as not-an-image', async () => {
    const { body } = await post({ front: TEXT });
    expect(body.files).toEqual({ front: { bytes: TEXT.length, problem: 'not-an-image' } });
  });

  it('when a file is larger than the limit, then it is refused as too-large (and the rest of the form still read)', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(MAX * 4)]);
    const { status, body } = await post({ front: big, back: PNG });
    expect(status).toBe(200);
    expect(body.files).toEqual({ front: { bytes: MAX, type: 'image/png', problem: 'too-large' }, back: { bytes: PNG.length, type: 'image/png' } });
  });

  it('when a file is empty, then it is refused as empty', async () => {
    const { body } = await post({ front: Buffer.alloc(0) });
    expect(body.files).toEqual({ front: { bytes: 0, problem: 'empty' } });
  });

  it('when the body is not multipart, then the reader answers undefined (the page says unreadable), never throws', async () => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    const broken = await fetch(url, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: '--xyz\r\ngarbage' });
    expect(broken.status).toBe(400);
  });

  it('when more files come than allowed, then the extra ones are not read', async () => {
    const { body } = await post({ a: PNG, b: PNG, c: PNG });
    expect(Object.keys(body.files as object)).toEqual(['a', 'b']);
  });

  it('when the browser goes away mid-upload, then the reader settles (undefined) and the handler is not left waiting', async () => {
    const [before, startedBefore] = [settled.length, started];
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n' +
        '--b\r\nContent-Disposition: form-data; name="front"; filename="f.png"\r\nContent-Type: image/png\r\n\r\n' +
        PNG.toString('latin1'),
    );
    await vi.waitFor(() => {
      expect(started).toBe(startedBefore + 1);
    });
    socket.destroy();
    await vi.waitFor(() => {
      expect(settled.length).toBe(before + 1);
    });
    expect(settled.at(-1)).toBeUndefined();
  });
});
