import express, { type NextFunction, type Request, type RequestHandler } from 'express';

/** Bodies up to this size that qualify are read without body-parser's streams and decoders. */
const FAST_PATH_MAX_BYTES = 64 * 1024;

/** The first character after JSON's own whitespace (not Unicode's), as body-parser finds it. */
// eslint-disable-next-line no-control-regex -- JSON's whitespace is three control characters and the space.
const JSON_FIRST_CHAR = /^[\x20\x09\x0a\x0d]*([^\x20\x09\x0a\x0d]|$)/;

const PLAIN_JSON = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** `application/json` or `application/*+json` (problem+json, merge-patch+json), with any parameters. */
export function isJsonMediaType(type: string): boolean {
  const semi = type.indexOf(';');
  const media = (semi === -1 ? type : type.slice(0, semi)).trim().toLowerCase();
  return media === 'application/json' || (media.length > 17 && media.startsWith('application/') && media.endsWith('+json'));
}

const notJson = (): Error => parserError(415, 'content-type.unsupported', 'The request body is not JSON.');

/**
 * A chunked request that is not JSON: 415 once a byte of body arrives, on as before if it ends empty
 * (some clients, Pact's verifier among them, send bodiless POSTs chunked). Rare, so closures are fine.
 */
function refuseUnlessEmpty(req: Request, next: NextFunction): void {
  let settled = false;
  req.on('data', (chunk: Buffer) => {
    if (settled || chunk.length === 0) return;
    settled = true;
    next(notJson());
  });
  req.on('end', () => {
    if (settled) return;
    settled = true;
    next();
  });
  req.on('close', () => {
    if (settled) return;
    settled = true;
    next(parserError(400, 'request.aborted', 'request aborted'));
  });
}

/** An error shaped like body-parser's (status + type), so the error handler answers both the same way. */
function parserError(status: number, type: string, message: string): Error {
  return Object.assign(new Error(message), { status, statusCode: status, type, expose: true });
}

/**
 * Refuses what JSON.parse accepts but a route must never see: nesting deeper than `maxDepth`, and
 * `__proto__` or `constructor` keys (fastify's secure-json-parse refuses the same by default). One
 * iterative walk over the parsed value, with an explicit stack, so 1 MB of `[[[[` cannot overflow the
 * call stack. It visits each object and array once: about a tenth of what JSON.parse spent on the same
 * body (0.2 us on a 2 KB Regula request; 0.3 ms on 130 KB of small objects, against 1.5 ms to parse).
 * The key checks ride along, so no reviver and no scan of the text: and they see the keys JSON.parse
 * decoded, so `"\u005f_proto__"` is caught too.
 */
function refusedShape(root: unknown, maxDepth: number): Error | undefined {
  if (typeof root !== 'object' || root === null) return undefined;
  const values: object[] = [root];
  const depths: number[] = [1];
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (depth > maxDepth) return tooDeep(maxDepth);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const child: unknown = value[i];
        if (typeof child === 'object' && child !== null) {
          values.push(child);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    for (const key in value) {
      if (key === '__proto__' || key === 'constructor') return parserError(400, 'entity.key.forbidden', `The JSON body has a "${key}" key, which is refused.`);
      const child: unknown = (value as Record<string, unknown>)[key];
      if (typeof child === 'object' && child !== null) {
        values.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return undefined;
}

/**
 * Whether raw UTF-8 JSON nests deeper than `maxDepth`, before JSON.parse sees it: V8 parses deep nesting
 * without overflowing, but slowly (24 MB of `[[[[` blocks the loop for 7 s), and the Regula routes take
 * 25 MB. Strings are skipped with the native indexOf (a base64 image is one jump), so only the structure
 * is walked byte by byte. Used on body-parser's path only: the fast path's 64 KiB parse in a few ms.
 */
function deeperThan(buf: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (c === 0x22) {
      let end = buf.indexOf(0x22, i + 1);
      for (;;) {
        if (end === -1) return false; // unterminated: JSON.parse says so
        let backslashes = 0;
        while (buf[end - 1 - backslashes] === 0x5c) backslashes++;
        if ((backslashes & 1) === 0) break;
        end = buf.indexOf(0x22, end + 1);
      }
      i = end;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

const tooDeep = (maxDepth: number): Error => parserError(400, 'entity.too.deep', `The JSON body is nested deeper than ${maxDepth} levels.`);

/** body-parser's strict mode: only an object or an array is a JSON body. */
function parseStrict(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = JSON_FIRST_CHAR.exec(body)![1];
  if (first !== '{' && first !== '[') throw parserError(400, 'entity.parse.failed', `Unexpected token ${first || 'end of input'} in JSON`);
  try {
    return JSON.parse(body);
  } catch (e) {
    throw parserError(400, 'entity.parse.failed', e instanceof Error ? e.message : 'invalid JSON');
  }
}

/**
 * `express.json`, with a fast path for what clients send almost always: a small identity-encoded UTF-8
 * JSON body with a declared length. It is read straight off the request, which on the busiest Regula
 * route costs a tenth of the request; anything else (compressed, chunked, another charset, a +json type,
 * larger) goes to body-parser, whose answers and errors stay the reference for both paths. Unlike
 * body-parser, a body of any other media type (or none) is refused with 415 rather than skipped, and
 * both paths refuse what {@link refusedShape} refuses.
 */
export function jsonBody(limit: number, maxDepth: number): RequestHandler {
  // The media type is checked before body-parser runs, so it parses whatever reaches it. Its verify hook
  // sees the raw body before JSON.parse (a throw with a status becomes that error).
  const parser: RequestHandler = express.json({
    limit,
    type: () => true,
    verify: (_req, _res, buf, encoding) => {
      if (encoding === 'utf-8' && deeperThan(buf, maxDepth)) throw tooDeep(maxDepth);
    },
  });
  const fastMax = Math.min(limit, FAST_PATH_MAX_BYTES);
  return (req, res, next) => {
    const { headers } = req;
    const type = headers['content-type'];
    const plain = type !== undefined && PLAIN_JSON.test(type);
    const length = Number(headers['content-length']);
    if (!plain && (type === undefined || !isJsonMediaType(type))) {
      if (length > 0) next(notJson());
      else if (headers['transfer-encoding'] !== undefined) refuseUnlessEmpty(req, next);
      else next();
      return;
    }
    if (!plain || !(length > 0 && length <= fastMax) || headers['content-encoding'] !== undefined) {
      // body-parser's streams and decoders allocate closures per request anyway; this one is noise there.
      parser(req, res, (err?: unknown) => {
        next(err ?? refusedShape(req.body, maxDepth));
      });
      return;
    }
    // Inline callbacks, not named ones: tsx keeps function names by defining `name` on every closure it
    // creates, which per request is a measurable cost. `settled` stands in for removing the listeners.
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let received = 0;
    let settled = false;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (first === undefined) first = chunk;
      else (more ??= [first]).push(chunk);
    });
    req.on('end', () => {
      settled = true;
      // Node frames the body by Content-Length, so this only guards against a parser that did not.
      if (received !== length) {
        next(parserError(400, 'request.size.invalid', 'request size did not match content length'));
        return;
      }
      let body: unknown;
      try {
        body = parseStrict((more === undefined ? first! : Buffer.concat(more)).toString('utf8'));
      } catch (e) {
        next(e);
        return;
      }
      const refused = refusedShape(body, maxDepth);
      if (refused) {
        next(refused);
        return;
      }
      req.body = body;
      next();
    });
    req.on('close', () => {
      if (settled) return;
      settled = true;
      next(parserError(400, 'request.aborted', 'request aborted'));
    });
    req.on('error', (e: Error) => {
      if (settled) return;
      settled = true;
      next(parserError(400, 'request.aborted', e.message));
    });
  };
}
