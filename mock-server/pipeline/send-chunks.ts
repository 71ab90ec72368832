import type { Response } from 'express';

/** Writes a body given as chunks in one corked write (writev), with its length set up front. */
export function sendChunks(res: Response, chunks: readonly Buffer[]): void {
  let length = 0;
  for (const chunk of chunks) length += chunk.length;
  res.setHeader('Content-Length', length);
  res.cork();
  for (const chunk of chunks) res.write(chunk);
  res.end();
  process.nextTick(() => res.uncork());
}
