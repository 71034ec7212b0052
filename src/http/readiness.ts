import { Server as NetServer } from 'node:net';
import type { Request, Response, Server } from 'restify';

/** A readiness check: resolves when its part works; `signal` aborts when the probe's time is up. */
export type ReadinessCheck = (signal: AbortSignal) => Promise<unknown> | unknown;

/** Platforms probe every few seconds and give up after a few more: a slow store counts as down. */
export const READY_TIMEOUT_MS = 2_000;

export type ReadinessResult = { ready: true } | { ready: false; failed: string; error?: unknown };

/**
 * Whether this instance should be sent traffic: every check answers in time, and shutdown has not begun.
 * Only `GET /readyz` uses it; `GET /healthz` stays "process up", so a platform that restarts on a failed
 * liveness probe does not restart an instance whose store is briefly away.
 */
export class Readiness {
  private stopping = false;

  constructor(
    private readonly checks: Record<string, ReadinessCheck>,
    private readonly timeoutMs = READY_TIMEOUT_MS,
  ) {}

  /** From now on not ready, so the platform stops routing here while requests in flight finish. */
  beginShutdown(): void {
    this.stopping = true;
  }

  async check(): Promise<ReadinessResult> {
    if (this.stopping) return { ready: false, failed: 'shutting down' };
    const signal = AbortSignal.timeout(this.timeoutMs);
    const timedOut = new Promise<never>((_resolve, reject) =>
      signal.addEventListener('abort', () => reject(new Error(`no answer within ${this.timeoutMs} ms`)), {
        once: true,
      }),
    );
    timedOut.catch(() => undefined);
    for (const [name, check] of Object.entries(this.checks)) {
      try {
        // Raced as well as given the signal: a check that ignores its signal still cannot hold the probe.
        await Promise.race([Promise.resolve().then(() => check(signal)), timedOut]);
      } catch (error) {
        return { ready: false, failed: name, error };
      }
    }
    return this.stopping ? { ready: false, failed: 'shutting down' } : { ready: true };
  }
}

/**
 * GET /readyz: 200 `{"status":"ready"}` or 503 `{"status":"not ready"}`, and nothing else — no check names,
 * error messages or addresses, since anyone who can reach the bot can ask. `onChange` hears why (for the
 * log), once per change rather than once per probe.
 */
export function registerReadiness(
  server: Server,
  readiness: Readiness,
  onChange: (result: ReadinessResult) => void = () => undefined,
): void {
  let last: boolean | undefined;
  server.get('/readyz', async (_req: Request, res: Response): Promise<void> => {
    const result = await readiness.check();
    if (result.ready !== last) onChange(result);
    last = result.ready;
    res.writeHead(result.ready ? 200 : 503, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(JSON.stringify({ status: result.ready ? 'ready' : 'not ready' }));
  });
}

/**
 * How long requests in flight get to finish when the bot stops. Teams sends a turn again after about 15 s
 * anyway, so a turn still running then has already been given up on by its sender.
 */
export const DRAIN_DEADLINE_MS = 15_000;
/** At most this long after the stop the listener still takes connections the kernel had already completed. */
const ACCEPT_WINDOW_MS = 500;
/** How long a connection taken just before the stop has to send its request before idle ones are closed. */
const IDLE_GRACE_MS = 1_000;
const netClose = NetServer.prototype.close;

/**
 * Stops taking connections and waits until the requests in flight are answered, or `deadlineMs` passes and
 * whatever is left is closed. A kept-alive connection with nothing in flight is closed at once, and each
 * other one as soon as its answer is sent: left open, they would hold the server until their idle timeout.
 */
export function drainServer(server: Server, deadlineMs = DRAIN_DEADLINE_MS): Promise<'drained' | 'deadline'> {
  const http = server.server;
  return new Promise((resolve) => {
    let sweep: NodeJS.Timeout | undefined;
    let grace: NodeJS.Timeout | undefined;
    let deadline: NodeJS.Timeout | undefined;
    const finish = (how: 'drained' | 'deadline') => {
      clearTimeout(grace);
      clearInterval(sweep);
      clearTimeout(deadline);
      resolve(how);
    };
    const close = () => {
      // Only the listener is closed here (net.Server's close): http.Server's own close also drops every
      // connection with no request yet, and a connection just taken whose request is still on its way is one a
      // family already sent. Idle connections are closed from a moment later, once such requests have arrived.
      netClose.call(http, () => finish('drained'));
      grace = setTimeout(() => {
        http.closeIdleConnections();
        sweep = setInterval(() => http.closeIdleConnections(), 50);
      }, IDLE_GRACE_MS);
      deadline = setTimeout(() => {
        http.closeAllConnections();
        finish('deadline');
      }, deadlineMs);
    };
    // Connections the kernel has already completed are taken and answered, not reset with the listening socket.
    // Node takes one waiting connection per turn of its event loop, so under load several can be waiting when the
    // stop comes: the listener stays open until a whole turn (its poll for connections included) takes none, for
    // at most ACCEPT_WINDOW_MS should clients keep coming. Readiness already says "not ready" by now, so a
    // platform has stopped routing new ones here.
    let taken = 0;
    const count = () => void taken++;
    http.on('connection', count);
    const began = performance.now();
    const closeWhenNoneWaiting = (takenBefore: number) =>
      setImmediate(() => {
        if (taken !== takenBefore && performance.now() - began < ACCEPT_WINDOW_MS)
          return void closeWhenNoneWaiting(taken);
        http.off('connection', count);
        close();
      });
    // -1: the first check (this turn, before its next poll) never closes.
    closeWhenNoneWaiting(-1);
  });
}
