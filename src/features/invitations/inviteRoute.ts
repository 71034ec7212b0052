import { z } from 'zod';
import type { InvitationService } from './invitationService.js';
import { RESPONDENT_ROLES } from '../../domain/survey/questionBank.js';
import { intentRoute } from '../../routing/route.js';
import { notSentText, ROLE_NAMES, sendCreated, sentLead } from './invitationReplies.js';
import { readContact } from '../familyContacts/domain/contactDetails.js';
import { readMeetingDate } from './domain/meetingDate.js';
import { invitationForm } from './inviteFormRoute.js';

/** "invite review AR-1042 parent": a code and link for one respondent of a review. */
export const inviteRoute = (invitations: InvitationService) =>
  intentRoute({
    intent: 'invite',
    requires: 'invite',
    refusal: 'Only practitioners can invite families to the survey.',
    input: z.object({
      intent: z.literal('invite'),
      reviewRef: z.string().max(100).optional(),
      role: z.enum(RESPONDENT_ROLES).optional(),
    }),
    handle: async (turn, slots) => {
      // Not enough to invite: the form, filled with what was said, and the words that would do it in one go.
      if (!slots.reviewRef) {
        await turn.send({
          ...invitationForm(invitations),
          text: 'Which review is this for? Fill in the form, or type for example "invite review AR-1042 parent" (or "child").',
        });
        return;
      }
      if (!slots.role) {
        await turn.send({
          ...invitationForm(invitations, { reviewRef: slots.reviewRef }),
          text: `Is the invitation for the parent carer or the child / young person of ${slots.reviewRef}? Choose in the form, or type "invite review ${slots.reviewRef} parent" or "invite review ${slots.reviewRef} child".`,
        });
        return;
      }
      // The number or address is read from the message itself, never kept in the understanding (which is logged
      // when not understood, and remembered for follow-ups), and never from the review reference: one typed as
      // digits (an NHS number by mistake) is refused as a reference, not read as a phone number.
      const words = turn.text.split(slots.reviewRef).join(' ');
      // "…, review on 14 January": the review meeting's date, taken out before the number or address is read.
      const meeting = readMeetingDate(words, invitations.today());
      if (meeting.kind === 'invalid') {
        await turn.send({ text: meeting.message });
        return;
      }
      const reading = readContact(meeting.kind === 'date' ? words.replace(meeting.span, ' ') : words);
      if (reading.kind === 'invalid') {
        await turn.send({ text: reading.message });
        return;
      }
      const contact = reading.kind === 'contact' ? reading.contact : undefined;
      const canSend = invitations.sendsToFamilies;
      const result = await invitations.invite(
        slots.reviewRef,
        slots.role,
        turn.userId ?? 'unknown',
        canSend ? contact : undefined,
        meeting.kind === 'date' ? meeting.date : undefined,
      );
      if (result.kind === 'notSent') {
        await turn.send({ text: notSentText(result.why, contact) });
        return;
      }
      if (result.kind === 'badReviewRef') {
        await turn.send({ text: result.message });
        return;
      }
      if (result.kind === 'alreadyCompleted') {
        await turn.send({
          text: `The ${ROLE_NAMES[result.role].toLowerCase()} of review ${result.reviewRef} has already completed the survey, so I have not made a new invitation.`,
        });
        return;
      }
      await sendCreated(turn, result, sentLead(contact, canSend));
    },
  });
