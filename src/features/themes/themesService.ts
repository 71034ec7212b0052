import type { Clock } from '../../domain/clock.js';
import { themeFigures, type PromptThemes } from './domain/themeFigures.js';
import type { ThemeList } from './domain/themeList.js';
import type { OutcomeId, QuestionBank, RespondentRole } from '../../domain/survey/questionBank.js';
import type { Term, TermCalendar } from '../../domain/terms/termCalendar.js';
import { resolveTerm, type TermRef } from '../../domain/terms/termRef.js';
import type { AggregateCounters } from '../scores/scoreStores.js';

/** "What are families saying about support?": counted themes of the term's comments, from the aggregates only. */
export class ThemesService {
  constructor(
    private readonly bank: QuestionBank,
    private readonly themes: ThemeList,
    private readonly terms: TermCalendar,
    private readonly clock: Clock,
    private readonly aggregates: AggregateCounters,
  ) {}

  async forTerm(
    ref: TermRef,
    opts: { outcome?: OutcomeId; roles: readonly RespondentRole[] },
  ): Promise<{ term: Term; prompts: PromptThemes[] } | undefined> {
    const term = resolveTerm(ref, this.terms, this.clock);
    if (!term) return undefined;
    const counters = (await this.aggregates.read([term.id])).get(term.id)!;
    return { term, prompts: themeFigures(this.bank, counters, this.themes.themes, opts) };
  }
}
