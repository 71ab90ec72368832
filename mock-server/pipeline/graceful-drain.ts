import type { Server, ServerResponse } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import { Server as TlsServer } from 'node:tls';

/**
 * Every open socket of the server; costs a listener per connection, nothing per request. Over TLS the
 * sockets HTTP reads from (and whose requests `drain` waits for) are the TLS ones, after the handshake.
 */
export function trackSockets(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on(server instanceof TlsServer ? 'secureConnection' : 'connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return sockets;
}

/**
 * Stops accepting connections and lets the open ones end by themselves: a request that arrives on a
 * kept-alive socket gets the draining gate's 503 with `Connection: close`, one in flight its real
 * answer and then a close. `http.Server.close()` would instead destroy idle kept-alive sockets at once,
 * resetting any request already on the wire to them; here a socket is closed only once it has been
 * silent for `quietMs`. After `graceMs` every socket is closed, whatever it is doing.
 */
export function drain(server: Server, sockets: ReadonlySet<Socket>, { graceMs, quietMs }: { graceMs: number; quietMs: number }): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.closeAllConnections();
    }, graceMs);
    force.unref();
    NetServer.prototype.close.call(server, () => {
      clearTimeout(force);
      resolve();
    });
    // Sockets that go idle from now on time out after the quiet period (node arms this after each answer).
    server.keepAliveTimeout = quietMs;
    // A TLS handshake under way now ends in a socket that has sent nothing yet: idle from its start.
    if (server instanceof TlsServer)
      server.on('secureConnection', (socket: Socket) => {
        socket.setTimeout(quietMs);
      });
    for (const socket of sockets) {
      // In flight: its answer goes out whole, and the socket's next request gets the gate's 503 and close.
      const current = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
      if (current && !current.writableFinished) continue;
      // Idle now: node cancels this timer itself if a request arrives, which the gate then answers.
      socket.setTimeout(quietMs);
    }
  });
}
