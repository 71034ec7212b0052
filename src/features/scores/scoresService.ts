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
import { resolveTerm, type Season, type TermRef } from '../../domain/terms/termRef.js';
import type { AggregateCounters } from './scoreStores.js';
import type { PeriodAsk } from '../../understanding/periodAsk.js';
import { askedPeriod, termName, type AskedPeriod } from '../../domain/terms/askedPeriod.js';
import { termForPeriod } from '../../domain/terms/termlyAnswer.js';

export type ScoresRequest = { outcome?: OutcomeId; roles: RespondentRole[]; terms: TermRef[] };

/**
 * Figures for the period asked: the term that answers it, with `lead` saying so when it is not simply the
 * term asked ("Survey figures are kept by term; October 2026 is in the autumn term 2026-27:"); `none` when
 * nothing is held for it or near it.
 */
export type PeriodAnswer<F> =
  { kind: 'unknownTerm' } | { kind: 'none'; text: string } | ({ kind: 'figures'; lead?: string } & F);

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

  /**
   * Scores for what was asked: a period that is not a term (`period`), or one term other than this one, is
   * answered by the term holding its figures, said so; this term, or terms compared, as `scores` answers them.
   */
  async scoresAsked(request: ScoresRequest, period?: PeriodAsk): Promise<PeriodAnswer<{ results: TermScores[] }>> {
    const asked = this.askedOf(request.terms, period);
    if (asked === 'unknown') return { kind: 'unknownTerm' };
    if (!asked) {
      const r = await this.scores(request);
      return r.unknownTerm ? { kind: 'unknownTerm' } : { kind: 'figures', results: r.results };
    }
    const outcomes = request.outcome ? [request.outcome] : [...OUTCOME_IDS];
    const choice = await termForPeriod(
      asked,
      this.terms,
      this.clock.today(),
      (ids) => this.aggregates.read(ids),
      (c) => outcomes.some((o) => request.roles.some((r) => (c?.get(`${r}~${o}`)?.seen ?? 0) > 0)),
      'scores',
    );
    if (choice.kind === 'none') return choice;
    const r = await this.scores({ ...request, terms: [termRefOf(choice.term)] });
    if (r.unknownTerm) return { kind: 'unknownTerm' };
    return { kind: 'figures', results: r.results, ...(choice.lead ? { lead: choice.lead } : {}) };
  }

  /** Response rates for a period or a term asked, answered as `scoresAsked` answers scores. */
  async responseRatesAsked(
    ref: TermRef = { kind: 'current' },
    period?: PeriodAsk,
  ): Promise<PeriodAnswer<{ term: Term; rates: ResponseRate[] }>> {
    const asked = this.askedOf([ref], period);
    if (asked === 'unknown') return { kind: 'unknownTerm' };
    if (!asked) {
      const r = await this.responseRates(ref);
      return r ? { kind: 'figures', ...r } : { kind: 'unknownTerm' };
    }
    const choice = await termForPeriod(
      asked,
      this.terms,
      this.clock.today(),
      (ids) => this.aggregates.read(ids),
      (c) => (c?.size ?? 0) > 0,
      'response figures',
    );
    if (choice.kind === 'none') return choice;
    const r = (await this.responseRates(termRefOf(choice.term)))!;
    return { kind: 'figures', ...r, ...(choice.lead ? { lead: choice.lead } : {}) };
  }

  /**
   * The period to settle against what is held: the one asked, or one term other than this one; undefined for
   * this term or terms compared (answered as they are), 'unknown' for a term the calendar does not have.
   */
  private askedOf(terms: readonly TermRef[], period?: PeriodAsk): AskedPeriod | 'unknown' | undefined {
    return periodAsked(terms, period, this.terms, this.clock);
  }

  async responseRates(ref: TermRef = { kind: 'current' }): Promise<{ term: Term; rates: ResponseRate[] } | undefined> {
    const term = resolveTerm(ref, this.terms, this.clock);
    if (!term) return undefined;
    return { term, rates: responseRates((await this.aggregates.read([term.id])).get(term.id)!) };
  }
}

/** A concrete term as a term reference ("spring 2025-26"). */
export function termRefOf(t: Term): TermRef {
  return { kind: 'named', season: t.season as Season, academicYear: t.academicYear };
}

/** See ScoresService.askedOf; shared with the themes of comments, which are termly too. */
export function periodAsked(
  terms: readonly TermRef[],
  period: PeriodAsk | undefined,
  calendar: TermCalendar,
  clock: Clock,
): AskedPeriod | 'unknown' | undefined {
  if (period) return askedPeriod(period, calendar, clock.today()) ?? 'unknown';
  const only = terms.length === 1 ? terms[0] : undefined;
  if (!only || only.kind === 'current') return undefined;
  const t = resolveTerm(only, calendar, clock);
  return t ? { unit: 'term', start: t.start, end: t.end, name: termName(t) } : 'unknown';
}
