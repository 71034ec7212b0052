import path from 'node:path';
import { readCsv, writeRejects, type RowError } from '../../imports/csvRows.js';

export type FiguresImportProgress = { phase: 'validating' | 'writing'; done: number; total?: number };
export type FiguresImportOptions = {
  skipInvalid?: boolean;
  keepRejects?: boolean;
  onProgress?: (p: FiguresImportProgress) => void;
};

/** What a figures file is made of: its columns, how a row is checked, and what makes two rows the same figure. */
export type FiguresFile<R extends { measureId: string }> = {
  columns: readonly string[];
  check(values: Record<string, string>): { ok: true; row: R } | { ok: false; errors: string[] };
  key(row: R): string;
  /** The key of a row as written (for a row found invalid, whose checked form is not known). */
  keyOfValues(values: Record<string, string>): string;
  same(a: R, b: R): boolean;
  /** The figure a conflicting row repeats, in words ("tribunals england for 2025-26"). */
  describe(row: R): string;
  save(rows: (R & { loadedAt: string; file: string })[]): Promise<void>;
};

export type FiguresImportResult = {
  rows: number;
  invalid: RowError[];
  imported: boolean;
  /** Per measure: how many figures were stored from this file. */
  perMeasure: { id: string; count: number }[];
  repeatedRows: number;
  rejectsFile?: string;
};

/**
 * The one way a file of figures is imported (the measures' own and their comparators): every row is checked
 * before anything is written, and nothing is written if any row is invalid unless skipInvalid; a figure already
 * stored under the same key is replaced, so importing a file again changes nothing. The same key twice in one
 * file with different figures is an error (which is right cannot be known), and then neither is imported; an
 * exact repeat is kept once.
 */
export async function importFigures<R extends { measureId: string }>(
  file: string,
  spec: FiguresFile<R>,
  loadedAt: string,
  opts: FiguresImportOptions = {},
): Promise<FiguresImportResult> {
  const invalid: RowError[] = [];
  const valid = new Map<string, { line: number; value: R }>();
  let rows = 0;
  let repeatedRows = 0;
  for await (const { line, values } of readCsv(file, spec.columns)) {
    rows++;
    const checked = spec.check(values);
    if (!checked.ok) invalid.push({ line, errors: checked.errors, values });
    else {
      const key = spec.key(checked.row);
      const earlier = valid.get(key);
      if (!earlier) valid.set(key, { line, value: checked.row });
      else if (spec.same(earlier.value, checked.row)) repeatedRows++;
      else
        invalid.push({
          line,
          errors: [`${spec.describe(checked.row)} is already on line ${earlier.line} with different figures`],
          values,
        });
    }
    if (rows % 1000 === 0) opts.onProgress?.({ phase: 'validating', done: rows });
  }
  invalid.sort((a, b) => a.line - b.line);
  const result: FiguresImportResult = { rows, invalid, imported: false, perMeasure: [], repeatedRows };
  if (invalid.length > 0) {
    if (opts.keepRejects !== false) result.rejectsFile = await writeRejects(file, spec.columns, invalid);
    if (!opts.skipInvalid) return result;
  }
  // A row whose key a later, conflicting row made invalid is not imported either: the pair is in doubt.
  const doubtful = new Set(invalid.map((r) => spec.keyOfValues(r.values)));
  const toWrite = [...valid.entries()]
    .filter(([key]) => !doubtful.has(key))
    .map(([, v]) => ({ ...v.value, loadedAt, file: path.basename(file) }));
  opts.onProgress?.({ phase: 'writing', done: 0, total: toWrite.length });
  for (let i = 0; i < toWrite.length; i += 500) {
    await spec.save(toWrite.slice(i, i + 500));
    opts.onProgress?.({ phase: 'writing', done: Math.min(i + 500, toWrite.length), total: toWrite.length });
  }
  const counts = new Map<string, number>();
  for (const v of toWrite) counts.set(v.measureId, (counts.get(v.measureId) ?? 0) + 1);
  result.perMeasure = [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => a.id.localeCompare(b.id));
  result.imported = true;
  return result;
}
