import { z } from 'zod';
import type { InvitationService } from './invitationService.js';
import { can } from '../../domain/access/roles.js';
import { cardRoute } from '../../routing/route.js';
import { notSentText, ROLE_NAMES, sendCreated } from './invitationReplies.js';

/** Card verb of "New link" in the list of invitations (also written in cards/invitationList.json). */
export const RENEW_VERB = 'invite.renew';
const ONLY_THE_MAKER = 'Only the practitioner who made an invitation can give the family a new link.';

/** "New link": a fresh code for a lost or expired invitation; the old one stops working. */
export const renewInvitationRoute = (invitations: InvitationService) =>
  cardRoute({
    verb: RENEW_VERB,
    requires: 'invite',
    refusal: ONLY_THE_MAKER,
    unreadable: ONLY_THE_MAKER,
    input: z.looseObject({
      code: z
        .string()
        .min(1)
        .transform((c) => c.slice(0, 40)),
    }),
    handle: async (turn, { code }) => {
      if (!turn.userId) {
        await turn.send({ text: ONLY_THE_MAKER });
        return;
      }
      const result = await invitations.renew(code, {
        userId: turn.userId,
        isAdmin: can(await turn.roles(), 'administer'),
      });
      switch (result.kind) {
        case 'notFound':
          await turn.send({
            text: 'I could not find that invitation among yours. Type "my invitations" to see the ones you made.',
          });
          return;
        case 'alreadyReplaced':
          await turn.send({
            text: `That link for review ${result.reviewRef} has already been replaced by a newer one. Type "my invitations" to see it.`,
          });
          return;
        case 'alreadyCompleted':
          await turn.send({
            text: `The ${ROLE_NAMES[result.role].toLowerCase()} of review ${result.reviewRef} has already completed the survey, so no new link is needed.`,
          });
          return;
        case 'badReviewRef':
          await turn.send({ text: result.message });
          return;
        case 'notSent':
          // A renewal sends nothing to the family itself; said as an invitation would say it, should that change.
          await turn.send({ text: notSentText(result.why, undefined) });
          return;
        case 'created':
          await sendCreated(
            turn,
            result,
            'A new link: the old one no longer works. Anything the family already answered is kept.',
          );
      }
    },
  });
