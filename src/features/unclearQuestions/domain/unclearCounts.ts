import { discloseFigure, MIN_RESPONDENTS } from '../../../domain/disclosure/disclosure.js';
import {
  RESPONDENT_ROLES,
  type OutcomeId,
  type QuestionBank,
  type RespondentRole,
} from '../../../domain/survey/questionBank.js';
import { outcomeRow, questionFields } from '../../scores/domain/aggregateDelta.js';

/** The fewest people a listed question rests on (the disclosure rule's), for the words beside the list. */
export const UNCLEAR_LISTED_FROM = MIN_RESPONDENTS;

/** One question families said they did not understand, from MIN_RESPONDENTS people or more. */
export type UnclearQuestion = {
  id: string;
  text: string;
  outcome: OutcomeId;
  role: RespondentRole;
  /** People who answered "I don't understand this question" (one answer per person and question). */
  unclear: number;
  /** People who saved the question's section this term: what the count is out of. */
  seen: number;
};

/**
 * "Which questions did families not understand?" from the aggregate counters of one term. Each person gives at
 * most one answer to a question, so a count is a count of people, and a question said by 1–4 is not listed at
 * all — not as a number, not as "fewer than 5", and no total is given that would let it be worked out by
 * subtraction. Ranked by the share of those who saw it, then by count, then in the bank's order.
 */
export function unclearQuestions(
  bank: QuestionBank,
  counters: Map<string, Record<string, number>>,
  roles: readonly RespondentRole[] = RESPONDENT_ROLES,
): UnclearQuestion[] {
  const found: UnclearQuestion[] = [];
  for (const q of bank.allScored()) {
    if (!roles.includes(q.role)) continue;
    const row = counters.get(outcomeRow(q.role, q.outcome)) ?? {};
    const unclear = row[questionFields(q.position).unclear] ?? 0;
    // The one disclosure rule decides; a question nobody marked is simply not one families did not understand.
    if (unclear === 0 || !discloseFigure({ value: unclear, basis: unclear }).shown) continue;
    found.push({ id: q.id, text: q.text, outcome: q.outcome, role: q.role, unclear, seen: row.seen ?? 0 });
  }
  const share = (u: UnclearQuestion) => (u.seen > 0 ? u.unclear / u.seen : 0);
  return found.sort((a, b) => share(b) - share(a) || b.unclear - a.unclear);
}
