import { z } from 'zod';
import type { WorryAlertsService } from './worryAlertsService.js';
import { renderCard } from '../../cards/renderCard.js';
import { can } from '../../domain/access/roles.js';
import { worryAlertCard } from './worryAlertPresenter.js';
import { longDateTime } from '../../cards/format.js';
import { cardRoute } from '../../routing/route.js';

export const ACKNOWLEDGE_WORRY_VERB = 'worry.acknowledge';
const ONLY_YOURS = 'Only the practitioner who invited the family, or an administrator, can mark this alert as seen.';

/** "I have seen this" on a worry alert: recorded with who and when; the card then says so in place. */
export const acknowledgeWorryRoute = (worries: WorryAlertsService) =>
  cardRoute({
    verb: ACKNOWLEDGE_WORRY_VERB,
    requires: 'invite',
    refusal: ONLY_YOURS,
    unreadable: 'This alert card is damaged. Ask an administrator to look at the worry alerts.',
    input: z.looseObject({ alertId: z.string().regex(/^[0-9a-f]{32}$/) }),
    handle: async (turn, { alertId }) => {
      if (!turn.userId) {
        await turn.send({ text: ONLY_YOURS });
        return;
      }
      const result = await worries.acknowledge(alertId, {
        userId: turn.userId,
        isAdmin: can(await turn.roles(), 'administer'),
      });
      if (result.kind === 'unknown') {
        await turn.send({ text: 'I cannot find that alert any more (the review may have been erased).' });
        return;
      }
      if (result.kind === 'notYours') {
        await turn.send({ text: ONLY_YOURS });
        return;
      }
      const { alert, seenBy } = result;
      const text =
        result.kind === 'already'
          ? `Already marked as seen by ${seenBy} at ${longDateTime(alert.acknowledgedAt!)}.`
          : `Marked as seen by you at ${longDateTime(alert.acknowledgedAt!)}. It will not go to the administrators.`;
      return {
        replaceWith: {
          text,
          card: renderCard(
            'worryAlert',
            worryAlertCard(alert, {
              escalated: Boolean(alert.escalatedAt),
              actionType: turn.cardActionType,
              seenBy,
            }),
          ),
        },
      };
    },
  });
