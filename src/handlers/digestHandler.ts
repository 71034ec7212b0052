import { randomUUID } from 'node:crypto';
import { can } from '../app/access.js';
import type { DigestService } from '../app/digests/digestService.js';
import type { DigestAction } from '../domain/nlu/understand.js';
import { LruCache } from '../storage/lruCache.js';
import type { Turn } from './turn.js';

const MANAGERS_ONLY = 'Only managers can subscribe to the termly digest or send it. An administrator can give you the manager role.';

/**
 * Intent: digest. Managers subscribe (in a team channel, the channel is subscribed), unsubscribe,
 * and send the digest now; anyone who may see figures can preview it; administrators see the delivery report.
 */
export class DigestHandler {
  // Conversations whose address this instance has stored lately: a Teams chat is written once, not every turn.
  private readonly remembered = new LruCache<true>(5_000, 24 * 3600_000);

  constructor(private readonly digests: DigestService) {}

  /** The app was installed, or someone spoke to it in Teams: keep where to reach this conversation later. */
  async remember(turn: Turn): Promise<void> {
    if (turn.address.channelId !== 'msteams' || this.remembered.get(turn.address.conversationId)) return;
    await this.digests.rememberAddress(turn.address);
    this.remembered.set(turn.address.conversationId, true);
  }

  /** The app was uninstalled from this conversation: no digest goes there until it is installed again. */
  async forget(turn: Turn): Promise<void> {
    await this.digests.forgetAddress(turn.address.conversationId);
    this.remembered.delete?.(turn.address.conversationId);
  }

  async handle(turn: Turn, action: DigestAction): Promise<void> {
    const roles = await turn.roles();
    if (action === 'preview') {
      if (!can(roles, 'seeFigures')) return turn.send({ text: 'Sorry, only practitioners, managers and administrators can see the digest.' });
      const digest = await this.digests.preview();
      return turn.send(digest.reply);
    }
    if (!can(roles, 'subscribe')) return turn.send({ text: MANAGERS_ONLY });
    const where = turn.conversationType === 'channel' ? 'This channel' : turn.conversationType === 'groupChat' ? 'This group chat' : 'You';
    switch (action) {
      case 'subscribe': {
        const result = await this.digests.subscribe(turn.address, turn.userId ?? 'unknown');
        if (result === 'not-allowed') return turn.send({ text: "Sorry, I can't send messages to this conversation later, so I can't subscribe it. Please try from Microsoft Teams." });
        const term = this.digests.currentTerm();
        return turn.send({ text: `${where} ${where === 'You' ? 'are' : 'is'} ${result === 'already' ? 'already ' : ''}subscribed to the termly digest. The next one comes at the end of ${term.label} (${term.end}). Say "unsubscribe" to stop it, or "preview the digest" to see it now.` });
      }
      case 'unsubscribe': {
        const removed = await this.digests.unsubscribe(turn.address.conversationId);
        return turn.send({ text: removed ? `${where} will no longer get the termly digest. Say "subscribe to the digest" to get it again.` : `${where} ${where === 'You' ? 'were' : 'was'} not subscribed to the termly digest, so nothing has changed.` });
      }
      case 'sendNow':
        return this.sendNow(turn);
    }
  }

  /**
   * Sending to every subscriber takes minutes at Teams' pace: the turn answers at once, the send runs
   * after it, and the report comes back to this conversation. A re-sent activity starts no second job.
   */
  private async sendNow(turn: Turn): Promise<void> {
    const request = `send-now~${turn.address.conversationId}~${turn.activityId ?? randomUUID()}`;
    if (!(await this.digests.claimRequest(request))) {
      return turn.send({ text: 'I am already sending the digest you asked for. I will tell you here when it is done.' });
    }
    await turn.send({ text: 'Sending the digest to every subscriber now. I will tell you here when it is done.' });
    const address = turn.address;
    turn.defer(async () => {
      let text: string;
      try {
        text = (await this.digests.sendNow()).text;
      } catch {
        text = 'Sorry, sending the digest stopped part-way. Nobody gets it twice: say "send the digest now" again to finish, or "digest delivery report" to see who has it.';
      }
      await this.digests.tell(address, text);
    });
  }

  /** Administrators (and managers): how the last digests went. */
  async report(turn: Turn): Promise<void> {
    const roles = await turn.roles();
    if (!can(roles, 'administer') && !can(roles, 'subscribe')) return turn.send({ text: 'Sorry, only administrators and managers can see the digest delivery report.' });
    return turn.send({ text: await this.digests.deliveryReportText() });
  }
}
