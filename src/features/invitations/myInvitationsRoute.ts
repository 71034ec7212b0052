import { z } from 'zod';
import { MY_INVITATIONS_SHOWN, type InvitationService } from './invitationService.js';
import { renderCard } from '../../cards/renderCard.js';
import { canRenew, describeStatus } from './domain/invitationStatus.js';
import { describeDelivery } from './domain/deliveryStatus.js';
import { longWeekdayDate } from '../../domain/dates.js';
import { intentRoute } from '../../routing/route.js';
import { ROLE_NAMES } from './invitationReplies.js';

/** "my invitations": this practitioner's invitations, newest first, with a fresh-link button where it helps. */
export const myInvitationsRoute = (invitations: InvitationService) =>
  intentRoute({
    intent: 'myInvitations',
    requires: 'invite',
    refusal: 'Only practitioners can see the invitations they made.',
    input: z.object({ intent: z.literal('myInvitations') }),
    handle: async (turn) => {
      if (!turn.userId) {
        await turn.send({ text: 'Only practitioners can see the invitations they made.' });
        return;
      }
      const mine = await invitations.listMine(turn.userId);
      if (mine.length === 0) {
        await turn.send({
          text: 'You have not made any survey invitations yet. Type "invite review AR-1042 parent" (or "child") to make one.',
        });
        return;
      }
      const rows = mine.map((i) => ({
        code: i.code,
        reviewRef: i.reviewRef,
        respondent: ROLE_NAMES[i.role],
        createdOn: i.createdOn,
        meeting: i.meetingOn ? `Review meeting ${longWeekdayDate(i.meetingOn)}` : '',
        status: describeStatus(i.status),
        delivery: describeDelivery(i.messages, i.optedOut),
        renewable: canRenew(i.status),
      }));
      const order = rows.some((r) => r.meeting !== '')
        ? 'Soonest review meeting first, then newest first'
        : 'Newest first';
      const intro = `${order}${mine.length === MY_INVITATIONS_SHOWN ? ` (the latest ${MY_INVITATIONS_SHOWN})` : ''}. Only you and administrators can see these. "New link" gives the family a new code; the old one stops working.`;
      const fullText = rows
        .map(
          (r) =>
            `${r.reviewRef} (${r.respondent.toLowerCase()}): made ${r.createdOn}, ${r.status}${r.delivery ? `. ${r.delivery}` : ''}${r.meeting ? `. ${r.meeting}.` : ''}`,
        )
        .join('\n');
      await turn.send({
        text: `Your invitations: ${rows.length}.`,
        card: renderCard('invitationList', { intro, actionType: turn.cardActionType, rows }),
        fullText,
      });
    },
  });
