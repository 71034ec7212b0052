import type { CloudAdapter, ConversationReference } from 'botbuilder';
import { outcomeOfStatus, type SendOutcome } from '../features/digests/domain/sendOutcome.js';
import type { ProactiveSender } from '../features/digests/digestStores.js';
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
          const parts = activitiesFor(reply);
          for (const [index, part] of parts.entries()) {
            const activity = {
              ...part,
              ...(target.tenantId ? { channelData: { tenant: { id: target.tenantId } } } : {}),
            };
            const response = await sendPart(client, target.conversationId, activity, index > 0);
            firstId ??= response?.id;
          }
          outcome = { kind: 'sent', ...(firstId ? { activityId: firstId } : {}), messages: parts.length };
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

/**
 * Sends one part. A later part that is throttled or meets a passing failure is retried here (a few times, as
 * the channel asks), so the parts already delivered are not sent again by the run's own retry of the whole.
 */
async function sendPart(
  client: ConnectorWithPipeline,
  conversationId: string,
  activity: object,
  retryHere: boolean,
): Promise<{ id?: string } | undefined> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.conversations.sendToConversation(conversationId, activity as never);
    } catch (error) {
      const outcome = outcomeOfError(error);
      const passing = outcome.kind === 'throttled' || outcome.kind === 'transient';
      if (!retryHere || !passing || attempt >= 4) throw error;
      const wait = outcome.kind === 'throttled' ? Math.min(outcome.retryAfterMs ?? 1_000, 30_000) : 1_000 * attempt;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
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
