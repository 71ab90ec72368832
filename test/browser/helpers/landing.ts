import { createServer, type Server } from 'node:http';

/** The backend's own pages on another origin: where `target`/`target_error` send the browser, and a page that iframes the flow. */
export async function startLanding() {
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://landing');
    const frame = url.searchParams.get('frame');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (url.pathname === '/embed' && frame !== null) {
      res.end(`<!doctype html><title>shop</title><h1>Our shop</h1><iframe id="flow" src="${frame.replace(/"/g, '&quot;')}" width="480" height="800"></iframe>`);
      return;
    }
    res.end(`<!doctype html><title>landed</title><h1 id="landed">${url.pathname}</h1>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
