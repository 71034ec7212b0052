import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import restify, { type Server } from 'restify';

/** Limits on slow or piled-up connections, so a few clients cannot hold the server's sockets. */
export type ConnectionLimits = {
  /** The whole request (headers and body) must arrive within this; Node's default is 300 s. */
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  /** Open connections one address may hold; more are closed at once. */
  perAddress: number;
};

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 20_000,
  headersTimeoutMs: 10_000,
  perAddress: 100,
};

/** The HTTP server: restify with a JSON body parser (botbuilder needs the parsed body). */
export function createHttpServer(limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS): Server {
  const server = restify.createServer({ name: 'send-outcomes-bot' });
  server.server.requestTimeout = limits.requestTimeoutMs;
  server.server.headersTimeout = limits.headersTimeoutMs;
  limitConnectionsPerAddress(server, limits.perAddress);
  limitSlowBodies(server, limits.requestTimeoutMs);
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  return server;
}

/** Behind a proxy every client shares its address, so the cap is generous; it stops one client hoarding sockets. */
function limitConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > max) {
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}

/**
 * A body that trickles in (a byte every few seconds) holds a socket; Node checks its own request timeout
 * only every 30 s, so the deadline is kept here, from when the headers arrived.
 */
function limitSlowBodies(server: Server, ms: number): void {
  server.server.on('request', (req: IncomingMessage) => {
    if (req.complete) return;
    const timer = setTimeout(() => {
      if (!req.complete) req.socket.destroy();
    }, ms);
    timer.unref();
    const done = () => clearTimeout(timer);
    req.once('end', done);
    req.once('close', done);
  });
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
