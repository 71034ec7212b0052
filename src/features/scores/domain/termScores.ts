import type { Term } from '../../../domain/terms/termCalendar.js';
import type { OutcomeScore } from './outcomeFigures.js';

/** Scores asked for in one term, with the term before for the change. */
export type TermScores = {
  term: Term;
  previous: Term;
  hasData: boolean;
  scores: OutcomeScore[];
  previousScores: OutcomeScore[];
};
