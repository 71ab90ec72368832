import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import type { Request, Response } from 'express';
import { bytesPreview, jsonPreview, type BodyPreview } from './body-preview.js';

/**
 * What a response wrote, as strings: a string chunk as it was written, a Buffer chunk as a latin1 string
 * of its bytes (one byte a character, no decoding). Strings live on the heap, so keeping hundreds costs
 * the collector little, and nothing is decoded or checked until someone looks (see {@link responsePreview}).
 */
export interface ResponseCapture {
  parts: string[];
  /** Bit i set: part i holds bytes as latin1 (a Buffer chunk); clear: it is text. */
  byteParts: number;
  /** Characters (or bytes) kept so far, at most the limit. */
  kept: number;
  /** What was written in all, when no Content-Length says it. */
  bytes: number;
  /** How much to keep. */
  max: number;
}

/** The request body as kept: small parsed bodies by reference (previewed when shown), anything else cut at once. */
export type KeptRequestBody = { parsed: unknown } | { bytes: string } | { preview: BodyPreview };

/** One request's whole exchange as the mock saw it: headers both ways and the head of each body (one shape, every field set). */
export interface Exchange {
  seq: number;
  requestHeaders: IncomingHttpHeaders;
  requestBody: KeptRequestBody | undefined;
  /** The request body's size (its Content-Length, or what the parser held). */
  requestBytes: number;
  responseHeaders: OutgoingHttpHeaders;
  response: ResponseCapture | undefined;
}

type Chunk = string | Uint8Array;

/** Text and bytes alternating more often than this (never seen) ends the capture: the mask is one 32-bit number. */
const MAX_PARTS = 30;

const isChunk = (value: unknown): value is Chunk => typeof value === 'string' || value instanceof Uint8Array;

/** A Buffer's first bytes as a latin1 string (a copy: the string does not pin the Buffer's memory). */
const latin1Head = (chunk: Uint8Array, n: number): string => Buffer.from(chunk.buffer, chunk.byteOffset, Math.min(n, chunk.length)).toString('latin1');

const CAPTURE = Symbol('exchange capture');

type Locals = Record<symbol, ResponseCapture | undefined>;

function keep(res: Response, capture: ResponseCapture, chunk: Chunk): void {
  const max = capture.max;
  const room = max - capture.kept;
  const text = typeof chunk === 'string';
  // Counting a long string's bytes is a walk over it: Content-Length, when set, says it for free.
  if (res.getHeader('content-length') === undefined) capture.bytes += text ? Buffer.byteLength(chunk) : chunk.length;
  if (room <= 0 || chunk.length === 0) return;
  const head = text ? (chunk.length > room ? chunk.slice(0, room) : chunk) : latin1Head(chunk, room);
  capture.kept += head.length;
  // A part of the same kind as the last one joins it, so parts alternate kinds and the mask stays small.
  const last = capture.parts.length - 1;
  if (last >= 0 && ((capture.byteParts >> last) & 1) === (text ? 0 : 1)) {
    capture.parts[last] = capture.parts[last]! + head;
    return;
  }
  if (capture.parts.length >= MAX_PARTS) {
    capture.kept = max;
    return;
  }
  if (!text) capture.byteParts |= 1 << capture.parts.length;
  capture.parts.push(head);
}

const patched = new WeakSet<object>();

/**
 * Stands in front of `write` and `end` on an express app's own response prototype (`app.response`),
 * once: a response whose locals carry a capture keeps the head of what it writes. On the prototype, not
 * on each response: an object given methods of its own per request loses V8's fast properties, and every
 * later access to it in node's HTTP code pays for that.
 */
export function captureResponsesOf(responses: object): void {
  if (patched.has(responses)) return;
  patched.add(responses);
  const parent = Object.getPrototypeOf(responses) as { write: (...a: unknown[]) => boolean; end: (...a: unknown[]) => unknown };
  const write = parent.write;
  const end = parent.end;
  const captureOf = (res: Response) => (res.locals as Locals | undefined)?.[CAPTURE];
  Object.defineProperties(responses, {
    write: {
      configurable: true,
      writable: true,
      value: function capturedWrite(this: Response, ...args: unknown[]): boolean {
        const capture = captureOf(this);
        if (capture && isChunk(args[0])) keep(this, capture, args[0]);
        return write.apply(this, args);
      },
    },
    end: {
      configurable: true,
      writable: true,
      value: function capturedEnd(this: Response, ...args: unknown[]): unknown {
        const capture = captureOf(this);
        if (capture && isChunk(args[0])) keep(this, capture, args[0]);
        return end.apply(this, args);
      },
    },
  });
}

/**
 * Starts keeping the head of what this response writes (`max` characters or bytes) and counting the rest
 * (its app's response prototype gets {@link captureResponsesOf} the first time): a 70 KB Regula result costs a string slice.
 */
export function captureResponse(res: Response, max: number): ResponseCapture {
  // express gives each app a response prototype of its own (`app.response`): patching it touches no other server.
  captureResponsesOf((res.app as unknown as { response: object }).response);
  const capture: ResponseCapture = { parts: [], byteParts: 0, kept: 0, bytes: 0, max };
  (res.locals as Locals)[CAPTURE] = capture;
  return capture;
}

/** What a route's `req.body` keeps of the request: a small parsed body by reference, a raw or large one cut now. */
function keptBody(body: unknown, declared: number, max: number): KeptRequestBody | undefined {
  if (body === undefined || body === null) return undefined;
  if (body instanceof Uint8Array) return body.length === 0 ? undefined : { bytes: latin1Head(body, max) };
  if (typeof body === 'string') return body === '' ? undefined : { preview: bytesPreview([Buffer.from(body.slice(0, max))], Buffer.byteLength(body), max) };
  // express leaves `{}` on a bodiless request through a parser: it says nothing.
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0 && !(declared > 0)) return undefined;
  return declared > 0 && declared <= max ? { parsed: body } : { preview: jsonPreview(body, declared, max) };
}

/** The exchange of a finished request, from what the request kept and what the capture copied. */
export function exchangeOf(seq: number, req: Request, res: Response, capture: ResponseCapture, max: number): Exchange {
  const length = Number(req.headers['content-length'] ?? 0);
  const declared = Number.isFinite(length) ? length : 0;
  const written = Number(res.getHeader('content-length'));
  if (Number.isInteger(written) && written >= 0) capture.bytes = written;
  return {
    seq,
    requestHeaders: req.headers,
    requestBody: keptBody(req.body, declared, max),
    requestBytes: declared,
    responseHeaders: res.getHeaders(),
    response: capture.kept === 0 ? undefined : capture,
  };
}

/** The request body's head as shown, made when someone looks. */
export function requestPreview(exchange: Exchange, max: number): BodyPreview | undefined {
  const body = exchange.requestBody;
  if (body === undefined) return undefined;
  if ('preview' in body) return body.preview;
  if ('bytes' in body) return bytesPreview([Buffer.from(body.bytes, 'latin1')], Math.max(exchange.requestBytes, body.bytes.length), max);
  return jsonPreview(body.parsed, exchange.requestBytes, max);
}

/** The response body's head as shown, made when someone looks. */
export function responsePreview(exchange: Exchange, max: number): BodyPreview | undefined {
  const capture = exchange.response;
  if (!capture) return undefined;
  const buffers = capture.parts.map((part, i) => Buffer.from(part, (capture.byteParts >> i) & 1 ? 'latin1' : 'utf8'));
  return bytesPreview(buffers, capture.bytes, max);
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
