import { compactValue, type RespondentState, type SavedSection } from '../survey/domain/respondentState.js';
import { deltaBetween, mergeDelta, type Delta } from './domain/aggregateDelta.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { ThemeList } from '../themes/domain/themeList.js';
import { sectionOrder } from '../survey/domain/sections.js';
import type { AggregateMaintenance, CounterRow } from './scoreStores.js';
import type { RespondentRecords } from '../survey/surveyStores.js';

export type CounterDifference = { term: string; row: string; field: string; stored: number; recomputed: number };
export type RebuildReport = { respondents: number; answers: number; differences: CounterDifference[]; fixed: boolean };

/**
 * Recomputes every aggregate from the answer rows themselves (not from the compact copies used on the
 * hot path) and compares with the incremental store. Any difference is a bug or an interrupted write.
 */
export async function rebuildAggregates(
  bank: QuestionBank,
  /** The theme list live saves use: a comment's themes are part of what is counted. */
  themes: ThemeList,
  respondents: RespondentRecords,
  aggregates: AggregateMaintenance,
  opts: { fix?: boolean; onProgress?: (n: number) => void } = {},
): Promise<RebuildReport> {
  await respondents.sweep(0); // finish anything a crash left half-done before comparing
  const expected: Delta = new Map();
  let count = 0;
  let answers = 0;
  for await (const { state, answers: rows } of respondents.scanAll()) {
    count++;
    answers += rows.length;
    const sections: Record<string, SavedSection> = {};
    for (const row of rows) {
      const section = (sections[row.section] ??= { term: row.term, savedAt: '', values: {} });
      section.values[row.questionId] = compactValue(row, themes);
    }
    const rebuilt: RespondentState = { ...state, sections };
    mergeDelta(expected, deltaBetween(bank, sectionOrder(bank).length, undefined, rebuilt));
    if (count % 1000 === 0) opts.onProgress?.(count);
  }
  const stored = await aggregates.readAll();
  const differences = compare(stored, expected);
  if (opts.fix && differences.length > 0) await aggregates.replaceAll(expected);
  return { respondents: count, answers, differences, fixed: Boolean(opts.fix && differences.length > 0) };
}

function compare(stored: Map<string, Map<string, CounterRow>>, expected: Delta): CounterDifference[] {
  const out: CounterDifference[] = [];
  const terms = new Set([...stored.keys(), ...expected.keys()]);
  for (const term of terms) {
    const rows = new Set([...(stored.get(term)?.keys() ?? []), ...(expected.get(term)?.keys() ?? [])]);
    for (const row of rows) {
      const s = stored.get(term)?.get(row) ?? {};
      const e = expected.get(term)?.get(row) ?? {};
      for (const field of new Set([...Object.keys(s), ...Object.keys(e)])) {
        const a = s[field] ?? 0;
        const b = e[field] ?? 0;
        if (a !== b) out.push({ term, row, field, stored: a, recomputed: b });
      }
    }
  }
  return out;
}
