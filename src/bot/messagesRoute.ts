import type { CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { OutcomesBot } from './outcomesBot.js';

/** POST /api/messages: the Bot Framework endpoint (honours deliveryMode "expectReplies"). */
export function registerMessagesRoute(server: Server, adapter: CloudAdapter, bot: OutcomesBot): void {
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
}
