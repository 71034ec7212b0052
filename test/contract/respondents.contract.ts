import { expect } from 'chai';
import type { OutcomeId, RespondentRole } from '../../src/domain/survey/questionBank.js';
import { loadQuestionBank } from '../../src/seeds/loadSeeds.js';
import { deltaBetween } from '../../src/features/scores/domain/aggregateDelta.js';
import type { AggregateCounters, AggregateMaintenance, TermCounters } from '../../src/features/scores/scoreStores.js';
import { sectionOrder } from '../../src/features/survey/domain/sections.js';
import type { RespondentState } from '../../src/features/survey/domain/respondentState.js';
import type { AnswerRow, Mutation, RespondentRecords } from '../../src/features/survey/surveyStores.js';
import { eachTestGets, type StoreFactory } from './support/contract.js';

export const bank = loadQuestionBank();
const TERM = '2026-27-autumn';
const OUTCOMES = bank.outcomes.map((o) => o.id);

/** The respondent records and the counters they keep in step, over one storage. */
export type RespondentStores = { respondents: RespondentRecords; counters: AggregateCounters };

/** A section of scored answers (score 1–5 by position), as the state's compact copy and as answer rows. */
function section(outcome: OutcomeId, role: RespondentRole, score: number) {
  const questions = bank.questionsFor(outcome, role);
  const values = Object.fromEntries(questions.map((q) => [q.id, score]));
  const rows: AnswerRow[] = questions.map((q) => ({
    questionId: q.id,
    section: outcome,
    term: TERM,
    submittedOn: '2026-11-02',
    score,
    skipped: false,
  }));
  return { saved: { term: TERM, savedAt: '2026-11-02T09:00:00.000Z', values }, rows };
}

function stateWith(reviewRef: string, role: RespondentRole, sections: Record<string, number>): RespondentState {
  return {
    reviewRef,
    role,
    invitedTerm: TERM,
    sections: Object.fromEntries(
      Object.entries(sections).map(([o, score]) => [o, section(o as OutcomeId, role, score).saved]),
    ),
  };
}

/** Saves one section onto whatever is there (a family pressing Save). */
const saveSection =
  (outcome: OutcomeId, role: RespondentRole, score: number, reviewRef = 'AR-1042') =>
  (current: RespondentState | undefined): Mutation => {
    const { saved, rows } = section(outcome, role, score);
    const base = current ?? { reviewRef, role, invitedTerm: TERM, sections: {} };
    return { next: { ...base, sections: { ...base.sections, [outcome]: saved } }, writes: rows, deletes: [] };
  };

/** Counters as a reader sees them: a field at 0 is the same as no field, a row or term with none as none. */
export function nonZero(counters: TermCounters, keepTerms = false): Record<string, Record<string, object>> {
  const out: Record<string, Record<string, object>> = {};
  for (const [term, rows] of counters) {
    const kept: Record<string, object> = {};
    for (const [row, fields] of rows) {
      const f = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== 0));
      if (Object.keys(f).length > 0) kept[row] = f;
    }
    if (keepTerms || Object.keys(kept).length > 0) out[term] = kept;
  }
  return out;
}

const expectedCounters = (...states: RespondentState[]) => {
  const total: TermCounters = new Map([[TERM, new Map()]]);
  for (const s of states)
    for (const [term, rows] of deltaBetween(bank, sectionOrder(bank).length, undefined, s))
      for (const [row, fields] of rows) {
        const t = total.get(term) ?? new Map();
        total.set(term, t);
        const r = t.get(row) ?? {};
        t.set(row, r);
        for (const [f, v] of Object.entries(fields)) r[f] = (r[f] ?? 0) + v;
      }
  return nonZero(total, true);
};

const sortRows = (rows: AnswerRow[]) => [...rows].sort((a, b) => a.questionId.localeCompare(b.questionId));

export function describeRespondentRecordsContract(name: string, makeStore: StoreFactory<RespondentStores>) {
  describe(`RespondentRecords contract: ${name}`, () => {
    const stores = eachTestGets(makeStore);
    const store = () => stores().respondents;

    it('holds nothing for a respondent never written', async () => {
      expect(await store().read('AR-1042', 'pc')).to.equal(undefined);
      expect(await store().answerRows('AR-1042', 'pc')).to.deep.equal([]);
    });

    it('a change writes the next state and its answer rows, and says so', async () => {
      const result = await store().mutate('AR-1042', 'pc', saveSection(OUTCOMES[0]!, 'pc', 4));
      const expected = stateWith('AR-1042', 'pc', { [OUTCOMES[0]!]: 4 });
      expect(result).to.deep.equal({ changed: true, state: expected });
      expect(await store().read('AR-1042', 'pc')).to.deep.equal(expected);
      expect(await store().read('AR-1042', 'cyp'), 'the other role').to.equal(undefined);
      expect(sortRows(await store().answerRows('AR-1042', 'pc'))).to.deep.equal(
        sortRows(section(OUTCOMES[0]!, 'pc', 4).rows),
      );
    });

    it('keeps "I don\'t understand" as its own answer, and easy read and who answered with the state', async () => {
      const [q1, q2] = bank.questionsFor(OUTCOMES[0]!, 'cyp');
      const next: RespondentState = {
        ...stateWith('AR-1043', 'cyp', {}),
        easyRead: true,
        whoAnswered: 'withHelp',
        sections: {
          [OUTCOMES[0]!]: {
            term: TERM,
            savedAt: '2026-11-02T09:00:00.000Z',
            values: { [q1!.id]: -1, [q2!.id]: 0 },
          },
        },
        partial: { [OUTCOMES[1]!]: { values: { [bank.questionsFor(OUTCOMES[1]!, 'cyp')[0]!.id]: -1 }, at: 'a' } },
      };
      const rows: AnswerRow[] = [
        {
          questionId: q1!.id,
          section: OUTCOMES[0]!,
          term: TERM,
          submittedOn: '2026-11-02',
          skipped: true,
          unclear: true,
        },
        { questionId: q2!.id, section: OUTCOMES[0]!, term: TERM, submittedOn: '2026-11-02', skipped: true },
      ];
      await store().mutate('AR-1043', 'cyp', () => ({ next, writes: rows, deletes: [] }));
      expect(await store().read('AR-1043', 'cyp')).to.deep.equal(next);
      expect(sortRows(await store().answerRows('AR-1043', 'cyp'))).to.deep.equal(sortRows(rows));
    });

    it('"no change" writes nothing and answers with the current state', async () => {
      await store().mutate('AR-1042', 'pc', saveSection(OUTCOMES[0]!, 'pc', 4));
      const seen: (RespondentState | undefined)[] = [];
      const result = await store().mutate('AR-1042', 'pc', (current) => {
        seen.push(current);
        return undefined;
      });
      const expected = stateWith('AR-1042', 'pc', { [OUTCOMES[0]!]: 4 });
      expect(seen.at(-1), 'the change saw the current state').to.deep.equal(expected);
      expect(result).to.deep.equal({ changed: false, state: expected });
      expect(await store().read('AR-1042', 'pc')).to.deep.equal(expected);
    });

    it('deletes the answer rows it is told to, and replaces rewritten ones', async () => {
      const [first, second] = [OUTCOMES[0]!, OUTCOMES[1]!];
      await store().mutate('AR-1042', 'pc', saveSection(first, 'pc', 4));
      const dropped = section(first, 'pc', 4).rows[0]!.questionId;
      await store().mutate('AR-1042', 'pc', (current) => ({
        ...saveSection(second, 'pc', 2)(current),
        deletes: [dropped],
      }));
      const expected = [
        ...section(first, 'pc', 4).rows.filter((r) => r.questionId !== dropped),
        ...section(second, 'pc', 2).rows,
      ];
      expect(sortRows(await store().answerRows('AR-1042', 'pc'))).to.deep.equal(sortRows(expected));
      await store().mutate('AR-1042', 'pc', saveSection(second, 'pc', 5));
      const rewritten = (await store().answerRows('AR-1042', 'pc')).filter((r) => r.section === second);
      expect(rewritten.map((r) => r.score)).to.deep.equal(section(second, 'pc', 5).rows.map(() => 5));
    });

    it('changes made at once to one respondent are all kept (the change is re-run on a conflict)', async () => {
      const outcomes = OUTCOMES.slice(0, 4);
      const results = await Promise.all(
        outcomes.map((o, i) => store().mutate('AR-7', 'cyp', saveSection(o, 'cyp', i + 1, 'AR-7'))),
      );
      expect(results.every((r) => r.changed)).to.equal(true);
      const expected = stateWith('AR-7', 'cyp', Object.fromEntries(outcomes.map((o, i) => [o, i + 1])));
      expect(await store().read('AR-7', 'cyp')).to.deep.equal(expected);
      expect(await store().answerRows('AR-7', 'cyp')).to.have.length(
        outcomes.reduce((n, o) => n + bank.questionsFor(o, 'cyp').length, 0),
      );
      expect(nonZero(await stores().counters.read([TERM]), true)).to.deep.equal(expectedCounters(expected));
    });

    it('keeps the aggregate counters in step with every change, and an erasure takes its counts away', async () => {
      const other = stateWith('AR-2', 'cyp', { [OUTCOMES[2]!]: 3 });
      await store().mutate('AR-2', 'cyp', saveSection(OUTCOMES[2]!, 'cyp', 3, 'AR-2'));
      await store().mutate('AR-1', 'pc', saveSection(OUTCOMES[0]!, 'pc', 5, 'AR-1'));
      await store().mutate('AR-1', 'pc', saveSection(OUTCOMES[0]!, 'pc', 1, 'AR-1')); // changed their mind
      const mine = stateWith('AR-1', 'pc', { [OUTCOMES[0]!]: 1 });
      expect(nonZero(await stores().counters.read([TERM]), true)).to.deep.equal(expectedCounters(mine, other));

      const rows = await store().answerRows('AR-1', 'pc');
      const erased = await store().mutate('AR-1', 'pc', () => ({
        next: undefined,
        writes: [],
        deletes: rows.map((r) => r.questionId),
      }));
      expect(erased).to.deep.equal({ changed: true, state: undefined });
      expect(await store().read('AR-1', 'pc')).to.equal(undefined);
      expect(await store().answerRows('AR-1', 'pc')).to.deep.equal([]);
      expect(nonZero(await stores().counters.read([TERM]), true)).to.deep.equal(expectedCounters(other));
    });

    it('an erasure leaves the answer rows it was not told to delete, for deleteStrayAnswers to remove', async () => {
      await store().mutate('AR-1', 'pc', saveSection(OUTCOMES[0]!, 'pc', 4, 'AR-1'));
      const rows = await store().answerRows('AR-1', 'pc');
      await store().mutate('AR-1', 'pc', () => ({ next: undefined, writes: [], deletes: [rows[0]!.questionId] }));
      expect(await store().read('AR-1', 'pc')).to.equal(undefined);
      expect(await store().answerRows('AR-1', 'pc')).to.have.length(rows.length - 1);
      expect(await store().deleteStrayAnswers('AR-1', 'pc')).to.equal(rows.length - 1);
      expect(await store().answerRows('AR-1', 'pc')).to.deep.equal([]);
      expect(await store().deleteStrayAnswers('AR-1', 'pc'), 'none left').to.equal(0);
    });

    it('scans every respondent with its answers', async () => {
      await store().mutate('AR-1', 'pc', saveSection(OUTCOMES[0]!, 'pc', 4, 'AR-1'));
      await store().mutate('AR-1', 'cyp', saveSection(OUTCOMES[1]!, 'cyp', 2, 'AR-1'));
      await store().mutate('AR-3', 'pc', saveSection(OUTCOMES[2]!, 'pc', 3, 'AR-3'));
      const seen: { key: string; state: RespondentState; answers: AnswerRow[] }[] = [];
      for await (const { state, answers } of store().scanAll())
        seen.push({ key: `${state.reviewRef}~${state.role}`, state, answers: sortRows(answers) });
      seen.sort((a, b) => a.key.localeCompare(b.key));
      expect(seen).to.deep.equal([
        {
          key: 'AR-1~cyp',
          state: stateWith('AR-1', 'cyp', { [OUTCOMES[1]!]: 2 }),
          answers: sortRows(section(OUTCOMES[1]!, 'cyp', 2).rows),
        },
        {
          key: 'AR-1~pc',
          state: stateWith('AR-1', 'pc', { [OUTCOMES[0]!]: 4 }),
          answers: sortRows(section(OUTCOMES[0]!, 'pc', 4).rows),
        },
        {
          key: 'AR-3~pc',
          state: stateWith('AR-3', 'pc', { [OUTCOMES[2]!]: 3 }),
          answers: sortRows(section(OUTCOMES[2]!, 'pc', 3).rows),
        },
      ]);
    });

    it("names a review's archived years, oldest first, once each, and no other review's", async () => {
      for (const [ref, role] of [
        ['AR-1@2025-26', 'pc'],
        ['AR-1@2024-25', 'pc'],
        ['AR-1@2024-25', 'cyp'],
        ['AR-10@2024-25', 'pc'],
        ['AR-1', 'pc'],
      ] as const)
        await store().mutate(ref, role, saveSection(OUTCOMES[0]!, role, 3, ref));
      expect(await store().archivedRefs('AR-1')).to.deep.equal(['AR-1@2024-25', 'AR-1@2025-26']);
      expect(await store().archivedRefs('AR-2')).to.deep.equal([]);
    });

    it('after changes that finished, a sweep has nothing to finish and the counters stand', async () => {
      await store().mutate('AR-1', 'pc', saveSection(OUTCOMES[0]!, 'pc', 4, 'AR-1'));
      const before = nonZero(await stores().counters.read([TERM]), true);
      expect(await store().sweep(0)).to.equal(0);
      expect(nonZero(await stores().counters.read([TERM]), true)).to.deep.equal(before);
    });
  });
}

export function describeAggregateMaintenanceContract(
  name: string,
  makeStore: StoreFactory<AggregateCounters & AggregateMaintenance>,
) {
  describe(`AggregateCounters / AggregateMaintenance contract: ${name}`, () => {
    const store = eachTestGets(makeStore);
    const counters = (entries: Record<string, Record<string, Record<string, number>>>): TermCounters =>
      new Map(Object.entries(entries).map(([t, rows]) => [t, new Map(Object.entries(rows))]));

    it('reads an empty map for each term asked that has no counters', async () => {
      const read = await store().read(['2026-27-autumn', '2025-26-summer']);
      expect([...read.keys()].sort()).to.deep.equal(['2025-26-summer', '2026-27-autumn']);
      expect([...read.values()].map((m) => m.size)).to.deep.equal([0, 0]);
      expect(nonZero(await store().readAll())).to.deep.equal({});
    });

    it('replaces every counter: what is read afterwards is exactly what was given', async () => {
      await store().replaceAll(counters({ t1: { 'pc~voice': { seen: 3, q1_n: 2 } }, t0: { 'rate~pc': { sent: 9 } } }));
      const given = { t1: { 'cyp~safe': { seen: 1, q2_sum: 14 } }, t2: { 'rate~cyp': { sent: 4, started: 2 } } };
      await store().replaceAll(counters(given));
      expect(nonZero(await store().readAll())).to.deep.equal(given);
      expect(nonZero(await store().read(['t1', 't0']), true)).to.deep.equal({ t1: given.t1, t0: {} });
    });
  });
}
