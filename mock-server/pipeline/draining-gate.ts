import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

const REFUSAL = JSON.stringify({ statusCode: 503, message: 'Service is shutting down.' });

/**
 * While shutting down, requests that still arrive on kept-alive sockets get 503 and a closed connection.
 * It sits in front of the app rather than in it, so serving costs one flag check, not an express layer.
 */
export function drainingGate(app: (req: IncomingMessage, res: ServerResponse) => void, lifecycle: { draining: boolean }): RequestListener {
  return (req, res) => {
    if (!lifecycle.draining) {
      app(req, res);
      return;
    }
    res.writeHead(503, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(REFUSAL),
      Connection: 'close',
      'Retry-After': '1',
    });
    res.end(REFUSAL);
  };
}
