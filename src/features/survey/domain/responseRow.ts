import { z } from 'zod';
import { isRealIsoDate } from '../../../domain/dates.js';
import { checkReviewRef } from '../../invitations/domain/reviewRef.js';
import type { QuestionBank, RespondentRole } from '../../../domain/survey/questionBank.js';
import { FREE_TEXT_MAX_CHARS } from './sectionSubmission.js';

/** Columns of a historical survey CSV (SPEC.md "Contracts"). */
export const RESPONSE_COLUMNS = ['review_ref', 'respondent', 'submitted_on', 'question_id', 'score', 'text'] as const;

export type ResponseRow = {
  reviewRef: string;
  role: RespondentRole;
  submittedOn: string;
  questionId: string;
  section: string;
  score?: number;
  skipped: boolean;
  text?: string;
};

const rawRow = z.object({
  review_ref: z.string(),
  respondent: z.string(),
  submitted_on: z.string(),
  question_id: z.string(),
  score: z.string().optional().default(''),
  text: z.string().optional().default(''),
});

/** Validates one CSV row; errors are sentences a data officer can act on. */
export function checkResponseRow(
  raw: Record<string, string>,
  bank: QuestionBank,
  today: string,
): { ok: true; row: ResponseRow } | { ok: false; errors: string[] } {
  const shaped = rawRow.safeParse(raw);
  if (!shaped.success)
    return { ok: false, errors: [`missing column(s): ${shaped.error.issues.map((i) => i.path.join('.')).join(', ')}`] };
  const r = shaped.data;
  const errors: string[] = [];
  const ref = checkReviewRef(r.review_ref);
  if (!ref.ok)
    errors.push(
      `review_ref "${r.review_ref.slice(0, 40)}" is not a review reference (letters then numbers, like AR-1042)`,
    );
  const role = r.respondent.trim().toLowerCase();
  if (role !== 'cyp' && role !== 'pc') errors.push(`respondent "${r.respondent.slice(0, 20)}" must be cyp or pc`);
  const date = r.submitted_on.trim();
  if (!isRealIsoDate(date)) errors.push(`submitted_on "${date.slice(0, 20)}" is not a real date (use YYYY-MM-DD)`);
  else if (date > today) errors.push(`submitted_on ${date} is after today (${today})`);
  const qid = r.question_id.trim();
  const scored = bank.scoredQuestion(qid);
  const prompt = bank.freeTextPrompt(qid);
  const score = r.score.trim();
  if (!scored && !prompt)
    errors.push(`question_id "${qid.slice(0, 30)}" is not a question of survey version ${bank.version}`);
  else if ((scored?.role ?? prompt?.role) !== role && (role === 'cyp' || role === 'pc'))
    errors.push(`question_id ${qid} is not asked of respondent ${role}`);
  if (scored) {
    if (score !== '' && !/^[1-5]$/.test(score))
      errors.push(`score "${score.slice(0, 10)}" must be a whole number from 1 to 5, or empty for "prefer not to say"`);
    if (r.text.trim() !== '') errors.push(`question ${qid} is scored, so text must be empty`);
  }
  if (prompt) {
    if (score !== '') errors.push(`question ${qid} is free text, so score must be empty`);
    if (r.text.length > FREE_TEXT_MAX_CHARS)
      errors.push(`text is ${r.text.length} characters; the limit is ${FREE_TEXT_MAX_CHARS}`);
  }
  if (errors.length > 0 || !ref.ok) return { ok: false, errors };
  const section = scored ? scored.outcome : 'text';
  const text = r.text.trim();
  return {
    ok: true,
    row: {
      reviewRef: ref.reviewRef,
      role: role as RespondentRole,
      submittedOn: date,
      questionId: qid,
      section,
      skipped: scored ? score === '' : text === '',
      ...(scored && score !== '' ? { score: Number(score) } : {}),
      ...(prompt && text !== '' ? { text } : {}),
    },
  };
}
