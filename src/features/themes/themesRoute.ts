import { z } from 'zod';
import type { ThemesService } from './themesService.js';
import { OUTCOME_IDS, RESPONDENT_ROLES, type QuestionBank } from '../../domain/survey/questionBank.js';
import { cardReply } from '../../cards/cardReply.js';
import { presentThemes } from './themesPresenter.js';
import { intentRoute } from '../../routing/route.js';
import { termRefs } from '../../routing/slotSchemas.js';
import { FIGURES_ARE_FOR_STAFF, UNKNOWN_TERM } from '../scores/scoresRoute.js';

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
    }),
    handle: async (turn, slots) => {
      const result = await themes.forTerm(slots.terms[0] ?? { kind: 'current' }, {
        outcome: slots.outcome,
        roles: slots.roles.length ? slots.roles : ['cyp', 'pc'],
      });
      if (!result) {
        await turn.send({ text: UNKNOWN_TERM });
        return;
      }
      const subject = slots.outcome ? bank.outcome(slots.outcome).shortName : '';
      await turn.send(cardReply('figureTable', presentThemes(result.term, result.prompts, subject)));
    },
  });
