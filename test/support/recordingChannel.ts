import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { conversationId: string; body: Record<string, any>; at: number };
/** What the channel answers one conversation, in order; after the script runs out, 201. */
export type Scripted = { status: number; retryAfter?: string };

/**
 * A local HTTP server standing in for Teams' service URL (the Bot Framework Connector REST API), for
 * proactive-send tests: it records every message, can answer a conversation with a script of statuses
 * (403, 404, 500, 429 with or without Retry-After), can enforce a rate limit like Teams (429 with
 * Retry-After when exceeded), and can be slow, so a test can kill the bot mid-send.
 */
export class RecordingChannel {
  readonly received: Received[] = [];
  readonly rejected: { conversationId: string; status: number; at: number }[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private inFlight = 0;
  maxInFlight = 0;
  private tokens: number;
  private last = Date.now();

  private constructor(
    private readonly server: Server,
    readonly url: string,
    private readonly opts: { perSecond?: number; delayMs?: number },
  ) {
    this.tokens = opts.perSecond ?? 0;
  }

  static async start(opts: { perSecond?: number; delayMs?: number } = {}): Promise<RecordingChannel> {
    let channel: RecordingChannel | undefined;
    const server = createServer((req, res) => void channel!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    channel = new RecordingChannel(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, opts);
    return channel;
  }

  /** Waits for a message to one conversation whose text matches (a job reporting back after its turn). */
  async waitForText(conversationId: string, pattern: RegExp, timeoutMs = 60_000): Promise<Received> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = this.received.find(
        (r) => r.conversationId === conversationId && pattern.test(String(r.body.text ?? '')),
      );
      if (found) return found;
      if (Date.now() > until) throw new Error(`no message matching ${pattern} reached ${conversationId}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  script(conversationId: string, ...responses: Scripted[]): void {
    this.scripts.set(conversationId, responses);
  }

  /** Messages that reached each conversation (accepted ones only). */
  deliveredTo(conversationId: string): Received[] {
    return this.received.filter((r) => r.conversationId === conversationId);
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/v3\/conversations\/([^/]+)\/activities\/?$/.exec(req.url ?? '');
    const body = await readBody(req);
    if (req.method !== 'POST' || !match)
      return send(res, 404, { error: { code: 'NotFound', message: `no route ${req.method} ${req.url}` } });
    const conversationId = decodeURIComponent(match[1]);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.opts.delayMs) await new Promise((r) => setTimeout(r, this.opts.delayMs));
      if (!this.allow()) {
        this.rejected.push({ conversationId, status: 429, at: Date.now() });
        return send(res, 429, { error: { code: 'Throttled', message: 'rate limit' } }, { 'retry-after': '1' });
      }
      const next = this.scripts.get(conversationId)?.shift();
      if (next && next.status >= 300) {
        this.rejected.push({ conversationId, status: next.status, at: Date.now() });
        return send(
          res,
          next.status,
          { error: { code: 'Scripted', message: `scripted ${next.status}` } },
          next.retryAfter ? { 'retry-after': next.retryAfter } : {},
        );
      }
      this.received.push({ conversationId, body: JSON.parse(body || '{}'), at: Date.now() });
      return send(res, 201, { id: `activity-${this.received.length}` });
    } finally {
      this.inFlight--;
    }
  }

  /** Token bucket like Teams' per-bot limit; unlimited when perSecond is not set. */
  private allow(): boolean {
    const perSecond = this.opts.perSecond;
    if (!perSecond) return true;
    const now = Date.now();
    this.tokens = Math.min(perSecond, this.tokens + ((now - this.last) / 1000) * perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
