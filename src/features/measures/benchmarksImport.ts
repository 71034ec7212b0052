import type { Clock } from '../../domain/clock.js';
import type { Measure } from './domain/measureCatalogue.js';
import {
  BENCHMARK_COLUMNS,
  benchmarkKey,
  checkBenchmarkRow,
  sameBenchmark,
  type BenchmarkValue,
} from './domain/benchmarkRow.js';
import type { BenchmarkStore } from './measureStores.js';
import type { RowError } from '../../imports/csvRows.js';
import { importFigures, type FiguresImportProgress } from './keyedFiguresImport.js';

export type BenchmarksImportProgress = FiguresImportProgress;
export type BenchmarksImportReport = {
  rows: number;
  invalid: RowError[];
  imported: boolean;
  /** Per measure: the comparator figures stored from this file. */
  measures: { id: string; figures: number }[];
  /** Rows repeating an earlier row of the file exactly (kept once). */
  repeatedRows: number;
  rejectsFile?: string;
};

/**
 * Imports public comparators for the framework measures (SPEC.md "Framework measures": `measure_id, period,
 * comparator, numerator, denominator, value`), as the measures import does: every row is checked before
 * anything is written, and nothing is written if any row is invalid unless skipInvalid; a figure already
 * stored for the same measure, period and comparator is replaced, so importing the same file again changes
 * nothing. The same key twice in one file with different figures is an error; an exact repeat is kept once.
 */
export class BenchmarksImport {
  private readonly byId: ReadonlyMap<string, Measure>;

  constructor(
    measures: readonly Measure[],
    private readonly clock: Clock,
    private readonly store: BenchmarkStore,
  ) {
    this.byId = new Map(measures.map((m) => [m.id, m]));
  }

  async run(
    file: string,
    opts: { skipInvalid?: boolean; keepRejects?: boolean; onProgress?: (p: BenchmarksImportProgress) => void } = {},
  ): Promise<BenchmarksImportReport> {
    const today = this.clock.today();
    const { perMeasure, ...result } = await importFigures<BenchmarkValue>(
      file,
      {
        columns: BENCHMARK_COLUMNS,
        check: (values) => checkBenchmarkRow(values, this.byId, today),
        key: benchmarkKey,
        keyOfValues: (v) =>
          benchmarkKey({
            measureId: v['measure_id']?.trim() ?? '',
            period: v['period']?.trim() ?? '',
            comparator: v['comparator']?.trim() ?? '',
          }),
        same: sameBenchmark,
        describe: (row) => `${row.measureId} ${row.comparator} for ${row.period}`,
        save: (rows) => this.store.save(rows),
      },
      this.clock.now().toISOString(),
      opts,
    );
    return { ...result, measures: perMeasure.map(({ id, count }) => ({ id, figures: count })) };
  }
}
