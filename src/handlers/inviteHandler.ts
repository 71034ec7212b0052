import { can } from '../app/access.js';
import type { InvitationService } from '../app/invitationService.js';
import { renderCard } from '../cards/renderCard.js';
import type { RespondentRole } from '../domain/survey/questionBank.js';
import type { Turn } from './turn.js';

/** Intent: invite. A practitioner asks for a family's survey invitation for one review and one role. */
export const inviteIntent = 'invite';

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
    const respondent = ROLE_NAMES[result.role];
    const card = renderCard('invitationCreated', { reviewRef: result.reviewRef, respondent, respondentLower: respondent.toLowerCase(), displayCode: result.displayCode, link: result.link, expiresOn: result.expiresOn });
    const text = `Invitation for review ${result.reviewRef} (${respondent.toLowerCase()}): code ${result.displayCode}, link ${result.link} (expires ${result.expiresOn}).`;
    await turn.send({ text: `Here is the invitation for review ${result.reviewRef} (${respondent.toLowerCase()}): code ${result.displayCode}.`, card, fullText: text });
  }
}
