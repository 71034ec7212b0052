import type { OutcomeId, QuestionBank, RespondentRole } from '../survey/questionBank.js';

/**
 * One review's answers as its practitioner reads them before the review meeting: per outcome, the child's
 * and the parent carer's answer to each question (a score with its words, skipped, or not answered yet),
 * then each free-text prompt with the words exactly as written. Plain data: the chat card and the
 * printable page escape the words for where they show them.
 */
export type AnswerShown =
  { kind: 'score'; score: number; label: string } | { kind: 'skipped' } | { kind: 'notAnswered' };

export type RespondentAnswers = {
  role: RespondentRole;
  /** Whether this respondent was invited at all for the review. */
  invited: boolean;
  outcomes: { outcome: OutcomeId; name: string; questions: { text: string; answer: AnswerShown }[] }[];
  words: { prompt: string; text?: string; skipped: boolean }[];
  /** The latest date anything was saved, or undefined when nothing was. */
  lastSaved?: string;
};

export type ReviewAnswers = { reviewRef: string; respondents: RespondentAnswers[] };

/** One stored answer, as much of it as the view needs (the answers table's row). */
export type AnswerRow = { questionId: string; submittedOn: string; score?: number; skipped: boolean; text?: string };

export function reviewAnswers(
  bank: QuestionBank,
  reviewRef: string,
  rows: Record<RespondentRole, AnswerRow[] | undefined>,
): ReviewAnswers {
  const labels = new Map<number, string>(bank.data.scale.points.map((p) => [p.score, p.label]));
  const respondents = (['cyp', 'pc'] as const).map((role): RespondentAnswers => {
    const mine = rows[role];
    const byId = new Map((mine ?? []).map((r) => [r.questionId, r]));
    const answerOf = (id: string): AnswerShown => {
      const row = byId.get(id);
      if (!row) return { kind: 'notAnswered' };
      if (row.skipped || row.score === undefined) return { kind: 'skipped' };
      return { kind: 'score', score: row.score, label: labels.get(row.score) ?? String(row.score) };
    };
    const dates = (mine ?? []).map((r) => r.submittedOn).sort();
    return {
      role,
      invited: mine !== undefined,
      outcomes: bank.outcomes.map((o) => ({
        outcome: o.id,
        name: o.shortName,
        questions: bank.questionsFor(o.id, role).map((q) => ({ text: q.text, answer: answerOf(q.id) })),
      })),
      words: bank.promptsFor(role).map((p) => {
        const row = byId.get(p.id);
        return row?.text !== undefined
          ? { prompt: p.prompt, text: row.text, skipped: false }
          : { prompt: p.prompt, skipped: row !== undefined };
      }),
      ...(dates.length ? { lastSaved: dates.at(-1)! } : {}),
    };
  });
  return { reviewRef, respondents };
}
