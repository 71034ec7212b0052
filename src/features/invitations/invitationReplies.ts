import type { InviteResult } from './invitationService.js';
import { renderCard } from '../../cards/renderCard.js';
import type { RespondentRole } from '../../domain/survey/questionBank.js';
import type { Turn } from '../../ports/turn.js';

export const ROLE_NAMES: Record<RespondentRole, string> = { cyp: 'Child or young person', pc: 'Parent carer' };

/** The invitation card a practitioner passes on: code, link and expiry. */
export async function sendCreated(
  turn: Turn,
  result: Extract<InviteResult, { kind: 'created' }>,
  lead = '',
): Promise<void> {
  const respondent = ROLE_NAMES[result.role];
  const card = renderCard('invitationCreated', {
    reviewRef: result.reviewRef,
    respondent,
    respondentLower: respondent.toLowerCase(),
    displayCode: result.displayCode,
    link: result.link,
    expiresOn: result.expiresOn,
    lead,
  });
  const text = `Invitation for review ${result.reviewRef} (${respondent.toLowerCase()}): code ${result.displayCode}, link ${result.link} (expires ${result.expiresOn}).`;
  await turn.send({
    text: `${lead ? `${lead} ` : ''}Here is the invitation for review ${result.reviewRef} (${respondent.toLowerCase()}): code ${result.displayCode}.`,
    card,
    fullText: text,
  });
}
