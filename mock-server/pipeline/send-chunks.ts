import type { Response } from 'express';

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Writes a JSON body given as chunks in one writev, with its length set up front. Sets
 * status and type directly: express's `status()`/`type()` validate and look up the MIME type every call.
 */
export function sendJsonChunks(res: Response, status: number, chunks: readonly Buffer[]): void {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  res.statusCode = status;
  res.setHeader('Content-Type', JSON_TYPE);
  res.setHeader('Content-Length', length);
  // No cork of our own: node corks the socket on a response's first write until the tick ends (tested).
  for (const chunk of chunks) res.write(chunk);
  res.end();
}
