import type { ReviewAnswersCard, ReviewWordsCard } from '../cards/cardModels.js';
import type { AnswerShown, RespondentAnswers, ReviewAnswers } from '../domain/reviews/reviewAnswers.js';
import { chatLiteralLines } from '../domain/text/safeText.js';
import { longDate } from './format.js';

export const WHO: Record<RespondentAnswers['role'], string> = {
  cyp: 'The child or young person',
  pc: 'The parent carer',
};

export const REVIEW_REFUSAL =
  "I can show a review's answers only to the practitioner who invited the family to its survey, and to administrators. If you made the invitation, check the reference (for example AR-1042).";

export function answerText(a: AnswerShown): string {
  if (a.kind === 'score') return `${a.score} · ${a.label}`;
  return a.kind === 'skipped' ? 'Skipped (chose not to answer)' : 'Not answered yet';
}

function statusOf(r: RespondentAnswers): string {
  if (!r.invited) return 'Not invited for this review.';
  if (!r.lastSaved) return 'Invited; nothing saved yet.';
  return `Last saved ${longDate(r.lastSaved)}.`;
}

/** The scored answers, one card: per respondent invited, per outcome, each question and its answer. */
export function presentReviewAnswers(view: ReviewAnswers, printUrl: string): ReviewAnswersCard {
  const invited = view.respondents.filter((r) => r.invited);
  return {
    title: `Review ${view.reviewRef}: the family's answers`,
    subtitle: 'For the review meeting. Scores from 1 (strongly disagree) to 5 (strongly agree).',
    respondents: invited.map((r) => ({
      heading: WHO[r.role],
      status: statusOf(r) + (r.previousYear ? ` Last year's answers (${r.previousYear}) are shown under each.` : ''),
      outcomes: r.outcomes.map((o) => ({
        name: o.name,
        answers: o.questions.map((q) => ({
          question: q.text,
          answer: answerText(q.answer),
          previous: q.previous && r.previousYear ? `${r.previousYear}: ${answerText(q.previous)}` : '',
        })),
      })),
    })),
    notes: [
      'Their own words follow, exactly as written.',
      'Your viewing is recorded (who, which review, when), as it is for everyone who sees a family’s answers. The print link works for 30 minutes, for you only.',
    ],
    printUrl,
  };
}

/** Characters of escaped words per card: Teams refuses a card over 28 KB (escaping can make "&" five long). */
const WORDS_PER_CARD_CHARS = 18_000;

/** Each respondent's own words: a card each, split further when the escaped words would not fit one. */
export function presentReviewWords(view: ReviewAnswers): ReviewWordsCard[] {
  return view.respondents
    .filter((r) => r.invited)
    .flatMap((r) => {
      const words = r.words.map((w) => ({
        ...(w.text !== undefined
          ? { prompt: w.prompt, text: chatLiteralLines(w.text), isSubtle: false }
          : { prompt: w.prompt, text: w.skipped ? 'Skipped' : 'Not answered yet', isSubtle: true }),
        previous:
          w.previousText !== undefined && r.previousYear
            ? `${r.previousYear}: ${chatLiteralLines(w.previousText)}`
            : '',
      }));
      const chunks: (typeof words)[] = [[]];
      let size = 0;
      for (const w of words) {
        const length = w.text.length + w.prompt.length + w.previous.length;
        if (size + length > WORDS_PER_CARD_CHARS && chunks.at(-1)!.length > 0) {
          chunks.push([]);
          size = 0;
        }
        chunks.at(-1)!.push(w);
        size += length;
      }
      return chunks.map((chunk, i) => ({
        title: `${WHO[r.role]}, in their own words${chunks.length > 1 ? ` (${i + 1} of ${chunks.length})` : ''}`,
        subtitle: `Review ${view.reviewRef} · shown exactly as written`,
        words: chunk,
      }));
    });
}
