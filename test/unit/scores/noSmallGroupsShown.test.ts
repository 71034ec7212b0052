import { expect } from 'chai';
import fc from 'fast-check';
import { renderCard } from '../../../src/cards/renderCard.js';
import { outcomeScore, responseRates, type Counters } from '../../../src/features/scores/domain/outcomeFigures.js';
import { outcomeRow, questionFields, rateRow } from '../../../src/features/scores/domain/aggregateDelta.js';
import { SUPPRESSED_TEXT } from '../../../src/domain/disclosure/disclosure.js';
import { loadQuestionBank, loadTermCalendar } from '../../../src/seeds/loadSeeds.js';
import { OUTCOME_IDS, type RespondentRole } from '../../../src/domain/survey/questionBank.js';
import { presentResponseRates, presentScores } from '../../../src/features/scores/scoresPresenter.js';
import type { TermScores } from '../../../src/features/scores/domain/termScores.js';

const bank = loadQuestionBank();
const terms = loadTermCalendar();
const term = terms.termOf('2026-11-22');
const ROLES: RespondentRole[] = ['cyp', 'pc'];

/** Random but consistent counters: per question a 1–5 distribution from at most the outcome's respondents. */
const countersArb: fc.Arbitrary<Counters> = fc
  .record({
    groups: fc.array(
      fc.record({
        resp: fc.nat({ max: 9 }),
        dist: fc.array(fc.array(fc.nat({ max: 3 }), { minLength: 5, maxLength: 5 }), { minLength: 4, maxLength: 4 }),
      }),
      { minLength: 12, maxLength: 12 },
    ),
    rates: fc.array(
      fc.record({ sent: fc.nat({ max: 12 }), started: fc.nat({ max: 12 }), completed: fc.nat({ max: 12 }) }),
      { minLength: 2, maxLength: 2 },
    ),
  })
  .map(({ groups, rates }) => {
    const counters: Counters = new Map();
    let g = 0;
    for (const role of ROLES) {
      for (const outcome of OUTCOME_IDS) {
        const { resp, dist } = groups[g++];
        const fields: Record<string, number> = { resp, seen: resp };
        bank.questionsFor(outcome, role).forEach((q, i) => {
          // Scale the distribution down so no question has more answers than the outcome has respondents.
          let counts = dist[i].slice();
          while (counts.reduce((a, b) => a + b, 0) > resp) counts = counts.map((c) => Math.max(0, c - 1));
          const f = questionFields(q.position);
          counts.forEach((c, k) => (fields[f.count(k + 1)] = c));
          fields[f.n] = counts.reduce((a, b) => a + b, 0);
          fields[f.sum] = counts.reduce((a, c, k) => a + c * (k + 1), 0);
        });
        counters.set(outcomeRow(role, outcome), fields);
      }
    }
    rates.forEach((r, i) => {
      const started = Math.min(r.started, r.sent);
      counters.set(rateRow(ROLES[i]), { sent: r.sent, started, completed: Math.min(r.completed, started) });
    });
    return counters;
  });

function termScores(counters: Counters): TermScores {
  const pick = (c: Counters) => OUTCOME_IDS.flatMap((o) => ROLES.map((r) => outcomeScore(bank, c, o, r)));
  return {
    term,
    previous: terms.previous(term),
    hasData: true,
    scores: pick(counters),
    previousScores: pick(counters),
  };
}

describe('no output shows a figure from fewer than 5 respondents', () => {
  it('outcome tables, per-question tables and rankings show "fewer than 5 responses" for small groups (property)', () => {
    fc.assert(
      fc.property(countersArb, (counters) => {
        const r = termScores(counters);
        const outputs = [
          presentScores(bank, r, ROLES, { perQuestion: false }),
          presentScores(bank, r, ROLES, { perQuestion: false, rank: 'lowest' }),
          ...OUTCOME_IDS.map((o) => presentScores(bank, r, ROLES, { outcome: o, perQuestion: true })),
        ];
        for (const out of outputs) {
          const everything = out.text + JSON.stringify(renderCard('figureTable', out.card));
          // "n 1" … "n 4" would be a figure from 1–4 people.
          expect(everything).not.to.match(/\bn [1-4]\b/);
        }
        const table = outputs[0];
        OUTCOME_IDS.forEach((o, row) => {
          ROLES.forEach((role, col) => {
            const resp = counters.get(outcomeRow(role, o))!.resp;
            const cell = table.card.rows[row].cells[col];
            if (resp > 0 && resp < 5) expect(cell).to.equal(SUPPRESSED_TEXT);
            // The outcome's score pools only questions answered by 5 or more (a smaller one is left out).
            const ns = bank
              .questionsFor(o, role)
              .map((q) => counters.get(outcomeRow(role, o))![questionFields(q.position).n]!);
            if (resp >= 5 && ns.some((n) => n >= 5)) expect(cell).to.match(/^\d\.\d · /);
            else if (resp >= 5 && ns.some((n) => n > 0))
              expect(cell).to.match(/^not shown: every answer is in a question/);
          });
        });
      }),
      { numRuns: 150 },
    );
  });

  it('response rates never reveal a count of 1–4, shown or by subtraction from the total (property)', () => {
    fc.assert(
      fc.property(countersArb, (counters) => {
        const out = presentResponseRates(term, responseRates(counters));
        const [cyp, pc, all] = out.card.rows;
        for (const col of [0, 1, 2]) {
          const parts = [cyp.cells[col], pc.cells[col]];
          for (const p of [...parts, all.cells[col]])
            if (p !== SUPPRESSED_TEXT) expect(Number(p) === 0 || Number(p) >= 5, p).to.equal(true);
          if (all.cells[col] !== SUPPRESSED_TEXT) {
            const hidden = parts.filter((p) => p === SUPPRESSED_TEXT).length;
            expect(hidden, `${parts} of ${all.cells[col]}`).not.to.equal(1);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
