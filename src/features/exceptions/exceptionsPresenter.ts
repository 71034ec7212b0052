import { longDate } from '../../cards/format.js';
import { chatLiteral } from '../../domain/text/safeText.js';
import { periodLabel } from '../measures/domain/period.js';
import { valueText } from '../measures/measuresPresenter.js';
import type { ExceptionNote } from './domain/exceptionNote.js';
import type { ExceptionLine, ExceptionReason } from './domain/needsCommentary.js';
import type { ExceptionFormCard, ExceptionListCard } from './exceptionCardModels.js';

const WHY: Record<ExceptionReason, string> = {
  red: 'red against its target',
  worse: 'worse than a year before',
};

/** "72.0% (36 of 50), 2025-26 Autumn: red against its target". */
export function exceptionFigure(e: ExceptionLine): string {
  const m = e.line.measure;
  const f = e.line.figures!;
  return `${valueText(m, f.latest)}, ${periodLabel(f.latest.period, m.frequency)}`;
}

export const exceptionWhy = (e: ExceptionLine) => WHY[e.why];

/** "Being done: … By 31 January 2027." (the manager's words, escaped for chat), with when it was written. */
export function commentaryText(note: ExceptionNote | undefined, opts: { forChat: boolean }): string {
  if (!note) return 'No commentary written yet.';
  const words = opts.forChat ? chatLiteral(note.action) : note.action;
  return `Being done: ${words} By ${longDate(note.due)} (written ${longDate(note.writtenAt.slice(0, 10))}).`;
}

export function exceptionListCard(lines: readonly ExceptionLine[]): ExceptionListCard {
  const missing = lines.filter((l) => !l.note).length;
  return {
    intro: lines.length
      ? `${lines.length} measure${lines.length === 1 ? ' needs' : 's need'} commentary (red against a target, or worse than a year before)${missing ? `; ${missing} without any yet` : ''}. What you write goes in the board pack and the digest beside the measure.`
      : 'No measure is red against its target or worse than a year before, so no commentary is needed.',
    items: lines.map((l) => ({
      measureId: l.line.measure.id,
      measure: l.line.measure.name,
      figure: exceptionFigure(l),
      why: exceptionWhy(l),
      commentary: commentaryText(l.note, { forChat: true }),
      button: l.note ? 'Change what is being done' : 'Write what is being done',
    })),
    notes: ['Leave out anything about one family: no review references, emails or phone numbers.'],
  };
}

export function exceptionFormCard(
  l: ExceptionLine,
  today: string,
  filled?: { action?: string; due?: string },
  notice = '',
): ExceptionFormCard {
  return {
    title: l.line.measure.name,
    measureId: l.line.measure.id,
    figure: exceptionFigure(l),
    why: `This figure is ${exceptionWhy(l)}. Say what is being done about it, and by when.`,
    action: filled?.action ?? l.note?.action ?? '',
    due: filled?.due ?? l.note?.due ?? '',
    minDate: today,
    notice,
  };
}
