import type { Measure, MeasureCatalogue } from './domain/measureCatalogue.js';
import { measureFigures, type MeasureAnswer, type MeasureFigures } from './domain/measureFigures.js';
import type { OutcomeId } from '../../domain/survey/questionBank.js';
import type { MeasureStore } from './measureStores.js';
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

/** The framework measures' figures for questions and digests: data only, presenters word them. */
export class MeasuresService {
  constructor(
    readonly catalogue: MeasureCatalogue,
    private readonly store: MeasureStore,
  ) {}

  find(id: string): Measure | undefined {
    return this.catalogue.measures.find((m) => m.id === id);
  }

  /** A measure's figures for a period (default: the latest loaded); `figures` absent when none is loaded. */
  async forMeasure(measure: Measure, period?: string): Promise<MeasureAnswer> {
    const figures = measureFigures(measure, await this.store.list(measure.id), period);
    return figures ? { measure, figures } : { measure };
  }

  /** A measure for the period asked (none asked: the latest held), resolved against its frequency. */
  async forPeriodAsked(measure: Measure, ask: PeriodAsk | undefined, today: string): Promise<PeriodAnswer> {
    const history = await this.store.list(measure.id);
    if (history.length === 0) return { kind: 'noData', measure };
    if (!ask) return { kind: 'figures', figures: measureFigures(measure, history)! };
    const held = history.map((h) => h.period);
    const r = resolvePeriodAsk(ask, measure, held, today);
    if (r.kind === 'notHeld')
      return { kind: 'notHeld', measure, asked: r.asked, ...(r.nearest ? { nearest: r.nearest } : {}) };
    const figures = measureFigures(measure, history, r.period)!;
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
}
