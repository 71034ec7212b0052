import type { OutcomeId, QuestionBank, RespondentRole } from '../../../domain/survey/questionBank.js';

/**
 * One review's answers as its practitioner reads them before the review meeting: per outcome, the child's
 * and the parent carer's answer to each question (a score with its words, skipped, or not answered yet),
 * then each free-text prompt with the words exactly as written. Plain data: the chat card and the
 * printable page escape the words for where they show them.
 */
export type AnswerShown =
  | { kind: 'score'; score: number; label: string }
  | { kind: 'skipped' }
  /** "I don't understand this question": the family's own answer, not a skip. */
  | { kind: 'unclear' }
  | { kind: 'notAnswered' };

/** Who answered a child's survey, as said on its first card (see survey/domain/respondentState.ts). */
export type WhoAnsweredShown = 'alone' | 'withHelp' | 'forThem';

export type RespondentAnswers = {
  role: RespondentRole;
  /** Whether this respondent was invited at all for the review. */
  invited: boolean;
  outcomes: {
    outcome: OutcomeId;
    name: string;
    questions: { text: string; answer: AnswerShown; previous?: AnswerShown }[];
  }[];
  words: { prompt: string; text?: string; skipped: boolean; previousText?: string }[];
  /** The academic year of the answers given as `previous` (last year's review of the same reference). */
  previousYear?: string;
  /** The latest date anything was saved, or undefined when nothing was. */
  lastSaved?: string;
  /** A child's survey: who answered it, when it was said. */
  whoAnswered?: WhoAnsweredShown;
};

export type ReviewAnswers = { reviewRef: string; respondents: RespondentAnswers[] };

/** One stored answer, as much of it as the view needs (the answers table's row). */
export type AnswerRow = {
  questionId: string;
  submittedOn: string;
  score?: number;
  skipped: boolean;
  text?: string;
  unclear?: true;
};

export function reviewAnswers(
  bank: QuestionBank,
  reviewRef: string,
  rows: Record<RespondentRole, AnswerRow[] | undefined>,
  previous?: { year: string; rows: Record<RespondentRole, AnswerRow[] | undefined> },
  whoAnswered?: WhoAnsweredShown,
): ReviewAnswers {
  const labels = new Map<number, string>(bank.data.scale.points.map((p) => [p.score, p.label]));
  const respondents = (['cyp', 'pc'] as const).map((role): RespondentAnswers => {
    const mine = rows[role];
    const byId = new Map((mine ?? []).map((r) => [r.questionId, r]));
    const before = previous?.rows[role];
    const beforeById = new Map((before ?? []).map((r) => [r.questionId, r]));
    const shown = (row: AnswerRow | undefined): AnswerShown => {
      if (!row) return { kind: 'notAnswered' };
      if (row.unclear) return { kind: 'unclear' };
      if (row.skipped || row.score === undefined) return { kind: 'skipped' };
      return { kind: 'score', score: row.score, label: labels.get(row.score) ?? String(row.score) };
    };
    const answerOf = (id: string): AnswerShown => shown(byId.get(id));
    const dates = (mine ?? []).map((r) => r.submittedOn).sort();
    return {
      role,
      invited: mine !== undefined || before !== undefined,
      outcomes: bank.outcomes.map((o) => ({
        outcome: o.id,
        name: o.shortName,
        questions: bank.questionsFor(o.id, role).map((q) => ({
          text: q.text,
          answer: answerOf(q.id),
          ...(before ? { previous: shown(beforeById.get(q.id)) } : {}),
        })),
      })),
      words: bank.promptsFor(role).map((p) => {
        const row = byId.get(p.id);
        const earlier = beforeById.get(p.id)?.text;
        const last = earlier !== undefined ? { previousText: earlier } : {};
        return row?.text !== undefined
          ? { prompt: p.prompt, text: row.text, skipped: false, ...last }
          : { prompt: p.prompt, skipped: row !== undefined, ...last };
      }),
      ...(dates.length ? { lastSaved: dates.at(-1)! } : {}),
      ...(before && previous ? { previousYear: previous.year } : {}),
      ...(role === 'cyp' && whoAnswered ? { whoAnswered } : {}),
    };
  });
  return { reviewRef, respondents };
}
