import type { ExceptionNote } from '../../../src/features/exceptions/domain/exceptionNote.js';
import type { ExceptionNotes } from '../../../src/features/exceptions/exceptionStores.js';
import type { PublicMark } from '../../../src/features/publicOutcomes/domain/publicMark.js';
import type { PublicMarks } from '../../../src/features/publicOutcomes/publicOutcomesStores.js';
import type { ReportView, ReportViewLog } from '../../../src/features/boardPack/boardPackStores.js';

/** The board's reporting stores in memory: test/contract/reporting.contract.ts holds each to its table. */
export class InMemoryExceptionNotes implements ExceptionNotes {
  readonly rows: ExceptionNote[] = [];
  async add(note: ExceptionNote) {
    // A second save of the same measure, period and instant replaces the first, as the table's key does.
    const i = this.rows.findIndex(
      (n) => n.measureId === note.measureId && n.period === note.period && n.writtenAt === note.writtenAt,
    );
    if (i >= 0) this.rows.splice(i, 1);
    this.rows.push({ ...note });
  }
  async all() {
    return this.rows.map((n) => ({ ...n }));
  }
}

export class InMemoryPublicMarks implements PublicMarks {
  readonly rows: PublicMark[] = [];
  async add(mark: PublicMark) {
    const i = this.rows.findIndex((m) => m.subject === mark.subject && m.at === mark.at);
    if (i >= 0) this.rows.splice(i, 1);
    this.rows.push({ ...mark });
  }
  async all() {
    return this.rows.map((m) => ({ ...m }));
  }
}

export class InMemoryReportViews implements ReportViewLog {
  readonly rows: ReportView[] = [];
  async record(view: ReportView) {
    this.rows.push({ ...view });
  }
  async list() {
    return [...this.rows].sort((a, b) => b.at.localeCompare(a.at));
  }
}
