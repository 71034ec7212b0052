import { z } from 'zod';
import type { ScoresService } from './scoresService.js';
import { cardReply } from '../../cards/cardReply.js';
import { presentResponseRates } from './scoresPresenter.js';
import { intentRoute } from '../../routing/route.js';
import { termRefs } from '../../routing/slotSchemas.js';
import { FIGURES_ARE_FOR_STAFF } from './scoresRoute.js';
import { periodAskSchema } from '../measures/domain/periodAskSchema.js';
import { withLead } from './periodLeadPresenter.js';

/** "response rate this term": invitations sent, started and completed. */
export const responseRateRoute = (scores: ScoresService) =>
  intentRoute({
    intent: 'responseRate',
    requires: 'seeFigures',
    refusal: FIGURES_ARE_FOR_STAFF,
    input: z.object({ intent: z.literal('responseRate'), terms: termRefs, period: periodAskSchema.optional() }),
    handle: async (turn, { terms, period }) => {
      const result = await scores.responseRatesAsked(terms[0], period);
      if (result.kind === 'unknownTerm') {
        await turn.send({
          text: 'I could not find that term. Try "response rate this term" or "response rate spring 2025-26".',
        });
        return;
      }
      if (result.kind === 'none') {
        await turn.send({ text: result.text });
        return;
      }
      await turn.send(cardReply('figureTable', withLead(presentResponseRates(result.term, result.rates), result.lead)));
    },
  });
