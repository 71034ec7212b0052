import type { FigureTableCard } from '../../cards/cardModels.js';
import { ROLE_LABEL } from '../../cards/format.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { Term } from '../../domain/terms/termCalendar.js';
import { toText, type Presented } from '../scores/scoresPresenter.js';
import { UNCLEAR_LISTED_FROM, type UnclearQuestion } from './domain/unclearCounts.js';

/**
 * The questions families said they did not understand, so the bank (and its easy-read words) can be improved.
 * Only questions said by UNCLEAR_LISTED_FROM or more people are listed; no total is shown.
 */
export function presentUnclearQuestions(
  bank: QuestionBank,
  term: Term,
  questions: UnclearQuestion[],
  anySaved: boolean,
): Presented {
  const headline = !anySaved
    ? `No survey answers are saved for ${term.label} yet, so there is nothing to count.`
    : questions.length === 0
      ? `No question was marked "I don't understand this question" by ${UNCLEAR_LISTED_FROM} or more people in ${term.label}.`
      : '';
  const card: FigureTableCard = {
    title: 'Questions families did not understand',
    subtitle: `${term.label} · answers of "I don't understand this question"`,
    headline,
    headers: ['Said they did not understand', 'Of those who answered the section'],
    rows: questions.map((q) => ({
      label: `"${q.text}"`,
      detail: `${ROLE_LABEL[q.role]} · ${bank.outcome(q.outcome).shortName} · ${q.id}`,
      cells: [String(q.unclear), q.seen > 0 ? `${Math.round((100 * q.unclear) / q.seen)}% of ${q.seen}` : '—'],
    })),
    notes: [
      `Only questions that ${UNCLEAR_LISTED_FROM} or more people said they did not understand are listed, so nobody can be picked out; no total is given.`,
      'These answers are counted in no score: a question is scored only from those who chose a face or a number.',
      'Each question also has a draft easy-read version families can choose; both can be improved with the parent carer forum.',
    ],
    buttons: [],
  };
  return { card, text: toText(card), summary: card.headline || card.title };
}
