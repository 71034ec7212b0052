import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { DigestService } from './digestService.js';
import type { Turn } from '../../ports/turn.js';
import { intentRoute } from '../../routing/route.js';

const MANAGERS_ONLY =
  'Only managers can subscribe to the termly digest or send it. An administrator can give you the manager role.';
const STOPPED_PART_WAY =
  'Sorry, sending the digest stopped part-way. Nobody gets it twice: type "confirm send digest" to finish, or "digest delivery report" to see who has it.';
/** What a manager types, word for word, to send the digest to every subscriber (read in readMessage). */
export const CONFIRM_SEND = 'confirm send digest';

/**
 * Intent: digest. Anyone who may see figures can preview it; managers subscribe (in a team channel, the
 * channel is subscribed), unsubscribe, and send it now.
 */
export const digestRoute = (digests: DigestService) =>
  intentRoute({
    intent: 'digest',
    requires: ({ action }) => (action === 'preview' ? 'seeFigures' : 'subscribe'),
    refusal: ({ action }) =>
      action === 'preview'
        ? 'Sorry, only practitioners, managers and administrators can see the digest.'
        : MANAGERS_ONLY,
    input: z.object({
      intent: z.literal('digest'),
      action: z.enum(['subscribe', 'unsubscribe', 'preview', 'sendNow', 'confirmSendNow']),
    }),
    handle: async (turn, { action }) => {
      await ACTIONS[action](turn, digests);
    },
  });

/**
 * What someone asked of the digest: see it, get it every term, stop getting it, or send it to everyone — which
 * goes to the whole board and cannot be called back, so it is asked for (`sendNow`) and then confirmed word for
 * word (`confirmSendNow`), as Company Communicator confirms a send and an erasure is confirmed here.
 */
export type DigestAction = 'subscribe' | 'unsubscribe' | 'preview' | 'sendNow' | 'confirmSendNow';

const ACTIONS: Record<DigestAction, (turn: Turn, digests: DigestService) => Promise<void>> = {
  preview: async (turn, digests) => turn.send((await digests.preview()).reply),
  subscribe: async (turn, digests) => {
    const result = await digests.subscribe(turn.address, turn.userId ?? 'unknown');
    if (result === 'not-allowed')
      return turn.send({
        text: "Sorry, I can't send messages to this conversation later, so I can't subscribe it. Please try from Microsoft Teams.",
      });
    const term = digests.currentTerm();
    const where = whereOf(turn);
    return turn.send({
      text: `${where} ${where === 'You' ? 'are' : 'is'} ${result === 'already' ? 'already ' : ''}subscribed to the termly digest. The next one comes at the end of ${term.label} (${term.end}). Say "unsubscribe" to stop it, or "preview the digest" to see it now.`,
    });
  },
  unsubscribe: async (turn, digests) => {
    const removed = await digests.unsubscribe(turn.address.conversationId);
    const where = whereOf(turn);
    return turn.send({
      text: removed
        ? `${where} will no longer get the termly digest. Say "subscribe to the digest" to get it again.`
        : `${where} ${where === 'You' ? 'were' : 'was'} not subscribed to the termly digest, so nothing has changed.`,
    });
  },
  sendNow: async (turn) =>
    turn.send({
      text: `This sends this term's digest so far to every subscriber, and it cannot be called back. To go ahead, type "${CONFIRM_SEND}". To see it first, say "preview the digest".`,
    }),
  confirmSendNow: sendNow,
};

function whereOf(turn: Turn): string {
  return turn.conversationType === 'channel'
    ? 'This channel'
    : turn.conversationType === 'groupChat'
      ? 'This group chat'
      : 'You';
}

/**
 * Sending to every subscriber takes minutes at Teams' pace: the turn answers at once, the send runs
 * after it, and the report comes back to this conversation. A re-sent activity starts no second job.
 */
async function sendNow(turn: Turn, digests: DigestService): Promise<void> {
  const request = `send-now~${turn.address.conversationId}~${turn.activityId ?? randomUUID()}`;
  if (!(await digests.claimRequest(request))) {
    return turn.send({ text: 'I am already sending the digest you asked for. I will tell you here when it is done.' });
  }
  await turn.send({ text: 'Sending the digest to every subscriber now. I will tell you here when it is done.' });
  const address = turn.address;
  turn.defer(async () => {
    let text: string;
    try {
      text = (await digests.sendNow()).text;
    } catch {
      text = STOPPED_PART_WAY;
    }
    await digests.tell(address, text);
  });
}
