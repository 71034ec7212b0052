import { z } from 'zod';
import type { QuestionBank, RespondentRole } from '../../../domain/survey/questionBank.js';
import { isSectionId, sectionQuestionIds, TEXT_SECTION, type SectionId } from './sections.js';
import { UNCLEAR } from './respondentState.js';

export const FREE_TEXT_MAX_CHARS = 2000;
export const SKIP_VALUE = 'skip';
/** "I don't understand this question": an answer of its own, distinct from "prefer not to say". */
export const UNCLEAR_VALUE = 'unclear';
export const UNCLEAR_LABEL = "I don't understand this question";

/**
 * One stored answer: a score 1–5, or no score (`skipped`) — "prefer not to say", or, with `unclear`, "I don't
 * understand this question" — or free text. `skipped` stays true for an unclear answer so every reader that
 * looks only for a score (figures, worries, exports) counts it as no score; `unclear` says which no-score it is.
 */
export type AnswerValue = { questionId: string; score?: number; skipped: boolean; text?: string; unclear?: true };
export type SectionAnswers = { section: SectionId; answers: AnswerValue[] };

export type SubmissionCheck =
  | { ok: true; value: SectionAnswers }
  | { ok: false; message: string; missing?: { questionIds: string[]; given: Record<string, number> } };

/** Card fields that are not answers; anything else in a submission must be a question of the section. */
export const CARD_META_FIELDS = new Set([
  'verb',
  'code',
  'section',
  'bankVersion',
  'submissionId',
  'action',
  // Asked on a child's first card, kept with the respondent (not an answer to a question).
  'whoAnswered',
]);

const scoreValue = z.union([
  z.enum(['1', '2', '3', '4', '5', SKIP_VALUE, UNCLEAR_VALUE]),
  z.number().int().min(1).max(5).transform(String),
]);
const textValue = z.string().max(FREE_TEXT_MAX_CHARS);

/**
 * Checks one submitted section against the question bank. Everything is checked before anything is
 * stored, and the message is written for a family, not a developer.
 */
export function checkSectionSubmission(
  bank: QuestionBank,
  role: RespondentRole,
  section: string,
  raw: Record<string, unknown>,
): SubmissionCheck {
  if (!isSectionId(bank, section))
    return { ok: false, message: 'This card is not part of your survey. Please use the latest card I sent you.' };
  const expected = sectionQuestionIds(bank, section, role);
  const unknown = Object.keys(raw).filter((k) => !CARD_META_FIELDS.has(k) && !expected.includes(k));
  if (unknown.length > 0) {
    return {
      ok: false,
      message:
        'This card has answers that are not part of your survey, so I have not saved it. Please use the latest card I sent you.',
    };
  }
  const answers: AnswerValue[] = [];
  const missing: number[] = [];
  const given: Record<string, number> = {};
  for (const [i, questionId] of expected.entries()) {
    const value = raw[questionId];
    if (section === TEXT_SECTION) {
      const text = value === undefined || value === null ? '' : value;
      const parsed = textValue.safeParse(text);
      if (!parsed.success) {
        return typeof text === 'string'
          ? {
              ok: false,
              message: `Answer ${i + 1} is ${text.length.toLocaleString('en-GB')} characters long; please keep each answer under ${FREE_TEXT_MAX_CHARS.toLocaleString('en-GB')} characters. Nothing has been saved yet.`,
            }
          : { ok: false, message: 'I could not read one of your answers. Please try again.' };
      }
      const trimmed = parsed.data.trim();
      answers.push(trimmed ? { questionId, skipped: false, text: trimmed } : { questionId, skipped: true });
      continue;
    }
    if (value === undefined || value === null || value === '') {
      missing.push(i + 1);
      continue;
    }
    const parsed = scoreValue.safeParse(value);
    if (!parsed.success)
      return {
        ok: false,
        message: `I could not read your answer to question ${i + 1}: please choose one of the options, or "Prefer not to say".`,
      };
    answers.push(
      parsed.data === SKIP_VALUE
        ? { questionId, skipped: true }
        : parsed.data === UNCLEAR_VALUE
          ? { questionId, skipped: true, unclear: true }
          : { questionId, skipped: false, score: Number(parsed.data) },
    );
    given[questionId] = compactOfCardValue(parsed.data);
  }
  if (missing.length > 0) {
    // The same words a client that checks the card itself shows beside each unanswered question.
    const which = missing.length === 1 ? `question ${missing[0]}` : `questions ${missing.join(', ')}`;
    return {
      ok: false,
      message: `Please choose an answer for ${which} — you can pick "Prefer not to say". Nothing has been saved yet.`,
      missing: { questionIds: missing.map((n) => expected[n - 1]), given },
    };
  }
  return { ok: true, value: { section, answers } };
}

/** A card's answer ("1".."5", "skip", "unclear") as kept in a section's values (see respondentState). */
export function compactOfCardValue(value: string): number {
  return value === SKIP_VALUE ? 0 : value === UNCLEAR_VALUE ? UNCLEAR : Number(value);
}

/** A kept value as a card carries it: the inverse of compactOfCardValue. */
export function cardValueOf(value: number): string {
  return value === 0 ? SKIP_VALUE : value === UNCLEAR ? UNCLEAR_VALUE : String(value);
}
