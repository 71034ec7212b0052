import type { Clock } from '../../domain/clock.js';
import { themeFigures, type PromptThemes } from './domain/themeFigures.js';
import type { ThemeList } from './domain/themeList.js';
import type { OutcomeId, QuestionBank, RespondentRole } from '../../domain/survey/questionBank.js';
import type { Term, TermCalendar } from '../../domain/terms/termCalendar.js';
import { resolveTerm, type TermRef } from '../../domain/terms/termRef.js';
import type { AggregateCounters } from '../scores/scoreStores.js';
import type { PeriodAsk } from '../../understanding/periodAsk.js';
import { termForPeriod } from '../../domain/terms/termlyAnswer.js';
import { periodAsked, termRefOf, type PeriodAnswer } from '../scores/scoresService.js';

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

  /**
   * Themes for a period or a past term asked: the term holding comments for it, said so (a month's term, a
   * year's latest term), or that none are held and the nearest term that has some.
   */
  async forPeriodAsked(
    ref: TermRef,
    period: PeriodAsk | undefined,
    opts: { outcome?: OutcomeId; roles: readonly RespondentRole[] },
  ): Promise<PeriodAnswer<{ term: Term; prompts: PromptThemes[] }>> {
    const asked = periodAsked([ref], period, this.terms, this.clock);
    if (asked === 'unknown') return { kind: 'unknownTerm' };
    if (!asked) {
      const r = await this.forTerm(ref, opts);
      return r ? { kind: 'figures', ...r } : { kind: 'unknownTerm' };
    }
    const choice = await termForPeriod(
      asked,
      this.terms,
      this.clock.today(),
      (ids) => this.aggregates.read(ids),
      (c) => (c?.size ?? 0) > 0,
      'survey answers',
    );
    if (choice.kind === 'none') return choice;
    const r = (await this.forTerm(termRefOf(choice.term), opts))!;
    return { kind: 'figures', ...r, ...(choice.lead ? { lead: choice.lead } : {}) };
  }
}
