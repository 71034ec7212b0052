import type { QuestionBank, RespondentRole } from '../../../domain/survey/questionBank.js';
import { TEXT_SECTION } from '../../survey/domain/sections.js';
import { themesInCompact, type RespondentState, type SavedSection } from '../../survey/domain/respondentState.js';

/**
 * Aggregates are counters per term × role × outcome (and per question inside): respondents who saved
 * the section (`seen`), respondents with at least one score (`resp`), and per question n, sum, the 1–5
 * distribution, skips and "I don't understand" answers (`unclear`, in no figure but its own count). Response-rate counters (sent, started, completed) sit per term × role.
 * A change to a respondent is turned into a delta of those counters, so stored aggregates move by
 * exactly what changed and never need the answers re-read.
 */
export type CounterKey = { term: string; row: string };
export type Delta = Map<string, Map<string, Record<string, number>>>; // term -> row -> field -> increment

export function outcomeRow(role: RespondentRole, outcome: string): string {
  return `${role}~${outcome}`;
}
/**
 * The same counters again for the children and young people who said they answered on their own (asked once, on
 * the first card), so their scores can be read apart — through the same disclosure rule as every other figure.
 */
export function answeredAloneRow(outcome: string): string {
  return `cyp@alone~${outcome}`;
}
export function rateRow(role: RespondentRole): string {
  return `rate~${role}`;
}
/** Free-text counters of one role: per prompt, comments written and how many touched each theme. */
export function themeRow(role: RespondentRole): string {
  return `text~${role}`;
}
export const promptFields = (position: number) => ({
  comments: `p${position}_n`,
  theme: (id: string) => `p${position}_t_${id}`,
});
export const questionFields = (position: number) => ({
  n: `q${position}_n`,
  sum: `q${position}_sum`,
  skip: `q${position}_skip`,
  /** "I don't understand this question": counted apart, so a question families find hard can be found. */
  unclear: `q${position}_unclear`,
  count: (score: number) => `q${position}_c${score}`,
});

function bump(delta: Delta, term: string, row: string, field: string, by: number): void {
  if (by === 0) return;
  let rows = delta.get(term);
  if (!rows) delta.set(term, (rows = new Map()));
  let fields = rows.get(row);
  if (!fields) rows.set(row, (fields = {}));
  fields[field] = (fields[field] ?? 0) + by;
  if (fields[field] === 0) delete fields[field];
}

function addSection(
  delta: Delta,
  bank: QuestionBank,
  role: RespondentRole,
  section: string,
  saved: SavedSection,
  sign: 1 | -1,
  rowKey: string = outcomeRow(role, section),
): void {
  if (section === TEXT_SECTION) {
    // The words themselves are never aggregated: only that a comment was written, and its themes.
    for (const [questionId, value] of Object.entries(saved.values)) {
      const prompt = bank.freeTextPrompt(questionId);
      if (!prompt || typeof value !== 'string') continue;
      const f = promptFields(prompt.position);
      bump(delta, saved.term, themeRow(role), f.comments, sign);
      for (const theme of themesInCompact(value)) bump(delta, saved.term, themeRow(role), f.theme(theme), sign);
    }
    return;
  }
  const row = rowKey;
  bump(delta, saved.term, row, 'seen', sign);
  let anyScore = false;
  for (const [questionId, value] of Object.entries(saved.values)) {
    const question = bank.scoredQuestion(questionId);
    if (!question || typeof value !== 'number') continue;
    const f = questionFields(question.position);
    if (value === 0) {
      bump(delta, saved.term, row, f.skip, sign);
    } else if (value < 0) {
      // Not a score, not a skip: never in n, the mean, % positive or `resp`.
      bump(delta, saved.term, row, f.unclear, sign);
    } else {
      anyScore = true;
      bump(delta, saved.term, row, f.n, sign);
      bump(delta, saved.term, row, f.sum, sign * value);
      bump(delta, saved.term, row, f.count(value), sign);
    }
  }
  if (anyScore) bump(delta, saved.term, row, 'resp', sign);
}

function addRates(delta: Delta, state: RespondentState, totalSections: number, sign: 1 | -1): void {
  const row = rateRow(state.role);
  bump(delta, state.invitedTerm, row, 'sent', sign);
  const saved = Object.keys(state.sections).length;
  if (saved > 0) bump(delta, state.invitedTerm, row, 'started', sign);
  if (saved >= totalSections) bump(delta, state.invitedTerm, row, 'completed', sign);
}

/** The counters' change when a respondent goes from `before` to `after` (either may be absent). */
export function deltaBetween(
  bank: QuestionBank,
  totalSections: number,
  before: RespondentState | undefined,
  after: RespondentState | undefined,
): Delta {
  const delta: Delta = new Map();
  for (const [state, sign] of [
    [before, -1],
    [after, 1],
  ] as const) {
    if (!state) continue;
    addRates(delta, state, totalSections, sign);
    for (const [section, saved] of Object.entries(state.sections)) {
      addSection(delta, bank, state.role, section, saved, sign);
      if (state.role === 'cyp' && state.whoAnswered === 'alone' && section !== TEXT_SECTION)
        addSection(delta, bank, state.role, section, saved, sign, answeredAloneRow(section));
    }
  }
  // Drop rows whose increments cancelled out, so an unchanged save writes nothing.
  for (const [term, rows] of delta) {
    for (const [row, fields] of rows) if (Object.keys(fields).length === 0) rows.delete(row);
    if (rows.size === 0) delta.delete(term);
  }
  return delta;
}

/** Adds `delta` into `total` (both term -> row -> field -> increment). */
export function mergeDelta(total: Delta, delta: Delta): void {
  for (const [term, rows] of delta) {
    const t = total.get(term) ?? new Map<string, Record<string, number>>();
    total.set(term, t);
    for (const [row, fields] of rows) {
      const r = t.get(row) ?? {};
      t.set(row, r);
      for (const [f, v] of Object.entries(fields)) r[f] = (r[f] ?? 0) + v;
    }
  }
}

export function isEmptyDelta(delta: Delta): boolean {
  return delta.size === 0;
}

export function deltaToJson(delta: Delta): string {
  return JSON.stringify([...delta].map(([term, rows]) => [term, [...rows]]));
}

export function deltaFromJson(json: string): Delta {
  const parsed = JSON.parse(json) as [string, [string, Record<string, number>][]][];
  return new Map(parsed.map(([term, rows]) => [term, new Map(rows)]));
}
