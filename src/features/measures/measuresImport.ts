import type { Clock } from '../../domain/clock.js';
import type { Measure } from './domain/measureCatalogue.js';
import { checkMeasureRow, MEASURE_COLUMNS, measureKey, sameValue, type MeasureValue } from './domain/measureRow.js';
import type { MeasureStore } from './measureStores.js';
import type { RowError } from '../../imports/csvRows.js';
import { importFigures, type FiguresImportProgress } from './keyedFiguresImport.js';

export type MeasuresImportProgress = FiguresImportProgress;
export type MeasuresImportReport = {
  rows: number;
  invalid: RowError[];
  imported: boolean;
  /** Per measure: the periods stored from this file. */
  measures: { id: string; periods: number }[];
  /** Rows repeating an earlier row of the file exactly (kept once). */
  repeatedRows: number;
  rejectsFile?: string;
};

/**
 * Imports framework measures' figures (SPEC.md "Framework measures" CSV), keyed by measure and period, as
 * `importFigures` imports any file of figures (checked whole first, nothing partial, a re-import changes nothing).
 */
export class MeasuresImport {
  private readonly byId: ReadonlyMap<string, Measure>;

  constructor(
    measures: readonly Measure[],
    private readonly clock: Clock,
    private readonly store: MeasureStore,
  ) {
    this.byId = new Map(measures.map((m) => [m.id, m]));
  }

  async run(
    file: string,
    opts: { skipInvalid?: boolean; keepRejects?: boolean; onProgress?: (p: MeasuresImportProgress) => void } = {},
  ): Promise<MeasuresImportReport> {
    const today = this.clock.today();
    const { perMeasure, ...result } = await importFigures<MeasureValue>(
      file,
      {
        columns: MEASURE_COLUMNS,
        check: (values) => checkMeasureRow(values, this.byId, today),
        key: measureKey,
        keyOfValues: (v) => measureKey({ measureId: v['measure_id']?.trim() ?? '', period: v['period']?.trim() ?? '' }),
        same: sameValue,
        describe: (row) => `${row.measureId} for ${row.period}`,
        save: (rows) => this.store.save(rows),
      },
      this.clock.now().toISOString(),
      opts,
    );
    return { ...result, measures: perMeasure.map(({ id, count }) => ({ id, periods: count })) };
  }
}
