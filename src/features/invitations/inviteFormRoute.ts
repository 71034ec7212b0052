import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { renderCard } from '../../cards/renderCard.js';
import type { Reply } from '../../ports/messages.js';
import type { Turn } from '../../ports/turn.js';
import { RESPONDENT_ROLES, type RespondentRole } from '../../domain/survey/questionBank.js';
import { cardRoute } from '../../routing/route.js';
import { readContact } from '../familyContacts/domain/contactDetails.js';
import type { InvitationFormCard } from './invitationCardModels.js';
import type { InvitationService } from './invitationService.js';
import { notSentText, ROLE_NAMES, sendCreated, sentLead } from './invitationReplies.js';
import { readMeetingDate } from './domain/meetingDate.js';

/** Card verb of "Create the invitation" (also written in cards/invitationForm.json). */
export const CREATE_VERB = 'invite.create';
const ONLY_PRACTITIONERS = 'Only practitioners can invite families to the survey.';

/** The form, filled with what is known (a reference typed with "invite", or what was pressed before). */
export function invitationForm(
  invitations: Pick<InvitationService, 'sendsToFamilies'>,
  filled: Partial<Omit<InvitationFormCard, 'canSend' | 'formId'>> = {},
): Reply {
  const card: InvitationFormCard = {
    reviewRef: filled.reviewRef ?? '',
    role: filled.role ?? '',
    contact: filled.contact ?? '',
    meetingOn: filled.meetingOn ?? '',
    notice: filled.notice ?? '',
    canSend: invitations.sendsToFamilies,
    formId: randomUUID(),
  };
  return {
    text:
      card.notice ||
      'Invite a family: type the review reference and who it is for, then press "Create the invitation".',
    card: renderCard('invitationForm', card),
  };
}

/**
 * Forms already pressed on this instance, so a double press makes one invitation, not two (the second would
 * replace the first, and the link just sent would stop working). Per instance and for an hour: a press that
 * reaches another instance is caught by the invitation itself being replaced and said so in "my invitations".
 */
const PRESSED_FOR_MS = 60 * 60 * 1000;
const pressed = new Map<string, number>();
function firstPress(formId: string, now: number): boolean {
  for (const [id, at] of pressed) if (now - at > PRESSED_FOR_MS) pressed.delete(id);
  if (pressed.has(formId)) return false;
  pressed.set(formId, now);
  return true;
}

const text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .optional()
    .transform((v) => (v ?? '').trim().slice(0, max));

/** "Create the invitation": checked as a whole; a mistake comes back as the form, filled, with what was wrong. */
export const inviteFormRoute = (invitations: InvitationService) =>
  cardRoute({
    verb: CREATE_VERB,
    requires: 'invite',
    refusal: ONLY_PRACTITIONERS,
    unreadable: 'That form is damaged. Type "invite" for a fresh one.',
    input: z.looseObject({
      formId: z.string().min(1).max(64),
      reviewRef: text(40),
      role: text(8),
      contact: text(120),
      meetingOn: text(10),
    }),
    handle: async (turn: Turn, form) => {
      const again = (notice: string) => ({
        replaceWith: invitationForm(invitations, {
          reviewRef: form.reviewRef,
          role: form.role,
          contact: form.contact,
          meetingOn: form.meetingOn,
          notice,
        }),
      });
      if (!form.reviewRef) return again('Type the review reference, for example AR-1042.');
      const role = RESPONDENT_ROLES.find((r) => r === form.role) as RespondentRole | undefined;
      if (!role) return again('Choose who the invitation is for: the parent carer or the child or young person.');
      let meetingOn: string | undefined;
      if (form.meetingOn) {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(form.meetingOn))
          return again('Choose the review meeting date from the calendar, or leave it empty.');
        const meeting = readMeetingDate(`meeting ${form.meetingOn}`, invitations.today());
        if (meeting.kind === 'invalid') return again(meeting.message);
        if (meeting.kind === 'date') meetingOn = meeting.date;
      }
      const canSend = invitations.sendsToFamilies;
      const reading = canSend && form.contact ? readContact(form.contact) : { kind: 'none' as const };
      if (reading.kind === 'invalid') return again(reading.message);
      if (canSend && form.contact && reading.kind !== 'contact')
        return again('Type a UK mobile number (for example 07700 900123) or an email address, or leave it empty.');
      const contact = reading.kind === 'contact' ? reading.contact : undefined;
      if (!firstPress(form.formId, Date.now())) {
        await turn.send({
          text: 'This form has already made its invitation (it is above). Type "invite" for another.',
        });
        return;
      }
      const result = await invitations.invite(form.reviewRef, role, turn.userId ?? 'unknown', contact, meetingOn);
      switch (result.kind) {
        case 'notSent':
          pressed.delete(form.formId); // nothing was made: the same form may be pressed again
          return again(notSentText(result.why, contact));
        case 'badReviewRef':
          pressed.delete(form.formId);
          return again(result.message);
        case 'alreadyCompleted':
          await turn.send({
            text: `The ${ROLE_NAMES[result.role].toLowerCase()} of review ${result.reviewRef} has already completed the survey, so I have not made a new invitation.`,
          });
          return;
        case 'created':
          await sendCreated(turn, result, sentLead(contact, canSend));
          return undefined;
      }
    },
  });
