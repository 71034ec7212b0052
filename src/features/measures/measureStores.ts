import type { MeasureValue } from './domain/measureRow.js';

/** A framework measure's figure as stored: when it was loaded and from which file. */
export type StoredMeasureValue = MeasureValue & { loadedAt: string; file: string };

/** The framework measures' figures (one per measure and period). */
export interface MeasureStore {
  /** Stores each figure, replacing what was stored for the same measure and period. */
  save(values: readonly StoredMeasureValue[]): Promise<void>;
  /** Every period of one measure, oldest first. */
  list(measureId: string): Promise<StoredMeasureValue[]>;
}
