import { createReadStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../domain/text/safeText.js';

export type CsvRow = { line: number; values: Record<string, string> };
export type RowError = { line: number; errors: string[]; values: Record<string, string> };

/**
 * Streams a CSV with a header row. Header names are matched case-insensitively and trimmed; the header
 * must hold every expected column (extra columns are an error: they usually mean the wrong file).
 */
export async function* readCsv(file: string, expected: readonly string[]): AsyncGenerator<CsvRow> {
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim().toLowerCase());
        const missing = expected.filter((c) => !names.includes(c));
        const extra = names.filter((n) => !expected.includes(n));
        if (missing.length || extra.length) {
          throw new CsvHeaderError(
            `the header row does not match: ${missing.length ? `missing ${missing.join(', ')}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `unexpected ${extra.join(', ')}` : ''}. Expected: ${expected.join(', ')}`,
          );
        }
        return names;
      },
      skip_empty_lines: true,
      relax_column_count: false,
      info: true,
    }),
  );
  for await (const record of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    yield { line: record.info.lines, values: record.record };
  }
}

export class CsvHeaderError extends Error {}

/** Writes rejected rows beside the input, with their line numbers and reasons, for correction. */
export async function writeRejects(file: string, columns: readonly string[], rejects: RowError[]): Promise<string> {
  const out = file.replace(/\.csv$/i, '') + '.rejects.csv';
  // The rejected values are whatever the file held: a spreadsheet must show them, not run them.
  const rows = rejects.map((r) =>
    [String(r.line), r.errors.join('; '), ...columns.map((c) => r.values[c] ?? '')].map(spreadsheetSafe),
  );
  await writeFile(out, stringify([['line', 'errors', ...columns], ...rows]));
  return out;
}

/** Runs `work` over items with at most `limit` at a time. */
export async function forEachLimited<T>(
  items: T[],
  limit: number,
  work: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  });
  await Promise.all(workers);
}
