import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { outcomeOfStatus, type SendOutcome } from '../domain/digests/sendOutcome.js';
import type { ProactiveSender } from '../ports/digestStores.js';
import { activitiesFor } from './teamsTurn.js';

/**
 * Sends a reply into a conversation the bot is not in a turn with (the termly digest), as a new message
 * (sendToConversation, not a reply to an old activity). The connector's own retry policy is removed:
 * the delivery run decides when to retry, so a 429 pauses the whole run instead of every worker
 * retrying on its own, and a 5xx is retried a bounded number of times in one place.
 */
export function createProactiveSender(adapter: CloudAdapter, appId: string): ProactiveSender {
  return async (target, reply) => {
    const reference: Partial<ConversationReference> = {
      serviceUrl: target.serviceUrl,
      channelId: target.channelId,
      conversation: {
        id: target.conversationId,
        tenantId: target.tenantId,
        isGroup: false,
        conversationType: '',
        name: '',
      },
      ...(target.botId ? { bot: { id: target.botId, name: '' } } : {}),
    };
    let outcome: SendOutcome = { kind: 'failed', reason: 'not attempted' };
    try {
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        // Errors are caught here, inside the turn: left to escape, the adapter's turn-error handler would
        // post an apology into the very conversation that just refused the message.
        try {
          const client = context.turnState.get(context.adapter.ConnectorClientKey) as ConnectorWithPipeline;
          client.client?.pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
          // A reply too big for one activity goes as several, in order; the first one's id is the message's.
          let firstId: string | undefined;
          for (const part of activitiesFor(reply)) {
            const activity = {
              ...part,
              ...(target.tenantId ? { channelData: { tenant: { id: target.tenantId } } } : {}),
            };
            const response = await client.conversations.sendToConversation(target.conversationId, activity as never);
            firstId ??= response?.id;
          }
          outcome = { kind: 'sent', ...(firstId ? { activityId: firstId } : {}) };
        } catch (error) {
          outcome = outcomeOfError(error);
        }
      });
    } catch (error) {
      outcome = outcomeOfError(error);
    }
    return outcome;
  };
}

function outcomeOfError(error: unknown): SendOutcome {
  const e = error as {
    statusCode?: number;
    response?: { headers?: { get?(name: string): string | undefined } };
    message?: string;
  };
  if (e.statusCode === undefined && !isNetworkError(error))
    return { kind: 'failed', reason: e.message ?? String(error) };
  return outcomeOfStatus(e.statusCode, e.response?.headers?.get?.('retry-after'));
}

type ConnectorWithPipeline = {
  client?: { pipeline?: { removePolicy(options: { name: string }): unknown } };
  conversations: { sendToConversation(conversationId: string, activity: never): Promise<{ id?: string } | undefined> };
};

function isNetworkError(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    code === 'REQUEST_SEND_ERROR' ||
    code === 'EPIPE'
  );
}
