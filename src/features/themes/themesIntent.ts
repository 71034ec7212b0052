import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { CapabilityIntent } from '../../routing/route.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, exactEntries, intent } from '../../understanding/lexicon.js';
import { OUTCOME_LABEL } from '../../understanding/outcomeVocabulary.js';
import type { OutcomeId, PeriodAsk, RespondentRole, TermRef } from '../../understanding/types.js';
import { readNonTermPeriod } from '../../understanding/periodSlot.js';
import { periodAskPhrase } from '../../understanding/periodAsk.js';
import type { ThemesService } from './themesService.js';
import { themesRoute } from './themesRoute.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "what are families saying about support?": counted themes of the free text (managers, practitioners). */
    themes: { outcome?: OutcomeId; roles: RespondentRole[]; terms: TermRef[]; period?: PeriodAsk };
  }
}

type Deps = { themes: ThemesService; bank: QuestionBank };

export const themesIntent = {
  reader: intentReader({
    intent: 'themes',
    before: 'responseRate',
    vocabulary: [
      ...entries(
        // Role words ("parents") are left free so "what are parents saying" is read for parent carers.
        'are saying | saying about | comments | comments about | comments on | themes | common themes | what did families write | what families wrote | what do families write | free text | written comments',
        intent('themes', 5),
      ),
      ...entries('saying', intent('themes', 4)),
      ...entries('written about | wrote about | writing about | have written about | write about', intent('themes', 6)),
      // What families raise, in staff's everyday words ("what are parents moaning about re health").
      // Exact: "complaints about SEND" is a count of formal complaints, not what families wrote.
      ...exactEntries(
        'moaning about | moan about | complaining about | complain about | grumbling about | talking about | unhappy about | upset about',
        intent('themes', 6),
      ),
    ],
    build: (s) => {
      // "in October", "last year": the period asked, placed in a term by the route (which says so).
      const period = s.terms.terms.length === 0 ? readNonTermPeriod(s.analysis) : undefined;
      return {
        intent: 'themes',
        ...(s.outcome.kind === 'one' ? { outcome: s.outcome.outcome } : {}),
        roles: s.roles,
        terms: s.terms.terms.slice(0, 1),
        ...(period ? { period } : {}),
      };
    },
    command: (u) =>
      `what are families saying${u.outcome ? ` about ${OUTCOME_LABEL[u.outcome]}` : ''}${u.period ? ` ${periodAskPhrase(u.period)}` : ''}`,
  }),
  route: (d: Deps) => themesRoute(d.themes, d.bank),
} satisfies CapabilityIntent<'themes', Deps>;
