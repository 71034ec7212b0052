import { z } from 'zod';
import { cardReply } from '../../cards/cardReply.js';
import { OUTCOME_IDS, type QuestionBank } from '../../domain/survey/questionBank.js';
import { intentRoute, type CapabilityIntent } from '../../routing/route.js';
import { termRefs } from '../../routing/slotSchemas.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, intent } from '../../understanding/lexicon.js';
import type { OutcomeId, TermRef } from '../../understanding/types.js';
import { FIGURES_ARE_FOR_STAFF, UNKNOWN_TERM } from '../scores/scoresRoute.js';
import { presentAnsweredAlone } from './answeredAlonePresenter.js';
import type { AnsweredAloneService } from './answeredAloneService.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "scores where children answered alone": outcome scores of children who answered on their own. */
    answeredAlone: { outcome?: OutcomeId; terms: TermRef[] };
  }
}

type Deps = { answeredAlone: AnsweredAloneService; bank: QuestionBank };

/** Said of who answered: these outweigh the scores question they are part of. */
const VOCABULARY = entries(
  'answered alone | answered on their own | answered it on their own | on their own | answered by themselves | by themselves | without help | answered without help | who answered alone | children who answered alone | filled it in alone | filled in alone | filled it in on their own | completed it alone',
  intent('answeredAlone', 12),
).concat(
  // Help refused in other words ("without any help", "with no adult helping", "unaided"): the same question.
  entries(
    'without any help | with no help | without an adult | without adult help | no adult helping | nobody helping | no one helping | without anyone helping | ' +
      'without assistance | without any assistance | unaided | on his own | on her own | by himself | by herself',
    intent('answeredAlone', 12),
  ),
);

export const answeredAloneIntent = {
  reader: intentReader({
    intent: 'answeredAlone',
    before: 'scores',
    vocabulary: VOCABULARY,
    build: (s) => ({
      intent: 'answeredAlone',
      ...(s.outcome.kind === 'one' ? { outcome: s.outcome.outcome } : {}),
      terms: s.terms.terms.slice(0, 1),
    }),
    command: () => 'scores where children answered on their own',
  }),
  route: (d: Deps) =>
    intentRoute({
      intent: 'answeredAlone',
      requires: 'seeFigures',
      refusal: FIGURES_ARE_FOR_STAFF,
      input: z.object({ intent: z.literal('answeredAlone'), outcome: z.enum(OUTCOME_IDS).optional(), terms: termRefs }),
      handle: async (turn, slots) => {
        const result = await d.answeredAlone.forTerm(slots.terms[0] ?? { kind: 'current' }, slots.outcome);
        if (!result) {
          await turn.send({ text: UNKNOWN_TERM });
          return;
        }
        await turn.send(cardReply('figureTable', presentAnsweredAlone(d.bank, result.term, result.scores)));
      },
    }),
} satisfies CapabilityIntent<'answeredAlone', Deps>;
