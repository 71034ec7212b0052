import type { Activity } from 'botbuilder';
import { z } from 'zod';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../config/logger.js';
import { isLoopbackUrl } from '../domain/security/loopback.js';
import type { OutcomesAdapter } from './adapter.js';
import type { OutcomesBot } from './outcomesBot.js';
import { DEFERRED } from './teamsTurn.js';

/**
 * POST /api/messages: the Bot Framework endpoint (honours deliveryMode "expectReplies").
 *
 * Unauthenticated (local) mode answers only activities whose replies go back to this machine: a caller
 * cannot make the bot post to a service URL of their choosing. A request the SDK refuses (a forged or
 * expired token, or a token it cannot check) gets 401 and one log line, never the SDK's internals. Only a
 * JSON body is read, in both modes (415 otherwise).
 */
export function registerMessagesRoute(
  server: Server,
  adapter: OutcomesAdapter,
  bot: OutcomesBot,
  opts: { authenticated: boolean; logger: Logger },
): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    // Channels post JSON; an HTML form cannot, so no web page can post an activity here without CORS.
    if (!isJson(req.headers['content-type'])) {
      res.send(415, { message: 'Send the activity as JSON (Content-Type: application/json).' });
      return;
    }
    if (!opts.authenticated && !isLoopbackServiceUrl((req.body as { serviceUrl?: unknown } | undefined)?.serviceUrl)) {
      res.send(403, { message: 'Without credentials this bot only replies to clients on this machine.' });
      return;
    }
    const activity = activityShape.safeParse(req.body);
    if (!activity.success) {
      const where = activity.error.issues[0]?.path.join('.') || 'body';
      res.send(400, { message: `This is not a Bot Framework activity this bot can read (check "${where}").` });
      return;
    }
    const authorization = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    const deferred: (() => Promise<void>)[] = [];
    try {
      // Not adapter.process: it answers a failed check with 500 and the error's message, and prints its stack.
      const invoke = await adapter.handle(authorization, activity.data as unknown as Activity, (context) => {
        context.turnState.set(DEFERRED, deferred);
        return bot.run(context);
      });
      res.send(invoke?.status ?? 200, invoke?.body);
      // Long work starts only once the person has their answer.
      for (const work of deferred)
        work().catch((error: unknown) => opts.logger.error({ err: error }, 'deferred work failed'));
    } catch (error) {
      // The turn's own failures are handled by onTurnError; what reaches here is the request's authentication.
      opts.logger.warn(
        { reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown', channel: activity.data.channelId },
        'request refused: not authenticated',
      );
      if (!res.headersSent) res.send(401, { message: 'Unauthorized' });
    }
  });
}

/**
 * The parts of an activity the bot relies on, checked before anything runs: a client that sends a number
 * for the conversation or text gets 400, not a failed turn. Unknown fields pass through untouched.
 */
const id = z.string().min(1).max(1_000);
const activityShape = z.looseObject({
  type: z.string().min(1).max(100),
  channelId: z.string().min(1).max(100),
  id: z.string().max(1_000).optional(),
  serviceUrl: z.string().max(2_000).optional(),
  text: z.string().max(100_000).optional(),
  name: z.string().max(500).optional(),
  action: z.string().max(100).optional(),
  replyToId: z.string().max(1_000).optional(),
  from: z.looseObject({ id, aadObjectId: z.string().max(200).optional() }),
  recipient: z.looseObject({ id: z.string().max(1_000) }).optional(),
  conversation: z.looseObject({
    id,
    conversationType: z.string().max(100).optional(),
    tenantId: z.string().max(200).optional(),
  }),
  channelData: z.record(z.string(), z.unknown()).optional(),
  membersAdded: z
    .array(z.looseObject({ id: z.string().max(1_000) }))
    .max(1_000)
    .optional(),
  membersRemoved: z
    .array(z.looseObject({ id: z.string().max(1_000) }))
    .max(1_000)
    .optional(),
});

/** A reply address on this machine: 127.0.0.0/8, ::1 or localhost (or none, for expectReplies). */
export function isLoopbackServiceUrl(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && isLoopbackUrl(value));
}

function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}
