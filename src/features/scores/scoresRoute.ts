import { z } from 'zod';
import type { ScoresService } from './scoresService.js';
import {
  OUTCOME_IDS,
  RESPONDENT_ROLES,
  type QuestionBank,
  type RespondentRole,
} from '../../domain/survey/questionBank.js';
import { cardReply } from '../../cards/cardReply.js';
import type { SurveyTarget } from '../measures/domain/measureCatalogue.js';
import { presentComparison, presentScores } from './scoresPresenter.js';
import { presentQuestion } from './questionPresenter.js';
import { intentRoute } from '../../routing/route.js';
import { termRefs } from '../../routing/slotSchemas.js';
import { periodAskSchema } from '../measures/domain/periodAskSchema.js';
import { withLead } from './periodLeadPresenter.js';

export const FIGURES_ARE_FOR_STAFF = 'Sorry, only practitioners and managers at the council can see figures like that.';
export const UNKNOWN_TERM =
  'I could not find that term. Terms are named like "autumn 2025-26", "spring 2025-26" or "summer 2025-26"; you can also say "this term" or "last term".';

/** "how are we doing on kept safe this term?": outcome scores, one term or several compared. */
export const scoresRoute = (scores: ScoresService, bank: QuestionBank, targets: readonly SurveyTarget[] = []) =>
  intentRoute({
    intent: 'scores',
    requires: 'seeFigures',
    refusal: FIGURES_ARE_FOR_STAFF,
    input: z.object({
      intent: z.literal('scores'),
      outcome: z.enum(OUTCOME_IDS).optional(),
      roles: z.array(z.enum(RESPONDENT_ROLES)).max(2),
      terms: termRefs,
      rank: z.enum(['lowest', 'highest']).optional(),
      perQuestion: z.boolean(),
      question: z
        .string()
        .regex(/^[a-z]+\.(?:cyp|pc)\.\d{1,2}$/)
        .optional(),
      period: periodAskSchema.optional(),
    }),
    handle: async (turn, slots) => {
      // One question named by its words: its own figures, for the role that answers it.
      const question = slots.question ? bank.scoredQuestion(slots.question) : undefined;
      const roles: RespondentRole[] = question ? [question.role] : slots.roles.length ? slots.roles : ['cyp', 'pc'];
      const outcome = question?.outcome ?? slots.outcome;
      // A period or a past term is answered by the term holding its figures, and says so (or that none is held).
      const result = await scores.scoresAsked({ outcome, roles, terms: slots.terms }, slots.period);
      if (result.kind === 'unknownTerm') {
        await turn.send({ text: UNKNOWN_TERM });
        return;
      }
      if (result.kind === 'none') {
        await turn.send({ text: result.text });
        return;
      }
      const presented = question
        ? presentQuestion(bank, question, result.results)
        : result.results.length > 1
          ? presentComparison(bank, result.results, roles, slots.outcome)
          : presentScores(bank, result.results[0], roles, {
              outcome: slots.outcome,
              perQuestion: slots.perQuestion,
              rank: slots.rank,
              targets,
            });
      await turn.send(cardReply('figureTable', withLead(presented, result.lead)));
    },
  });
