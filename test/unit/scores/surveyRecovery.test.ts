import { expect } from 'chai';
import fc from 'fast-check';
import { deltaBetween, outcomeRow, questionFields } from '../../../src/features/scores/domain/aggregateDelta.js';
import { outcomeScore, type Counters, type OutcomeScore } from '../../../src/features/scores/domain/outcomeFigures.js';
import { MIN_RESPONDENTS } from '../../../src/domain/disclosure/disclosure.js';
import { loadQuestionBank } from '../../../src/seeds/loadSeeds.js';
import { OUTCOME_IDS, type RespondentRole } from '../../../src/domain/survey/questionBank.js';
import type { RespondentState } from '../../../src/features/survey/domain/respondentState.js';

/**
 * An attacker's view of the survey figures. Everything one outcome answer and its follow-ups show for a
 * term, role and outcome ("scores for safe", "per question", "just children", "which question is
 * lowest") is the outcome's figures and each question's figures, as displayed (means to 1 decimal, shares
 * to whole per cents, n). For every question whose figures are hidden, the attacker tries every other
 * set of answers that question could have had (1–4 answers, any scores), keeping every other question
 * as it really is (the attacker's best case), and keeps those that display exactly the same. If only one
 * mean or one % positive survives, the hidden answers were recovered. Shares no code with the product
 * beyond building counters and the figures under test.
 */
const bank = loadQuestionBank();
const TERM = '2026-27-autumn';

type Answer = number; // 0 skipped, 1–5 a score, -1 not answered at all

function displayed(s: OutcomeScore): string {
  const show = (d: { shown: boolean; value?: number }, f: (v: number) => string) =>
    d.shown ? f((d as { value: number }).value) : 'hidden';
  const one = (v: number) => v.toFixed(1);
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  return JSON.stringify({
    outcome: [show(s.mean, one), show(s.positive, pct), s.respondents],
    questions: s.questions.map((q) => [
      show(q.mean, one),
      show(q.positive, pct),
      q.respondents > 0 && q.mean.shown ? q.respondents : 'n?',
    ]),
  });
}

function countersOf(outcome: string, role: RespondentRole, people: Answer[][]): Counters {
  const questions = bank.questionsFor(outcome as never, role);
  const total: Counters = new Map();
  people.forEach((answers, i) => {
    const values: Record<string, number> = {};
    questions.forEach((q, j) => {
      const a = answers[j] ?? -1;
      if (a >= 0) values[q.id] = a;
    });
    if (Object.keys(values).length === 0) return;
    const state: RespondentState = {
      reviewRef: `P-${i}`,
      role,
      invitedTerm: TERM,
      sections: { [outcome]: { term: TERM, savedAt: 'x', values } },
    };
    const rows = deltaBetween(bank, 99, undefined, state).get(TERM)!;
    for (const [row, fields] of rows) {
      const into = total.get(row) ?? {};
      for (const [f, v] of Object.entries(fields)) into[f] = (into[f] ?? 0) + v;
      total.set(row, into);
    }
  });
  return total;
}

/** Every 1–5 distribution of 1–4 answers. */
function smallDistributions(): number[][] {
  const out: number[][] = [];
  const walk = (left: number, from: number, acc: number[]) => {
    if (acc.length > 0) out.push([...acc]);
    if (left === 0) return;
    for (let s = from; s <= 5; s++) walk(left - 1, s, [...acc, s]);
  };
  walk(MIN_RESPONDENTS - 1, 1, []);
  return out;
}
const ALTERNATIVES = smallDistributions();

/** The counters with question `position`'s answers replaced by `scores` (respondents who answered anything kept). */
function withQuestion(counters: Counters, row: string, position: number, scores: number[]): Counters {
  const fields = { ...(counters.get(row) ?? {}) };
  const f = questionFields(position);
  fields[f.n] = scores.length;
  fields[f.sum] = scores.reduce((a, b) => a + b, 0);
  for (let s = 1; s <= 5; s++) fields[f.count(s)] = scores.filter((x) => x === s).length;
  return new Map([...counters, [row, fields]]);
}

const answerArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.constant(-1) },
);

describe('survey figures: no hidden answers can be worked out from one answer and its follow-ups', () => {
  it('holds over generated respondents for every outcome and role', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OUTCOME_IDS),
        fc.constantFrom<RespondentRole>('cyp', 'pc'),
        fc.array(fc.array(answerArb, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 14 }),
        (outcome, role, people) => {
          const counters = countersOf(outcome, role, people);
          const score = outcomeScore(bank, counters, outcome, role);
          const shown = displayed(score);
          const row = outcomeRow(role, outcome);
          const questions = bank.questionsFor(outcome, role);
          for (const [i, q] of score.questions.entries()) {
            if (q.respondents === 0 || q.mean.shown) continue;
            const means = new Set<number>();
            const positives = new Set<number>();
            for (const alt of ALTERNATIVES) {
              const other = outcomeScore(bank, withQuestion(counters, row, questions[i]!.position, alt), outcome, role);
              if (displayed(other) !== shown) continue;
              means.add(alt.reduce((a, b) => a + b, 0) / alt.length);
              positives.add(alt.filter((s) => s >= 4).length / alt.length);
            }
            expect(means.size, `${q.id}: its mean could be worked out from ${shown}`).to.be.greaterThan(1);
            expect(positives.size, `${q.id}: its % positive could be worked out from ${shown}`).to.be.greaterThan(1);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a made-up case the pooled score used to give away: one child answered the third question', () => {
    // Five children answer question 1 with 3; one of them also answers question 2 with 1.
    const people: Answer[][] = [[3, 1], [3], [3], [3], [3]];
    const counters = countersOf('safe', 'cyp', people);
    const score = outcomeScore(bank, counters, 'safe', 'cyp');
    expect(score.questions[1]!.mean.shown).to.equal(false);
    // Pooled over both questions the outcome would show 2.7 beside question 1's 3.0 with n 5: 16 / 6.
    expect(score.mean).to.deep.include({ shown: true, value: 3 });
    expect(score.leftOut).to.equal(1);
  });
});
