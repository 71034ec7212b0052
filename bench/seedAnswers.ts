import type { TransactionAction } from '@azure/data-tables';
import type { Core } from '../src/composeServices.js';
import { compactValue, respondentKey, type RespondentState } from '../src/features/survey/domain/respondentState.js';
import { deltaBetween, mergeDelta, type Delta } from '../src/features/scores/domain/aggregateDelta.js';
import { sectionOrder, sectionQuestionIds } from '../src/features/survey/domain/sections.js';
import type { RespondentRole } from '../src/domain/survey/questionBank.js';
import { seededRandom } from '../src/domain/random/seededRandom.js';
import { TABLES } from '../src/storage/tableStore.js';
import { answerRow, stateRow } from '../src/features/survey/storage/respondentStore.js';
import { forEachLimited } from '../src/imports/csvRows.js';
import { loadThemeList } from '../src/seeds/loadSeeds.js';

/**
 * Seeds synthetic answers straight into the tables with transactions (one per respondent: its answers
 * and state row), and adds the matching counters to the aggregates, exactly as the live path would.
 * Much faster than the live path, which is what the benchmark needs for a million answers.
 */
export async function seedAnswers(
  s: Core,
  opts: { fromRespondent: number; answers: number; terms: string[]; seed: number; onProgress?: (done: number) => void },
): Promise<{ respondents: number; answers: number }> {
  const answers = await s.store.table(TABLES.answers);
  const rnd = seededRandom(opts.seed);
  const themes = loadThemeList();
  const total: Delta = new Map();
  const jobs: { state: RespondentState; rows: Record<string, unknown>[] }[] = [];
  let written = 0;
  let i = opts.fromRespondent;
  while (written < opts.answers) {
    const role: RespondentRole = i % 2 ? 'cyp' : 'pc';
    const reviewRef = `BN-${String(i).padStart(7, '0')}`;
    const term = opts.terms[i % opts.terms.length];
    const state: RespondentState = { reviewRef, role, invitedTerm: term, sections: {} };
    const rows: Record<string, unknown>[] = [];
    for (const section of sectionOrder(s.seeds.bank)) {
      const values: Record<string, number | string> = {};
      for (const questionId of sectionQuestionIds(s.seeds.bank, section, role)) {
        const isText = section === 'text';
        const skipped = rnd() < 0.06;
        const score = 1 + Math.floor(rnd() * 5);
        const answer = isText
          ? skipped
            ? { skipped: true }
            : { skipped: false, text: 'synthetic' }
          : skipped
            ? { skipped: true }
            : { skipped: false, score };
        values[questionId] = compactValue(answer, themes);
        rows.push({
          partitionKey: respondentKey(reviewRef, role),
          rowKey: answerRow(respondentKey(reviewRef, role), questionId),
          kind: 'answer',
          reviewRef,
          role,
          questionId,
          section,
          term,
          submittedOn: '2026-10-01',
          ...answer,
        });
      }
      state.sections[section] = { term, savedAt: '2026-10-01T00:00:00.000Z', values };
    }
    state.completedAt = '2026-10-01T00:00:00.000Z';
    mergeDelta(total, deltaBetween(s.seeds.bank, sectionOrder(s.seeds.bank).length, undefined, state));
    jobs.push({ state, rows });
    written += rows.length;
    i++;
  }
  let done = 0;
  await forEachLimited(jobs, 8, async ({ state, rows }) => {
    const pk = respondentKey(state.reviewRef, state.role);
    const stateEntity = {
      partitionKey: pk,
      rowKey: stateRow(pk),
      kind: 'state',
      reviewRef: state.reviewRef,
      role: state.role,
      invitedTerm: state.invitedTerm,
      sections: JSON.stringify(state.sections),
      completedAt: state.completedAt,
    };
    await answers.submitTransaction(
      [...rows, stateEntity].map((e): TransactionAction => ['upsert', e as never, 'Replace']),
    );
    done += rows.length;
    if (done % 20_000 < rows.length) opts.onProgress?.(done);
  });
  await addToAggregates(s, total);
  return { respondents: jobs.length, answers: written };
}

/** Adds the seeded counters through the normal (receipted) aggregate path, as one operation per term. */
async function addToAggregates(s: Core, total: Delta): Promise<void> {
  let n = 0;
  for (const [term, rows] of total)
    await s.stores.counters.apply(`seed-${Date.now()}-${n++}`, new Map([[term, rows]]), 0);
}
