import type { MeasureAnswer } from '../../measures/domain/measureFigures.js';
import { worse } from '../../digests/domain/termDigest.js';
import type { ExceptionNote } from './exceptionNote.js';

/** Why a measure's latest figure needs a manager's commentary, or undefined when it does not. */
export type ExceptionReason = 'red' | 'worse';

/**
 * Red against its target, or clearly worse than a year before (the digest's own test, so the board pack,
 * the digest and the card agree on which measures are exceptions).
 */
export function exceptionReason(line: MeasureAnswer): ExceptionReason | undefined {
  if (line.figures?.rag === 'red') return 'red';
  return worse(line) ? 'worse' : undefined;
}

/** A measure that needs commentary, with the note written for its latest figure (if any). */
export type ExceptionLine = { line: MeasureAnswer; why: ExceptionReason; note?: ExceptionNote };
