import type { Measure, MeasureCatalogue } from './domain/measureCatalogue.js';
import { measureFigures, type MeasureAnswer, type MeasureFigures } from './domain/measureFigures.js';
import type { OutcomeId } from '../../domain/survey/questionBank.js';
import type { BenchmarkStore, MeasureStore, StoredBenchmark } from './measureStores.js';
import { resolvePeriodAsk } from './domain/periodAsked.js';
import type { PeriodAsk } from '../../understanding/periodAsk.js';

export type { MeasureAnswer };

/**
 * A measure asked for a period: its figures for the period that answers it (`scope` when that is not the
 * period asked, e.g. the term a month is in), or that none is held for it and the nearest that is.
 */
export type PeriodAnswer =
  | { kind: 'figures'; figures: MeasureFigures; asked?: string; scope?: string }
  | { kind: 'notHeld'; measure: Measure; asked: string; nearest?: string }
  | { kind: 'noData'; measure: Measure };

/** No comparators: for a caller (a test, a tool) that has none loaded. */
const NO_BENCHMARKS: BenchmarkStore = { save: async () => {}, list: async () => [] };

/**
 * The framework measures' figures for questions, digests, the board pack and the public page: data only,
 * presenters word them. Every figure comes with the comparators loaded for its period and its target rating
 * (MeasureFigures: `latest`, `comparators`, `rag`), so no caller works either out again.
 */
export class MeasuresService {
  constructor(
    readonly catalogue: MeasureCatalogue,
    private readonly store: MeasureStore,
    private readonly benchmarks: BenchmarkStore = NO_BENCHMARKS,
  ) {}

  find(id: string): Measure | undefined {
    return this.catalogue.measures.find((m) => m.id === id);
  }

  /** Every comparator figure loaded for a measure (public figures: never suppressed), oldest period first. */
  comparators(measure: Measure): Promise<StoredBenchmark[]> {
    return this.benchmarks.list(measure.id);
  }

  /**
   * A measure's figures for a period (default: the latest loaded), with that period's comparators and the
   * target rating; `figures` absent when none is loaded.
   */
  async forMeasure(measure: Measure, period?: string): Promise<MeasureAnswer> {
    const [history, benchmarks] = await Promise.all([this.store.list(measure.id), this.benchmarks.list(measure.id)]);
    const figures = measureFigures(measure, history, period, benchmarks);
    return figures ? { measure, figures } : { measure };
  }

  /** A measure for the period asked (none asked: the latest held), resolved against its frequency. */
  async forPeriodAsked(measure: Measure, ask: PeriodAsk | undefined, today: string): Promise<PeriodAnswer> {
    const [history, benchmarks] = await Promise.all([this.store.list(measure.id), this.benchmarks.list(measure.id)]);
    if (history.length === 0) return { kind: 'noData', measure };
    if (!ask) return { kind: 'figures', figures: measureFigures(measure, history, undefined, benchmarks)! };
    const held = history.map((h) => h.period);
    const r = resolvePeriodAsk(ask, measure, held, today);
    if (r.kind === 'notHeld')
      return { kind: 'notHeld', measure, asked: r.asked, ...(r.nearest ? { nearest: r.nearest } : {}) };
    const figures = measureFigures(measure, history, r.period, benchmarks)!;
    return { kind: 'figures', figures, asked: r.asked, ...(r.scope ? { scope: r.scope } : {}) };
  }

  /** Every measure that evidences an outcome (seed 004's lists), with its latest figures. */
  forOutcome(outcome: OutcomeId): Promise<MeasureAnswer[]> {
    return Promise.all(
      this.catalogue.measures.filter((m) => m.outcomes.includes(outcome)).map((m) => this.forMeasure(m)),
    );
  }

  /** Every measure with its latest figures, in catalogue order. */
  all(): Promise<MeasureAnswer[]> {
    return Promise.all(this.catalogue.measures.map((m) => this.forMeasure(m)));
  }

  /**
   * The whole picture for the board pack and the public page: every measure with, per period held (oldest
   * first), the local figure (disclosed), that period's comparators and the target rating.
   */
  async picture(): Promise<{ measure: Measure; periods: MeasureFigures[] }[]> {
    return Promise.all(
      this.catalogue.measures.map(async (measure) => {
        const [history, benchmarks] = await Promise.all([
          this.store.list(measure.id),
          this.benchmarks.list(measure.id),
        ]);
        return {
          measure,
          periods: history.map((h) => measureFigures(measure, history, h.period, benchmarks)!),
        };
      }),
    );
  }
}
