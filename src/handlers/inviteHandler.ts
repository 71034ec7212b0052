import { can } from '../app/access.js';
import { MY_INVITATIONS_SHOWN, type InvitationService, type InviteResult } from '../app/invitationService.js';
import { canRenew, describeStatus } from '../domain/invitations/invitationStatus.js';
import { renderCard } from '../cards/renderCard.js';
import type { RespondentRole } from '../domain/survey/questionBank.js';
import type { Turn } from './turn.js';

/** Card verb answered by `renew`: a fresh link for a lost or expired invitation. */
export const RENEW_VERB = 'invite.renew';

const ROLE_NAMES: Record<RespondentRole, string> = { cyp: 'Child or young person', pc: 'Parent carer' };

export class InviteHandler {
  constructor(private readonly invitations: InvitationService) {}

  async handle(turn: Turn, slots: { reviewRef?: string; role?: RespondentRole }): Promise<void> {
    if (!can(await turn.roles(), 'invite')) {
      await turn.send({ text: 'Only practitioners can invite families to the survey. If you are a parent carer or young person, type the code from your invitation to start.' });
      return;
    }
    if (!slots.reviewRef) {
      await turn.send({ text: 'Which review is this for? Type for example "invite review AR-1042 parent" (or "child").' });
      return;
    }
    if (!slots.role) {
      await turn.send({ text: `Is the invitation for the parent carer or the child / young person of ${slots.reviewRef}? Type "invite review ${slots.reviewRef} parent" or "invite review ${slots.reviewRef} child".` });
      return;
    }
    const result = await this.invitations.invite(slots.reviewRef, slots.role, turn.userId ?? 'unknown');
    if (result.kind === 'badReviewRef') {
      await turn.send({ text: result.message });
      return;
    }
    if (result.kind === 'alreadyCompleted') {
      await turn.send({ text: `The ${ROLE_NAMES[result.role].toLowerCase()} of review ${result.reviewRef} has already completed the survey, so I have not made a new invitation.` });
      return;
    }
    await this.sendCreated(turn, result);
  }

  /** "my invitations": this practitioner's invitations, newest first, with a fresh-link button where it helps. */
  async list(turn: Turn): Promise<void> {
    if (!turn.userId || !can(await turn.roles(), 'invite')) {
      await turn.send({ text: 'Only practitioners can see the invitations they made.' });
      return;
    }
    const mine = await this.invitations.listMine(turn.userId);
    if (mine.length === 0) {
      await turn.send({ text: 'You have not made any survey invitations yet. Type "invite review AR-1042 parent" (or "child") to make one.' });
      return;
    }
    const rows = mine.map((i) => ({ code: i.code, reviewRef: i.reviewRef, respondent: ROLE_NAMES[i.role], createdOn: i.createdOn, status: describeStatus(i.status), renewable: canRenew(i.status) }));
    const intro = `Newest first${mine.length === MY_INVITATIONS_SHOWN ? ` (the latest ${MY_INVITATIONS_SHOWN})` : ''}. Only you and administrators can see these. "New link" gives the family a new code; the old one stops working.`;
    const fullText = rows.map((r) => `${r.reviewRef} (${r.respondent.toLowerCase()}): made ${r.createdOn}, ${r.status}`).join('\n');
    await turn.send({ text: `Your invitations: ${rows.length}.`, card: renderCard('invitationList', { intro, actionType: turn.cardActionType, rows }), fullText });
  }

  async renew(turn: Turn): Promise<void> {
    const roles = await turn.roles();
    const code = typeof turn.value?.code === 'string' ? turn.value.code.slice(0, 40) : '';
    if (!turn.userId || !can(roles, 'invite') || !code) {
      await turn.send({ text: 'Only the practitioner who made an invitation can give the family a new link.' });
      return;
    }
    const result = await this.invitations.renew(code, { userId: turn.userId, isAdmin: can(roles, 'administer') });
    switch (result.kind) {
      case 'notFound':
        await turn.send({ text: 'I could not find that invitation among yours. Type "my invitations" to see the ones you made.' });
        return;
      case 'alreadyReplaced':
        await turn.send({ text: `That link for review ${result.reviewRef} has already been replaced by a newer one. Type "my invitations" to see it.` });
        return;
      case 'alreadyCompleted':
        await turn.send({ text: `The ${ROLE_NAMES[result.role].toLowerCase()} of review ${result.reviewRef} has already completed the survey, so no new link is needed.` });
        return;
      case 'badReviewRef':
        await turn.send({ text: result.message });
        return;
      case 'created':
        await this.sendCreated(turn, result, 'A new link: the old one no longer works. Anything the family already answered is kept.');
    }
  }

  private async sendCreated(turn: Turn, result: Extract<InviteResult, { kind: 'created' }>, lead = ''): Promise<void> {
    const respondent = ROLE_NAMES[result.role];
    const card = renderCard('invitationCreated', { reviewRef: result.reviewRef, respondent, respondentLower: respondent.toLowerCase(), displayCode: result.displayCode, link: result.link, expiresOn: result.expiresOn, lead });
    const text = `Invitation for review ${result.reviewRef} (${respondent.toLowerCase()}): code ${result.displayCode}, link ${result.link} (expires ${result.expiresOn}).`;
    await turn.send({ text: `${lead ? `${lead} ` : ''}Here is the invitation for review ${result.reviewRef} (${respondent.toLowerCase()}): code ${result.displayCode}.`, card, fullText: text });
  }
}
