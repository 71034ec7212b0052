import { z } from 'zod';
import type { ThemesService } from './themesService.js';
import { OUTCOME_IDS, RESPONDENT_ROLES, type QuestionBank } from '../../domain/survey/questionBank.js';
import { cardReply } from '../../cards/cardReply.js';
import { presentThemes } from './themesPresenter.js';
import { intentRoute } from '../../routing/route.js';
import { termRefs } from '../../routing/slotSchemas.js';
import { FIGURES_ARE_FOR_STAFF, UNKNOWN_TERM } from '../scores/scoresRoute.js';
import { periodAskSchema } from '../measures/domain/periodAskSchema.js';
import { withLead } from '../scores/periodLeadPresenter.js';

/** "what are families saying about support?": counted themes of the term's comments, never the words. */
export const themesRoute = (themes: ThemesService, bank: QuestionBank) =>
  intentRoute({
    intent: 'themes',
    requires: 'seeFigures',
    refusal: FIGURES_ARE_FOR_STAFF,
    input: z.object({
      intent: z.literal('themes'),
      outcome: z.enum(OUTCOME_IDS).optional(),
      roles: z.array(z.enum(RESPONDENT_ROLES)).max(2),
      terms: termRefs,
      period: periodAskSchema.optional(),
    }),
    handle: async (turn, slots) => {
      const result = await themes.forPeriodAsked(slots.terms[0] ?? { kind: 'current' }, slots.period, {
        outcome: slots.outcome,
        roles: slots.roles.length ? slots.roles : ['cyp', 'pc'],
      });
      if (result.kind === 'unknownTerm') {
        await turn.send({ text: UNKNOWN_TERM });
        return;
      }
      if (result.kind === 'none') {
        await turn.send({ text: result.text });
        return;
      }
      const subject = slots.outcome ? bank.outcome(slots.outcome).shortName : '';
      await turn.send(
        cardReply('figureTable', withLead(presentThemes(result.term, result.prompts, subject), result.lead)),
      );
    },
  });
