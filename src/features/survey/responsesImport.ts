import type { Clock } from '../../domain/clock.js';
import { compactValue, sameSection, type RespondentState, type SavedSection } from './domain/respondentState.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import { checkResponseRow, RESPONSE_COLUMNS, type ResponseRow } from './domain/responseRow.js';
import { sectionOrder } from './domain/sections.js';
import type { TermCalendar } from '../../domain/terms/termCalendar.js';
import type { ThemeList } from '../themes/domain/themeList.js';
import type { AnswerRow, RespondentRecords } from './surveyStores.js';
import { forEachLimited, readCsv, writeRejects, type RowError } from '../../imports/csvRows.js';

export type ImportProgress = { phase: 'validating' | 'importing'; done: number; total?: number };
export type ResponsesImportReport = {
  rows: number;
  invalid: RowError[];
  imported: boolean;
  respondents: number;
  respondentsChanged: number;
  answersWritten: number;
  rejectsFile?: string;
};

/**
 * Imports historical survey answers (SPEC.md CSV). Every row is checked first; nothing is written if any
 * row is invalid unless skipInvalid. Each respondent is written as one operation through the same store
 * as live submissions, so aggregates follow and a re-import of the same file changes nothing.
 */
export class ResponsesImport {
  constructor(
    private readonly bank: QuestionBank,
    /** The theme list live saves use, so an imported comment counts under the same themes. */
    private readonly themes: ThemeList,
    private readonly terms: TermCalendar,
    private readonly clock: Clock,
    private readonly respondents: RespondentRecords,
  ) {}

  async run(
    file: string,
    opts: { skipInvalid?: boolean; onProgress?: (p: ImportProgress) => void } = {},
  ): Promise<ResponsesImportReport> {
    const today = this.clock.today();
    const invalid: RowError[] = [];
    const valid: { line: number; row: ResponseRow; values: Record<string, string> }[] = [];
    let rows = 0;
    for await (const { line, values } of readCsv(file, RESPONSE_COLUMNS)) {
      rows++;
      const checked = checkResponseRow(values, this.bank, today);
      if (checked.ok) valid.push({ line, row: checked.row, values });
      else invalid.push({ line, errors: checked.errors, values });
      if (rows % 5000 === 0) opts.onProgress?.({ phase: 'validating', done: rows });
    }
    const groups = this.group(valid, invalid);
    invalid.sort((a, b) => a.line - b.line);
    const report: ResponsesImportReport = {
      rows,
      invalid,
      imported: false,
      respondents: groups.size,
      respondentsChanged: 0,
      answersWritten: 0,
    };
    if (invalid.length > 0) {
      report.rejectsFile = await writeRejects(file, RESPONSE_COLUMNS, invalid);
      if (!opts.skipInvalid) return report;
    }
    const list = [...groups.values()];
    let done = 0;
    await forEachLimited(list, 8, async (group) => {
      const written = await this.importRespondent(group);
      if (written > 0) report.respondentsChanged++;
      report.answersWritten += written;
      opts.onProgress?.({ phase: 'importing', done: ++done, total: list.length });
    });
    report.imported = true;
    return report;
  }

  /** Groups rows by respondent and section, and rejects contradictions a single row cannot show. */
  private group(valid: { line: number; row: ResponseRow; values: Record<string, string> }[], invalid: RowError[]) {
    const byRespondent = new Map<
      string,
      Map<string, { line: number; row: ResponseRow; values: Record<string, string> }[]>
    >();
    for (const item of valid) {
      const key = `${item.row.reviewRef}~${item.row.role}`;
      const sections = byRespondent.get(key) ?? new Map();
      byRespondent.set(key, sections);
      const rows = sections.get(item.row.section) ?? [];
      sections.set(item.row.section, rows);
      const same = rows.find((r: { row: ResponseRow }) => r.row.questionId === item.row.questionId);
      if (same) {
        if (
          same.row.score !== item.row.score ||
          same.row.text !== item.row.text ||
          same.row.submittedOn !== item.row.submittedOn
        ) {
          invalid.push({
            line: item.line,
            errors: [
              `question ${item.row.questionId} for ${item.row.reviewRef} (${item.row.role}) already has a different answer on line ${same.line}`,
            ],
            values: item.values,
          });
        }
        continue;
      }
      if (
        rows.length > 0 &&
        this.terms.termOf(rows[0]!.row.submittedOn).id !== this.terms.termOf(item.row.submittedOn).id
      ) {
        invalid.push({
          line: item.line,
          errors: [
            `answers to one section of one survey must be in one term; line ${rows[0]!.line} is in ${this.terms.termOf(rows[0]!.row.submittedOn).label}`,
          ],
          values: item.values,
        });
        continue;
      }
      rows.push(item);
    }
    return byRespondent;
  }

  private async importRespondent(sections: Map<string, { row: ResponseRow }[]>): Promise<number> {
    const first = [...sections.values()][0][0].row;
    let written = 0;
    await this.respondents.mutate(first.reviewRef, first.role, (current) => {
      const next: RespondentState = current
        ? { ...current, sections: { ...current.sections } }
        : { reviewRef: first.reviewRef, role: first.role, invitedTerm: '', sections: {} };
      const writes: AnswerRow[] = [];
      const deletes: string[] = [];
      let earliest = '9999-12-31';
      for (const [section, items] of sections) {
        const date = items
          .map((i) => i.row.submittedOn)
          .sort()
          .at(-1)!;
        earliest = items.reduce((m, i) => (i.row.submittedOn < m ? i.row.submittedOn : m), earliest);
        const term = this.terms.termOf(date).id;
        const saved: SavedSection = {
          term,
          savedAt: `${date}T00:00:00.000Z`,
          values: Object.fromEntries(items.map((i) => [i.row.questionId, compactValue(i.row, this.themes)])),
        };
        if (sameSection(current?.sections[section], saved)) continue;
        // Answers the old copy of this section had and the file does not are removed, not left behind.
        for (const old of Object.keys(current?.sections[section]?.values ?? {}))
          if (!(old in saved.values)) deletes.push(old);
        next.sections[section] = saved;
        for (const { row } of items)
          writes.push({
            questionId: row.questionId,
            section,
            term: this.terms.termOf(row.submittedOn).id,
            submittedOn: row.submittedOn,
            skipped: row.skipped,
            ...(row.score !== undefined ? { score: row.score } : {}),
            ...(row.text !== undefined ? { text: row.text } : {}),
          });
      }
      if (writes.length === 0) return undefined;
      if (!next.invitedTerm) next.invitedTerm = this.terms.termOf(earliest).id;
      if (!next.completedAt && sectionOrder(this.bank).every((s) => next.sections[s]))
        next.completedAt = `${earliest}T00:00:00.000Z`;
      written = writes.length;
      return { next, writes, deletes };
    });
    return written;
  }
}
