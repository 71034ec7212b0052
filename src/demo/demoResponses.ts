import type { QuestionBank, RespondentRole } from '../domain/survey/questionBank.js';
import { addDays } from '../domain/dates.js';
import { seededRandom } from '../domain/random/seededRandom.js';

/** Per outcome, the demo's typical score for CYP and PC: safe is strong, support and voice weaker. */
const TYPICAL: Record<string, [number, number]> = {
  voice: [3.4, 2.9],
  progress: [3.8, 3.4],
  health: [3.6, 3.2],
  support: [3.3, 2.6],
  safe: [4.1, 3.7],
  future: [3.2, 2.8],
};
const CYP_TEXT = [
  'drama club and seeing my friends',
  'loud noises at lunchtime',
  'my dog and my family',
  'reading out loud now',
  'changing schools next year',
  'to work with animals',
];
const PC_TEXT = [
  'routines are clear and staff know her well',
  'there are unplanned changes to the day',
  'getting to appointments during school hours',
  'the new key worker is brilliant',
  'being listened to',
  'a smooth move to college',
];

export type DemoTerm = { id: string; start: string; end: string; respondentsPerRole: number; trend: number };

/**
 * Synthetic annual-review answers in the SPEC.md CSV format (no real people: review refs like DEMO-1001).
 * One term deliberately has very few respondents, so suppression can be seen working.
 */
export function demoResponseRows(bank: QuestionBank, terms: DemoTerm[], seed = 20251): string[][] {
  const rnd = seededRandom(seed);
  const rows: string[][] = [['review_ref', 'respondent', 'submitted_on', 'question_id', 'score', 'text']];
  let ref = 1000;
  for (const term of terms) {
    const days = Math.max(1, (Date.parse(term.end) - Date.parse(term.start)) / 86_400_000);
    for (let i = 0; i < term.respondentsPerRole; i++) {
      ref++;
      for (const role of ['cyp', 'pc'] as RespondentRole[]) {
        if (rnd() < 0.15) continue; // not every review has both respondents
        const date = addDays(term.start, Math.floor(rnd() * days));
        const stopAfter = rnd() < 0.12 ? 1 + Math.floor(rnd() * 5) : 99; // some leave part-way
        bank.outcomes.forEach((outcome, index) => {
          if (index >= stopAfter) return;
          const typical = TYPICAL[outcome.id][role === 'cyp' ? 0 : 1] + term.trend;
          for (const q of bank.questionsFor(outcome.id, role)) {
            const skip = rnd() < 0.05;
            const score = Math.min(5, Math.max(1, Math.round(typical + (rnd() + rnd() + rnd() - 1.5) * 1.6)));
            rows.push([`DEMO-${ref}`, role, date, q.id, skip ? '' : String(score), '']);
          }
        });
        if (stopAfter === 99) {
          bank.promptsFor(role).forEach((p, k) => {
            if (rnd() < 0.5) rows.push([`DEMO-${ref}`, role, date, p.id, '', (role === 'cyp' ? CYP_TEXT : PC_TEXT)[k]]);
          });
        }
      }
    }
  }
  return rows;
}
