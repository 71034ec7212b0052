import type { Clock } from '../../domain/clock.js';
import { OUTCOME_IDS, type OutcomeId, type QuestionBank } from '../../domain/survey/questionBank.js';
import type { Term, TermCalendar } from '../../domain/terms/termCalendar.js';
import { resolveTerm, type TermRef } from '../../domain/terms/termRef.js';
import type { AggregateCounters } from '../scores/scoreStores.js';
import { answeredAloneScores, type AloneScore } from './domain/answeredAloneScores.js';

/** "Scores where children answered alone": one term's outcome scores of those children, from the counters only. */
export class AnsweredAloneService {
  constructor(
    private readonly bank: QuestionBank,
    private readonly terms: TermCalendar,
    private readonly clock: Clock,
    private readonly aggregates: AggregateCounters,
  ) {}

  async forTerm(ref: TermRef, outcome?: OutcomeId): Promise<{ term: Term; scores: AloneScore[] } | undefined> {
    const term = resolveTerm(ref, this.terms, this.clock);
    if (!term) return undefined;
    const counters = (await this.aggregates.read([term.id])).get(term.id)!;
    return { term, scores: answeredAloneScores(this.bank, counters, outcome ? [outcome] : OUTCOME_IDS) };
  }
}
