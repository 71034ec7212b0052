import type { MeasureStore } from '../measures/measureStores.js';
import type { Measure } from '../measures/domain/measureCatalogue.js';
import { discloseValue } from '../measures/domain/measureFigures.js';
import type { ScoresService } from '../scores/scoresService.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { Term, TermCalendar } from '../../domain/terms/termCalendar.js';
import type { ComparatorFigure, MeasureTrend, ScoreTrend } from './domain/boardPack.js';

/** How many terms a score trend shows: two academic years. */
export const TREND_TERMS = 6;

/** The published comparators of a measure, where the measures capability holds them (a seam until then). */
export type ComparatorSource = (measure: Measure) => Promise<ComparatorFigure[]>;

/**
 * Each outcome's mean score for both roles over the last TREND_TERMS terms up to `term`, from the
 * aggregates of those terms alone (one read), each mean disclosed by the scores' own disclosure control.
 */
export async function readScoreTrends(
  deps: { bank: QuestionBank; terms: TermCalendar; scores: Pick<ScoresService, 'scores'> },
  term: Term,
  count = TREND_TERMS,
): Promise<ScoreTrend[]> {
  const terms: Term[] = [term];
  while (terms.length < count) terms.unshift(deps.terms.previous(terms[0]));
  const refs = terms.map((t) => ({
    kind: 'named' as const,
    season: t.season as 'autumn' | 'spring' | 'summer',
    academicYear: t.academicYear,
  }));
  const read = await deps.scores.scores({ roles: ['cyp', 'pc'], terms: refs });
  if (read.unknownTerm) return [];
  return deps.bank.outcomes.map((o) => ({
    outcome: o.id,
    name: o.shortName,
    points: read.results.flatMap((r) =>
      r.scores
        .filter((s) => s.outcome === o.id)
        .map((s) => ({
          term: r.term.label,
          termId: r.term.id,
          role: s.role,
          mean: s.mean,
          respondents: s.respondents,
        })),
    ),
  }));
}

/**
 * Each measure's figures over every period held, each through the measures' own disclosure rule
 * (discloseValue), with its comparators where a source for them is given.
 */
export async function readMeasureTrends(
  measures: readonly Measure[],
  store: Pick<MeasureStore, 'list'>,
  comparators?: ComparatorSource,
): Promise<MeasureTrend[]> {
  return Promise.all(
    measures.map(async (measure) => ({
      measure,
      points: (await store.list(measure.id)).map((v) => discloseValue(measure, v)),
      comparators: comparators ? await comparators(measure) : [],
    })),
  );
}
