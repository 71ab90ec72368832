// Bare express 5 on N node:cluster workers, serving fixed bodies: the ceiling any express app reaches on this
// machine with that many workers, beside WireMock's static stubs (a mock can only be slower than this).
import cluster from 'node:cluster';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import express from 'express';

/** One fixed answer: what WireMock's stub serves, served here the same way (bytes as they are). */
export interface StaticRoute {
  method: 'GET' | 'POST';
  url: string;
  body: string;
  contentType: string;
}

const workers = Number(process.env.WORKERS ?? 2);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

if (cluster.isPrimary) {
  const port = await freePort();
  let listening = 0;
  for (let i = 0; i < workers; i++) {
    cluster.fork({ PORT: String(port) }).once('listening', () => {
      if (++listening === workers) process.stdout.write(`listening on http://127.0.0.1:${port}\n`);
    });
  }
  process.once('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
    process.exit(0);
  });
} else {
  const routes = JSON.parse(readFileSync(process.env.STATIC_ROUTES!, 'utf8')) as StaticRoute[];
  const app = express();
  app.set('etag', false);
  for (const route of routes) {
    const send = (_req: express.Request, res: express.Response) => {
      res.type(route.contentType).send(route.body);
    };
    if (route.method === 'GET') app.get(route.url, send);
    else app.post(route.url, send);
  }
  app.listen(Number(process.env.PORT), '127.0.0.1');
}
