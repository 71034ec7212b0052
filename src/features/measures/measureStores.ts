import type { MeasureValue } from './domain/measureRow.js';
import type { BenchmarkValue } from './domain/benchmarkRow.js';

/** A framework measure's figure as stored: when it was loaded and from which file. */
export type StoredMeasureValue = MeasureValue & { loadedAt: string; file: string };

/** The framework measures' figures (one per measure and period). */
export interface MeasureStore {
  /** Stores each figure, replacing what was stored for the same measure and period. */
  save(values: readonly StoredMeasureValue[]): Promise<void>;
  /** Every period of one measure, oldest first. */
  list(measureId: string): Promise<StoredMeasureValue[]>;
}

/** A comparator figure as stored: when it was loaded and from which file. */
export type StoredBenchmark = BenchmarkValue & { loadedAt: string; file: string };

/** Public comparators for the measures (one per measure, period and comparator). */
export interface BenchmarkStore {
  /** Stores each figure, replacing what was stored for the same measure, period and comparator. */
  save(values: readonly StoredBenchmark[]): Promise<void>;
  /** Every comparator figure of one measure, by period (oldest first), then comparator. */
  list(measureId: string): Promise<StoredBenchmark[]>;
}
