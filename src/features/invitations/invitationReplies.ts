import type { CreatedInvitation, InviteResult, NotSentReason } from './invitationService.js';
import { longWeekdayDate } from '../../domain/dates.js';
import type { ContactDetails } from '../familyContacts/domain/contactDetails.js';
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
    meeting: meetingWords(result),
  });
  const meeting = meetingWords(result);
  const text = `Invitation for review ${result.reviewRef} (${respondent.toLowerCase()}): code ${result.displayCode}, link ${result.link} (expires ${result.expiresOn}).${meeting ? ` Review meeting: ${meeting}` : ''}`;
  await turn.send({
    text: `${lead ? `${lead} ` : ''}Here is the invitation for review ${result.reviewRef} (${respondent.toLowerCase()}): code ${result.displayCode}.`,
    card,
    fullText: text,
  });
}

/** The meeting, and when the practitioner will hear if the family has not finished ('' without a meeting). */
function meetingWords(result: Pick<CreatedInvitation, 'meetingOn' | 'meetingNoticeOn'>): string {
  if (!result.meetingOn) return '';
  const notice = result.meetingNoticeOn
    ? ` If the family has not finished by ${longWeekdayDate(result.meetingNoticeOn)}, I will tell you here.`
    : '';
  return `${longWeekdayDate(result.meetingOn)}. Reminders stop before it.${notice}`;
}

/** The contact as the reply names it: enough to recognise, not the whole of it (the chat keeps replies). */
const sentTo = (c: ContactDetails) =>
  c.channel === 'sms'
    ? `by text to the mobile number ending ${c.phone.slice(-3)}`
    : `by email to ${c.email.slice(0, 1)}…${c.email.slice(c.email.indexOf('@'))}`;

/** What is said above the card: sent, or that sending is not set up and the link is there to pass on. */
export function sentLead(contact: ContactDetails | undefined, canSend: boolean): string {
  if (!contact) return '';
  if (!canSend)
    return 'Sending texts and emails is not set up on this bot, so I have sent nothing and kept no number or address: please pass the link on to the family yourself.';
  return `I have sent the invitation ${sentTo(contact)} through GOV.UK Notify.`;
}

/** A message that did not go: in the practitioner's words, with what to do. No invitation was kept. */
export function notSentText(why: NotSentReason, contact: ContactDetails | undefined): string {
  const what = contact?.channel === 'email' ? 'email address' : 'mobile number';
  const nothing = 'I have not made the invitation, and nothing about it is kept.';
  switch (why) {
    case 'recipient':
      return `GOV.UK Notify would not send to that ${what}. ${nothing} Check the ${what} with the family and try again.`;
    case 'setup':
      return `GOV.UK Notify refused the message because of how sending is set up here (for example a trial service can only send to its own team). ${nothing} Please tell your administrator; meanwhile type the invitation without a ${what} to get a link to pass on.`;
    case 'notAuthorised':
      return `GOV.UK Notify did not accept this bot's key, so nothing was sent. ${nothing} Please tell your administrator; meanwhile type the invitation without a ${what} to get a link to pass on.`;
    case 'unavailable':
      return `GOV.UK Notify is busy or not answering, so nothing was sent. ${nothing} Please try again in a few minutes.`;
  }
}
