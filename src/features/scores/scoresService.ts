import type { Clock } from '../../domain/clock.js';
import type { TermScores } from './domain/termScores.js';
import { outcomeScore, responseRates, type Counters, type ResponseRate } from './domain/outcomeFigures.js';
import {
  OUTCOME_IDS,
  type OutcomeId,
  type QuestionBank,
  type RespondentRole,
} from '../../domain/survey/questionBank.js';
import type { Term, TermCalendar } from '../../domain/terms/termCalendar.js';
import { resolveTerm, type TermRef } from '../../domain/terms/termRef.js';
import type { AggregateCounters } from './scoreStores.js';

export type ScoresRequest = { outcome?: OutcomeId; roles: RespondentRole[]; terms: TermRef[] };

/**
 * Outcome scores and response rates for practitioners' questions. Reads only the aggregate counters of
 * the terms asked about (and the term before, for the change), never the answers.
 */
export class ScoresService {
  constructor(
    private readonly bank: QuestionBank,
    private readonly terms: TermCalendar,
    private readonly clock: Clock,
    private readonly aggregates: AggregateCounters,
  ) {}

  async scores(request: ScoresRequest): Promise<{ unknownTerm: true } | { unknownTerm: false; results: TermScores[] }> {
    const wanted = request.terms.length ? request.terms : [{ kind: 'current' as const }];
    const resolved = wanted.map((ref) => resolveTerm(ref, this.terms, this.clock));
    if (resolved.some((t) => !t)) return { unknownTerm: true };
    const terms = resolved as Term[];
    const needed = [...new Set(terms.flatMap((t) => [t.id, this.terms.previous(t).id]))];
    const counters: Map<string, Counters> = await this.aggregates.read(needed);
    const outcomes = request.outcome ? [request.outcome] : [...OUTCOME_IDS];
    const results = terms.map((term) => {
      const previous = this.terms.previous(term);
      const now = counters.get(term.id)!;
      const before = counters.get(previous.id)!;
      const pick = (c: Counters) => outcomes.flatMap((o) => request.roles.map((r) => outcomeScore(this.bank, c, o, r)));
      const hasData = outcomes.some((o) => request.roles.some((r) => (now.get(`${r}~${o}`)?.seen ?? 0) > 0));
      return { term, previous, hasData, scores: pick(now), previousScores: pick(before) };
    });
    return { unknownTerm: false, results };
  }

  async responseRates(ref: TermRef = { kind: 'current' }): Promise<{ term: Term; rates: ResponseRate[] } | undefined> {
    const term = resolveTerm(ref, this.terms, this.clock);
    if (!term) return undefined;
    return { term, rates: responseRates((await this.aggregates.read([term.id])).get(term.id)!) };
  }
}
