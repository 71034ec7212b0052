import { z } from 'zod';
import type { ScoresService } from './scoresService.js';
import { cardReply } from '../../cards/cardReply.js';
import { presentResponseRates } from './scoresPresenter.js';
import { intentRoute } from '../../routing/route.js';
import { termRefs } from '../../routing/slotSchemas.js';
import { FIGURES_ARE_FOR_STAFF } from './scoresRoute.js';

/** "response rate this term": invitations sent, started and completed. */
export const responseRateRoute = (scores: ScoresService) =>
  intentRoute({
    intent: 'responseRate',
    requires: 'seeFigures',
    refusal: FIGURES_ARE_FOR_STAFF,
    input: z.object({ intent: z.literal('responseRate'), terms: termRefs }),
    handle: async (turn, { terms }) => {
      const result = await scores.responseRates(terms[0]);
      if (!result) {
        await turn.send({
          text: 'I could not find that term. Try "response rate this term" or "response rate spring 2025-26".',
        });
        return;
      }
      await turn.send(cardReply('figureTable', presentResponseRates(result.term, result.rates)));
    },
  });
