import type { Clock } from '../../domain/clock.js';
import type { QuestionBank, RespondentRole } from '../../domain/survey/questionBank.js';
import type { Term, TermCalendar } from '../../domain/terms/termCalendar.js';
import { resolveTerm, type TermRef } from '../../domain/terms/termRef.js';
import type { AggregateCounters } from '../scores/scoreStores.js';
import { unclearQuestions, type UnclearQuestion } from './domain/unclearCounts.js';

/** Questions families said they did not understand, per term, from the aggregate counters only. */
export class UnclearQuestionsService {
  constructor(
    private readonly bank: QuestionBank,
    private readonly terms: TermCalendar,
    private readonly clock: Clock,
    private readonly aggregates: AggregateCounters,
  ) {}

  async forTerm(
    ref: TermRef,
    roles: readonly RespondentRole[],
  ): Promise<{ term: Term; questions: UnclearQuestion[]; anySaved: boolean } | undefined> {
    const term = resolveTerm(ref, this.terms, this.clock);
    if (!term) return undefined;
    const counters = (await this.aggregates.read([term.id])).get(term.id)!;
    const anySaved = [...counters.entries()].some(([row, f]) => /^(cyp|pc)~/.test(row) && (f.seen ?? 0) > 0);
    return { term, questions: unclearQuestions(this.bank, counters, roles), anySaved };
  }
}
