import { MIN_RESPONDENTS } from '../../../domain/disclosure/disclosure.js';
import type { OutcomeId, QuestionBank } from '../../../domain/survey/questionBank.js';
import { answeredAloneRow, outcomeRow, questionFields } from '../../scores/domain/aggregateDelta.js';
import { outcomeScore, type OutcomeScore } from '../../scores/domain/outcomeFigures.js';

/** One outcome's scores from the children who answered on their own, or why they are not shown. */
export type AloneScore =
  | { outcome: OutcomeId; shown: true; score: OutcomeScore }
  /** `small`: fewer than 5 answered alone; `others`: the rest of the children are 1–4, so subtraction would show them. */
  | { outcome: OutcomeId; shown: false; why: 'none' | 'small' | 'others' };

const small = (n: number) => n > 0 && n < MIN_RESPONDENTS;

/**
 * Scores of the children and young people who said they answered on their own. The figures come from
 * outcomeScore (the same disclosure rule as every score); and because the same outcome's scores for all children
 * can be asked too, an outcome is shown only when the children who did NOT answer alone are none or 5 or more, for
 * the outcome and for each of its questions — otherwise the two answers subtracted would show a group of 1–4.
 */
export function answeredAloneScores(
  bank: QuestionBank,
  counters: Map<string, Record<string, number>>,
  outcomes: readonly OutcomeId[],
): AloneScore[] {
  return outcomes.map((outcome): AloneScore => {
    const alone = counters.get(answeredAloneRow(outcome)) ?? {};
    const all = counters.get(outcomeRow('cyp', outcome)) ?? {};
    if (!(alone.seen ?? 0)) return { outcome, shown: false, why: 'none' };
    if (small(alone.resp ?? 0)) return { outcome, shown: false, why: 'small' };
    const othersSmall =
      small((all.resp ?? 0) - (alone.resp ?? 0)) ||
      bank.questionsFor(outcome, 'cyp').some((q) => {
        const n = questionFields(q.position).n;
        return small((all[n] ?? 0) - (alone[n] ?? 0));
      });
    if (othersSmall) return { outcome, shown: false, why: 'others' };
    const only = new Map([[outcomeRow('cyp', outcome), alone]]);
    return { outcome, shown: true, score: outcomeScore(bank, only, outcome, 'cyp') };
  });
}
