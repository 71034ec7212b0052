import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Azure's Direct Line 3.0, for `npm start` and tests (no DIRECT_LINE_SECRET), on
 * loopback only. It speaks the same protocol the production path uses — a server-side token exchange with
 * a secret, then polling with a watermark — so the family page and its token exchange run the same code
 * locally as in production.
 *
 * Why not the `offline-directline` package: it runs Express in this process, and restify patches
 * `http.IncomingMessage.prototype.query` for every server in the process, so Express never parsed the
 * watermark and every poll returned the whole history: Web Chat then rebuilt every card once a second,
 * clearing what a family had ticked. This server parses its own URLs and owns nothing global.
 */
export type LocalDirectLine = { endpoint: string; secret: string; close(): Promise<void> };

type Conversation = {
  id: string;
  token: string;
  userId: string;
  history: Record<string, unknown>[];
  touched: number;
  started: boolean;
};

const MAX_CONVERSATIONS = 5_000;
const MAX_HISTORY = 2_000;
const MAX_BODY_BYTES = 256 * 1024;
const IDLE_MS = 60 * 60_000;

export async function startLocalDirectLine(
  botUrl: string,
  opts: { port?: number; onError?: (error: unknown) => void } = {},
): Promise<LocalDirectLine> {
  const secret = randomBytes(24).toString('base64url');
  // The bot's replies carry no credentials locally (the connector sends no Authorization header without an
  // app id), so the address the bot is told to reply to is the credential: only that path is served.
  const botPath = `/bot/${randomBytes(24).toString('base64url')}`;
  const conversations = new Map<string, Conversation>();
  const onError = opts.onError ?? (() => undefined);
  let serviceUrl = '';

  // Every family's page polls about once a second: a token finds its conversation in one look-up.
  const tokens = new Map<string, Conversation>();
  const byToken = (req: IncomingMessage): Conversation | undefined => {
    const token = bearer(req);
    const c = token ? tokens.get(token) : undefined;
    return c && conversations.has(c.id) ? c : undefined;
  };

  const newConversation = (userId: string): Conversation => {
    sweep(conversations, tokens);
    const c: Conversation = {
      id: randomUUID(),
      token: `local_${randomBytes(18).toString('base64url')}`,
      userId,
      history: [],
      touched: Date.now(),
      started: false,
    };
    conversations.set(c.id, c);
    tokens.set(c.token, c);
    return c;
  };

  const toBot = async (activity: Record<string, unknown>): Promise<number> => {
    try {
      const res = await fetch(botUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(30_000),
      });
      await res.arrayBuffer();
      return res.status;
    } catch (error) {
      onError(error);
      return 502;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const parts = url.pathname.split('/').filter(Boolean);
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') return send(res, 204);

    // Server side: the bot's server exchanges the secret for a conversation and its token.
    if (method === 'POST' && url.pathname === '/v3/directline/tokens/generate') {
      if (!sameSecret(bearer(req), secret))
        return send(res, 403, { error: { code: 'BadArgument', message: 'Invalid secret' } });
      const body = await readJson(req);
      const userId =
        typeof body?.user === 'object' && body.user && typeof (body.user as { id?: unknown }).id === 'string'
          ? String((body.user as { id: string }).id)
          : `dl_${randomBytes(8).toString('hex')}`;
      const c = newConversation(userId);
      return send(res, 200, { conversationId: c.id, token: c.token, expires_in: 1800 });
    }

    // Client side (Web Chat): /v3/directline/conversations[/:id/activities]
    if (parts[0] === 'v3' && parts[1] === 'directline' && parts[2] === 'conversations') {
      const c = byToken(req);
      if (!c || (parts[3] && parts[3] !== c.id))
        return send(res, 403, { error: { code: 'TokenInvalid', message: 'Invalid token' } });
      c.touched = Date.now();
      if (method === 'POST' && parts.length === 3) {
        if (!c.started) {
          c.started = true;
          await toBot({
            type: 'conversationUpdate',
            id: randomUUID(),
            channelId: 'directline',
            serviceUrl,
            conversation: { id: c.id },
            from: { id: c.userId },
            recipient: { id: 'bot' },
            membersAdded: [],
            membersRemoved: [],
            timestamp: new Date().toISOString(),
          });
        }
        return send(res, 201, { conversationId: c.id, token: c.token, expires_in: 1800 });
      }
      if (parts[4] === 'activities' && parts.length === 5 && method === 'GET') {
        const watermark = Number.parseInt(url.searchParams.get('watermark') ?? '', 10);
        const from = Number.isSafeInteger(watermark) && watermark > 0 ? Math.min(watermark, c.history.length) : 0;
        return send(res, 200, { activities: c.history.slice(from), watermark: String(c.history.length) });
      }
      if (parts[4] === 'activities' && parts.length === 5 && method === 'POST') {
        const body = await readJson(req);
        if (!body || typeof body.type !== 'string')
          return send(res, 400, { error: { code: 'BadArgument', message: 'An activity needs a type' } });
        // As in Azure, who is speaking comes from the token, not from what the client claims.
        const activity = {
          ...body,
          id: randomUUID(),
          channelId: 'directline',
          serviceUrl,
          conversation: { id: c.id },
          from: { id: c.userId, role: 'user' },
          recipient: { id: 'bot' },
          timestamp: new Date().toISOString(),
        };
        append(c, activity);
        const status = await toBot(activity);
        return status >= 200 && status < 300
          ? send(res, 200, { id: activity.id })
          : send(res, 502, { error: { code: 'BotError', message: 'The bot did not accept the activity' } });
      }
      return send(res, 404);
    }

    // Bot side (the Connector API the bot replies to): <botPath>/v3/conversations/:id/activities[/:replyToId]
    const [b, key, ...rest] = parts;
    if (b === 'bot' && !sameSecret(`/bot/${key ?? ''}`, botPath))
      return send(res, 403, { error: { code: 'Forbidden', message: 'Not allowed' } });
    if (
      b === 'bot' &&
      rest[0] === 'v3' &&
      rest[1] === 'conversations' &&
      rest[3] === 'activities' &&
      method === 'POST' &&
      rest.length <= 5
    ) {
      const c = conversations.get(rest[2] ?? '');
      if (!c) return send(res, 404, { error: { code: 'ConversationNotFound', message: 'Conversation not found' } });
      const body = await readJson(req);
      if (!body) return send(res, 400);
      const activity = {
        ...body,
        id: randomUUID(),
        conversation: { id: c.id },
        from: { id: 'bot', role: 'bot' },
        timestamp: new Date().toISOString(),
      };
      append(c, activity);
      return send(res, 200, { id: activity.id });
    }
    return send(res, 404);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      onError(error);
      if (!res.headersSent) send(res, 500);
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  serviceUrl = `http://127.0.0.1:${port}${botPath}`;
  return {
    endpoint: `http://localhost:${port}`,
    secret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function append(c: Conversation, activity: Record<string, unknown>): void {
  // The history is what Web Chat reads: the bot's reply address (its credential) stays out of it.
  const { serviceUrl: _hidden, ...seen } = activity;
  // A runaway conversation is cut off rather than allowed to grow without bound.
  if (c.history.length < MAX_HISTORY) c.history.push(seen);
}

function sweep(conversations: Map<string, Conversation>, tokens: Map<string, Conversation>): void {
  const drop = (c: Conversation) => {
    conversations.delete(c.id);
    tokens.delete(c.token);
  };
  const now = Date.now();
  for (const c of conversations.values()) if (now - c.touched > IDLE_MS) drop(c);
  while (conversations.size >= MAX_CONVERSATIONS) drop(conversations.values().next().value!);
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body?: unknown): void {
  // Web Chat calls from the family page's origin; the token, not the origin, is what protects a conversation.
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': 'authorization, content-type, x-ms-bot-agent, x-requested-with',
  });
  res.end(body === undefined ? '' : JSON.stringify(body));
}
