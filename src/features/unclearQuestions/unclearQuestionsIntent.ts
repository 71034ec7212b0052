import { z } from 'zod';
import { cardReply } from '../../cards/cardReply.js';
import { RESPONDENT_ROLES, type QuestionBank } from '../../domain/survey/questionBank.js';
import { intentRoute, type CapabilityIntent } from '../../routing/route.js';
import { termRefs } from '../../routing/slotSchemas.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, intent } from '../../understanding/lexicon.js';
import type { RespondentRole, TermRef } from '../../understanding/types.js';
import { FIGURES_ARE_FOR_STAFF, UNKNOWN_TERM } from '../scores/scoresRoute.js';
import { presentUnclearQuestions } from './unclearQuestionsPresenter.js';
import type { UnclearQuestionsService } from './unclearQuestionsService.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "which questions did families not understand?": per question, answers of "I don't understand" (≥ 5). */
    unclearQuestions: { roles: RespondentRole[]; terms: TermRef[] };
  }
}

type Deps = { unclearQuestions: UnclearQuestionsService; bank: QuestionBank };

/**
 * Only phrases about questions not understood name it: "don't understand" alone is a family's cry for help as
 * often as a manager's question, and "which question …" is a scores question.
 */
const VOCABULARY = [
  ...entries(
    'unclear questions | confusing questions | hard to understand | questions families did not understand | questions families found confusing | questions families found hard | understand the question | understand the questions | did not understand the question | marked i do not understand',
    intent('unclearQuestions', 4),
  ),
  // "did not understand" is also the bot not understanding (unanswered questions, for administrators): said of
  // families, children or parents it is theirs, and outweighs it.
  ...entries(
    'did families not understand | families did not understand | families not understand | families do not understand | did children not understand | children did not understand | did parents not understand | parents did not understand | did people not understand the | people did not understand the | families found confusing | families found hard | said they did not understand | questions confused | confused families | confused parents | confused children',
    intent('unclearQuestions', 8),
  ),
  // The same words said of any group who answer the survey ("questions young people did not understand",
  // "which questions did carers find confusing"): a hint here, made decisive by the group named (see evidence below).
  ...entries(
    'did not understand | do not understand | not understand | not understood | confusing | confused | found hard | hard to follow',
    intent('unclearQuestions', 2),
  ),
  // …and only about questions: "parents do not understand the EHCP process" is not about the survey.
  ...entries('question | questions', intent('unclearQuestions', 0.5)),
];

export const unclearQuestionsIntent = {
  reader: intentReader({
    intent: 'unclearQuestions',
    before: 'scores',
    vocabulary: VOCABULARY,
    // Not understanding, said of those who answer (children, young people, parent carers), is theirs: it
    // outweighs the bot's own unanswered questions ("did not understand" alone, 4).
    evidence: (e, scored) => (e.hasRoles && scored >= 2.5 ? 4 : 0),
    build: (s) => ({ intent: 'unclearQuestions', roles: s.roles, terms: s.terms.terms.slice(0, 1) }),
    command: () => 'which questions did families not understand',
  }),
  route: (d: Deps) =>
    intentRoute({
      intent: 'unclearQuestions',
      requires: 'seeFigures',
      refusal: FIGURES_ARE_FOR_STAFF,
      input: z.object({
        intent: z.literal('unclearQuestions'),
        roles: z.array(z.enum(RESPONDENT_ROLES)).max(2),
        terms: termRefs,
      }),
      handle: async (turn, slots) => {
        const result = await d.unclearQuestions.forTerm(
          slots.terms[0] ?? { kind: 'current' },
          slots.roles.length ? slots.roles : RESPONDENT_ROLES,
        );
        if (!result) {
          await turn.send({ text: UNKNOWN_TERM });
          return;
        }
        await turn.send(
          cardReply('figureTable', presentUnclearQuestions(d.bank, result.term, result.questions, result.anySaved)),
        );
      },
    }),
} satisfies CapabilityIntent<'unclearQuestions', Deps>;
