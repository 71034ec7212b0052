import type { Measure, MeasureCatalogue } from './domain/measureCatalogue.js';
import { measureFigures, type MeasureAnswer } from './domain/measureFigures.js';
import type { OutcomeId } from '../../domain/survey/questionBank.js';
import type { MeasureStore } from './measureStores.js';

export type { MeasureAnswer };

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
