import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { Request, Response } from 'express';
import { bytesPreview, requestBodyPreview, type BodyPreview } from './body-preview.js';

/** One request's whole exchange as the mock saw it: headers both ways and the first bytes of each body. */
export interface Exchange {
  seq: number;
  requestHeaders: IncomingHttpHeaders;
  requestBody?: BodyPreview;
  responseHeaders: OutgoingHttpHeaders;
  responseBody?: BodyPreview;
}

/** What the recorder collects while a response is written. */
export interface ResponseCapture {
  chunks: Buffer[];
  kept: number;
  bytes: number;
}

type Chunk = string | Buffer | Uint8Array;

const isChunk = (value: unknown): value is Chunk => typeof value === 'string' || value instanceof Uint8Array;

/**
 * Copies the first `max` bytes a response writes (and counts the rest) by wrapping its `write` and `end`.
 * Only a copy of the head is kept, so a 70 KB Regula result costs `max` bytes, and a stream nothing more.
 */
export function captureResponse(res: Response, max: number): ResponseCapture {
  const capture: ResponseCapture = { chunks: [], kept: 0, bytes: 0 };
  const keep = (chunk: Chunk, encoding: unknown) => {
    const room = max - capture.kept;
    if (typeof chunk === 'string') {
      const enc = typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8';
      // Counting a long string's bytes is a walk over it: Content-Length, when set, says it for free.
      if (res.getHeader('content-length') === undefined) capture.bytes += Buffer.byteLength(chunk, enc);
      if (room > 0) {
        const head = Buffer.from(chunk.length > room ? chunk.slice(0, room) : chunk, enc).subarray(0, room);
        capture.chunks.push(head);
        capture.kept += head.length;
      }
      return;
    }
    capture.bytes += chunk.length;
    if (room > 0) {
      const head = Buffer.from(chunk.subarray(0, room));
      capture.chunks.push(head);
      capture.kept += head.length;
    }
  };
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (isChunk(chunk)) keep(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as Response['write'];
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (isChunk(chunk)) keep(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as Response['end'];
  return capture;
}

/** The exchange of a finished request, from what the request kept and what the capture copied. */
export function exchangeOf(seq: number, req: Request, res: Response, capture: ResponseCapture, max: number): Exchange {
  const declared = Number(req.headers['content-length'] ?? 0);
  const requestBody = requestBodyPreview(req.body, Number.isFinite(declared) ? declared : 0, max);
  const length = Number(res.getHeader('content-length'));
  const total = Number.isInteger(length) && length >= capture.kept ? length : capture.bytes;
  return {
    seq,
    requestHeaders: req.headers,
    ...(requestBody === undefined ? {} : { requestBody }),
    responseHeaders: res.getHeaders(),
    ...(capture.kept === 0 ? {} : { responseBody: bytesPreview(capture.chunks, total, max) }),
  };
}

/** The last `capacity` exchanges, by the journal's sequence number (older ones are overwritten). */
export class ExchangeRing {
  private readonly ring: Array<Exchange | undefined>;

  constructor(readonly capacity: number) {
    this.ring = new Array<Exchange | undefined>(capacity).fill(undefined);
  }

  put(exchange: Exchange): void {
    if (this.capacity > 0) this.ring[exchange.seq % this.capacity] = exchange;
  }

  get(seq: number): Exchange | undefined {
    if (this.capacity === 0 || !Number.isInteger(seq) || seq < 0) return undefined;
    const held = this.ring[seq % this.capacity];
    return held?.seq === seq ? held : undefined;
  }

  clear(): void {
    this.ring.fill(undefined);
  }
}
