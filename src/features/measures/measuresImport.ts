import path from 'node:path';
import type { Clock } from '../../domain/clock.js';
import type { Measure } from './domain/measureCatalogue.js';
import { checkMeasureRow, MEASURE_COLUMNS, measureKey, sameValue, type MeasureValue } from './domain/measureRow.js';
import type { MeasureStore } from './measureStores.js';
import { readCsv, writeRejects, type RowError } from '../../imports/csvRows.js';

export type MeasuresImportProgress = { phase: 'validating' | 'writing'; done: number; total?: number };
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
 * Imports framework measures' figures (SPEC.md "Framework measures" CSV). Every row is checked before
 * anything is written; nothing is written if any row is invalid unless skipInvalid. A measure's period
 * already stored is replaced. The same measure and period twice in one file with different figures is an
 * error (which one is right cannot be known); an exact repeat is kept once.
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
    const invalid: RowError[] = [];
    const valid = new Map<string, { line: number; value: MeasureValue }>();
    let rows = 0;
    let repeatedRows = 0;
    for await (const { line, values } of readCsv(file, MEASURE_COLUMNS)) {
      rows++;
      const checked = checkMeasureRow(values, this.byId, today);
      if (!checked.ok) invalid.push({ line, errors: checked.errors, values });
      else {
        const key = measureKey(checked.row);
        const earlier = valid.get(key);
        if (!earlier) valid.set(key, { line, value: checked.row });
        else if (sameValue(earlier.value, checked.row)) repeatedRows++;
        else
          invalid.push({
            line,
            errors: [
              `${checked.row.measureId} for ${checked.row.period} is already on line ${earlier.line} with different figures`,
            ],
            values,
          });
      }
      if (rows % 1000 === 0) opts.onProgress?.({ phase: 'validating', done: rows });
    }
    invalid.sort((a, b) => a.line - b.line);
    const report: MeasuresImportReport = { rows, invalid, imported: false, measures: [], repeatedRows };
    if (invalid.length > 0) {
      if (opts.keepRejects !== false) report.rejectsFile = await writeRejects(file, MEASURE_COLUMNS, invalid);
      if (!opts.skipInvalid) return report;
    }
    // A row whose key a later, conflicting row made invalid is not imported either: the pair is in doubt.
    const doubtful = new Set(
      invalid.map((r) =>
        measureKey({ measureId: r.values['measure_id']?.trim() ?? '', period: r.values['period']?.trim() ?? '' }),
      ),
    );
    const loadedAt = this.clock.now().toISOString();
    const toWrite = [...valid.entries()]
      .filter(([key]) => !doubtful.has(key))
      .map(([, v]) => ({ ...v.value, loadedAt, file: path.basename(file) }));
    opts.onProgress?.({ phase: 'writing', done: 0, total: toWrite.length });
    for (let i = 0; i < toWrite.length; i += 500) {
      await this.store.save(toWrite.slice(i, i + 500));
      opts.onProgress?.({ phase: 'writing', done: Math.min(i + 500, toWrite.length), total: toWrite.length });
    }
    const perMeasure = new Map<string, number>();
    for (const v of toWrite) perMeasure.set(v.measureId, (perMeasure.get(v.measureId) ?? 0) + 1);
    report.measures = [...perMeasure]
      .map(([id, periods]) => ({ id, periods }))
      .sort((a, b) => a.id.localeCompare(b.id));
    report.imported = true;
    return report;
  }
}
