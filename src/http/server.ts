import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import restify, { type Server } from 'restify';
import { refuseOtherSites } from './localOnly.js';

/** Limits on slow or piled-up connections, so a few clients cannot hold the server's sockets. */
export type ConnectionLimits = {
  /** A request's headers, and then its body, must each arrive within this; Node's default is 300 s. */
  requestTimeoutMs: number;
  /** Open connections one address may hold; more are closed at once. */
  perAddress: number;
};

/** How long an idle keep-alive connection is kept open (longer than the clients' and proxies' own). */
export const KEEP_ALIVE_MS = 65_000;

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  requestTimeoutMs: 20_000,
  perAddress: 100,
};

/**
 * The HTTP server: restify with a JSON body parser (botbuilder needs the parsed body). `localOnly` (no
 * credentials): only this machine's own clients are answered, on every route (see refuseOtherSites).
 */
export function createHttpServer(opts: { localOnly: boolean; limits?: ConnectionLimits }): Server {
  const limits = opts.limits ?? DEFAULT_CONNECTION_LIMITS;
  const server = restify.createServer({ name: 'send-outcomes-bot' });
  server.server.requestTimeout = limits.requestTimeoutMs;
  server.server.headersTimeout = limits.requestTimeoutMs;
  // An idle connection is kept longer than the client or proxy in front keeps it (Azure's front ends and most
  // load balancers: 60 s or more), so they close it first. Node's 5 s default closes sockets a proxy may be
  // sending on at that moment: the request meets a reset (a 502, or ECONNRESET in the tests when the event
  // loop stalls). Idle connections cost a socket each; the per-address cap below still bounds them.
  server.server.keepAliveTimeout = KEEP_ALIVE_MS;
  limitConnectionsPerAddress(server, limits.perAddress);
  limitSlowHeaders(server, limits.requestTimeoutMs);
  limitSlowBodies(server, limits.requestTimeoutMs);
  if (opts.localOnly) server.pre(refuseOtherSites);
  // JSON only: restify's general parser also took forms and multipart uploads, writing each uploaded file,
  // of any size, to the temporary folder and never removing it. Every route here reads JSON or nothing.
  server.use(restify.plugins.bodyReader({ maxBodySize: 256 * 1024 }));
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true }));
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
 * Headers that trickle in (a byte a second) hold a socket too, and Node checks its header timeout only every
 * 30 s. So each connection has this long to deliver a request's headers: from when it opens, and on a
 * kept-alive connection again from when the last answer was sent.
 */
function limitSlowHeaders(server: Server, ms: number): void {
  const waiting = new WeakMap<Socket, { timer?: NodeJS.Timeout; inFlight: number }>();
  const arm = (socket: Socket) => {
    const state = waiting.get(socket);
    if (!state || state.inFlight > 0 || socket.destroyed) return;
    clearTimeout(state.timer);
    state.timer = setTimeout(() => socket.destroy(), ms);
    state.timer.unref();
  };
  server.server.on('connection', (socket: Socket) => {
    waiting.set(socket, { inFlight: 0 });
    arm(socket);
    socket.once('close', () => clearTimeout(waiting.get(socket)?.timer));
  });
  server.server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const state = waiting.get(req.socket);
    if (!state) return;
    clearTimeout(state.timer);
    state.inFlight++;
    res.once('close', () => {
      state.inFlight--;
      arm(req.socket);
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
