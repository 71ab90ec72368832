// The webhook outbox under load, in one process: deliveries per second to a bare node:http sink answering
// 204, then the heap it holds when 50,000 events go to a receiver that never answers. Run with
// --expose-gc (bench/run.ts does) so the heap figure is after collection. Prints one JSON line.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { parseConfig } from '../mock-server/config.js';
import { VirtualClock } from '../mock-server/core/clock.js';
import { randomIds } from '../mock-server/core/ids.js';
import { postWithHttp } from '../mock-server/webhooks/post-webhook.js';
import { WebhookDelivery } from '../mock-server/webhooks/webhook-delivery.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

async function listen(handler: RequestListener): Promise<{ url: string; server: Server; sockets: Set<Socket> }> {
  const server = createServer(handler);
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/hook`, server, sockets };
}

const close = ({ server, sockets }: { server: Server; sockets: Set<Socket> }) =>
  new Promise<void>((resolve) => {
    for (const s of sockets) s.destroy();
    server.close(() => {
      resolve();
    });
  });

const body = JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', status: 'Accepted', pad: 'x'.repeat(1200) });
const { webhooks: limits } = parseConfig({});
const delivery = (maxQueuedPerTarget = limits.maxQueuedPerTarget) =>
  new WebhookDelivery(
    { ...limits, maxQueuedPerTarget },
    { clock: new VirtualClock(), ids: randomIds, random: Math.random, elapsed: () => performance.now(), post: postWithHttp },
  );

// Deliveries per second: keep the outbox topped up for a fixed number of events.
const sink = await listen((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(204).end());
});
const fast = delivery(limits.maxQueued);
const total = Number(process.argv[2] ?? 20_000);
const started = performance.now();
let sent = 0;
while (fast.stats().delivered < total) {
  while (sent < total && fast.stats().queued + fast.stats().inFlight < 2_000) {
    fast.enqueue({ owner: 'bench', source: 'bench', resourceId: String(sent), url: sink.url, body, headers: { 'content-type': 'application/json' } });
    sent++;
  }
  await new Promise((resolve) => setImmediate(resolve));
}
const deliveriesPerSecond = Math.round(total / ((performance.now() - started) / 1000));
await close(sink);

// Memory with a receiver that never answers: the caps hold it.
const stuck = await listen(() => undefined);
const slow = delivery();
gc();
const before = process.memoryUsage().heapUsed;
// Each body its own string, as real events are.
for (let i = 0; i < 50_000; i++) slow.enqueue({ owner: 'bench', source: 'bench', resourceId: String(i), url: stuck.url, body: `${body}${i}`, headers: {} });
await new Promise((resolve) => setTimeout(resolve, 500));
gc();
const heldBytes = process.memoryUsage().heapUsed - before;
const stats = slow.stats();
slow.clear();
await close(stuck);
process.stdout.write(
  `${JSON.stringify({ deliveriesPerSecond, total, stuckQueued: stats.queued + stats.inFlight, stuckDropped: stats.dropped['target-full'], heldBytes })}\n`,
);
process.exit(0);
