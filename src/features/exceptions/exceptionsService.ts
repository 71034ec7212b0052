import type { Clock } from '../../domain/clock.js';
import type { MeasureAnswer } from '../measures/domain/measureFigures.js';
import type { MeasuresService } from '../measures/measuresService.js';
import { currentNotes, exceptionInput, type ExceptionNote } from './domain/exceptionNote.js';
import { exceptionReason, type ExceptionLine } from './domain/needsCommentary.js';
import type { ExceptionNotes } from './exceptionStores.js';

export type { ExceptionLine };

export type WriteResult =
  | { kind: 'saved'; note: ExceptionNote; line: ExceptionLine }
  | { kind: 'invalid'; message: string }
  | { kind: 'notAnException'; measureName: string };

/**
 * Exceptions with commentary: which measures need a manager's words (red, or worse than a year before),
 * and keeping what they write, who wrote it and when. Measures come from the measures service's own API.
 */
export class ExceptionsService {
  constructor(
    private readonly measures: Pick<MeasuresService, 'all' | 'find' | 'forMeasure'>,
    private readonly notes: ExceptionNotes,
    private readonly clock: Clock,
  ) {}

  /** Every measure that needs commentary now, in catalogue order, each with its current note. */
  async due(lines?: readonly MeasureAnswer[]): Promise<ExceptionLine[]> {
    const [all, notes] = await Promise.all([lines ?? this.measures.all(), this.current()]);
    return all.flatMap((line): ExceptionLine[] => {
      const why = exceptionReason(line);
      if (!why || !line.figures) return [];
      const note = notes.find((n) => n.measureId === line.measure.id && n.period === line.figures!.latest.period);
      return [{ line, why, ...(note ? { note } : {}) }];
    });
  }

  /** The newest note of each measure and period. */
  async current(): Promise<ExceptionNote[]> {
    return currentNotes(await this.notes.all());
  }

  /** One measure's exception, when it is one now. */
  async one(measureId: string): Promise<ExceptionLine | undefined> {
    const measure = this.measures.find(measureId);
    if (!measure) return undefined;
    return (await this.due([await this.measures.forMeasure(measure)]))[0];
  }

  /**
   * Keeps a manager's commentary for the measure's latest figure. Nothing is stored unless it all checks:
   * the words (no review reference, email or phone), a date not in the past, and a measure that is an
   * exception now (a figure that has recovered needs no commentary).
   */
  async write(data: unknown, by: string): Promise<WriteResult> {
    const parsed = exceptionInput.safeParse(data);
    if (!parsed.success) return { kind: 'invalid', message: parsed.error.issues.map((i) => i.message).join(' ') };
    const { measureId, action, due } = parsed.data;
    const today = this.clock.today();
    if (due < today) return { kind: 'invalid', message: 'The date it will be done by is in the past.' };
    const measure = this.measures.find(measureId);
    if (!measure) return { kind: 'invalid', message: 'That card is for a measure I do not know.' };
    const current = await this.one(measureId);
    if (!current) return { kind: 'notAnException', measureName: measure.name };
    const note: ExceptionNote = {
      measureId,
      period: current.line.figures!.latest.period,
      action,
      due,
      writtenBy: by,
      writtenAt: this.clock.now().toISOString(),
    };
    await this.notes.add(note);
    return { kind: 'saved', note, line: { ...current, note } };
  }
}
