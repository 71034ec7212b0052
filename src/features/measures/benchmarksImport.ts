import path from 'node:path';
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
import { readCsv, writeRejects, type RowError } from '../../imports/csvRows.js';

export type BenchmarksImportProgress = { phase: 'validating' | 'writing'; done: number; total?: number };
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
    const invalid: RowError[] = [];
    const valid = new Map<string, { line: number; value: BenchmarkValue }>();
    let rows = 0;
    let repeatedRows = 0;
    for await (const { line, values } of readCsv(file, BENCHMARK_COLUMNS)) {
      rows++;
      const checked = checkBenchmarkRow(values, this.byId, today);
      if (!checked.ok) invalid.push({ line, errors: checked.errors, values });
      else {
        const key = benchmarkKey(checked.row);
        const earlier = valid.get(key);
        if (!earlier) valid.set(key, { line, value: checked.row });
        else if (sameBenchmark(earlier.value, checked.row)) repeatedRows++;
        else
          invalid.push({
            line,
            errors: [
              `${checked.row.measureId} ${checked.row.comparator} for ${checked.row.period} is already on line ${earlier.line} with different figures`,
            ],
            values,
          });
      }
      if (rows % 1000 === 0) opts.onProgress?.({ phase: 'validating', done: rows });
    }
    invalid.sort((a, b) => a.line - b.line);
    const report: BenchmarksImportReport = { rows, invalid, imported: false, measures: [], repeatedRows };
    if (invalid.length > 0) {
      if (opts.keepRejects !== false) report.rejectsFile = await writeRejects(file, BENCHMARK_COLUMNS, invalid);
      if (!opts.skipInvalid) return report;
    }
    // A row whose key a later, conflicting row made invalid is not imported either: the pair is in doubt.
    const doubtful = new Set(
      invalid.map((r) =>
        benchmarkKey({
          measureId: r.values['measure_id']?.trim() ?? '',
          period: r.values['period']?.trim() ?? '',
          comparator: r.values['comparator']?.trim() ?? '',
        }),
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
      .map(([id, figures]) => ({ id, figures }))
      .sort((a, b) => a.id.localeCompare(b.id));
    report.imported = true;
    return report;
  }
}
