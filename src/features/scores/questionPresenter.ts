import type { FigureTableCard } from '../../cards/cardModels.js';
import { figureText, ROLE_LABEL } from '../../cards/format.js';
import type { QuestionBank, ScoredQuestion } from '../../domain/survey/questionBank.js';
import type { TermScores } from './domain/termScores.js';
import { MEANING, questionCell, toText, type Presented } from './scoresPresenter.js';

const SCALE = ['strongly disagree', 'disagree', 'neither', 'agree', 'strongly agree'];

/**
 * "'I feel safe online' scores", "how many young people said they feel listened to": one survey question's own
 * figures, under its own wording, for the role that answers it, in each term asked (the change against the term
 * before when one). Its 1–5 answers are shown as disclosed: fewer than 5, and a cell that would give one away, are
 * never shown.
 */
export function presentQuestion(bank: QuestionBank, question: ScoredQuestion, results: TermScores[]): Presented {
  const outcome = bank.outcome(question.outcome).shortName;
  const who = ROLE_LABEL[question.role];
  const ordered = [...results].sort((a, b) => a.term.start.localeCompare(b.term.start));
  const figuresIn = (r: TermScores, list: 'scores' | 'previousScores') =>
    r[list]
      .find((s) => s.outcome === question.outcome && s.role === question.role)
      ?.questions.find((q) => q.id === question.id);
  const rows: FigureTableCard['rows'] = [];
  const lines: string[] = [];
  for (const r of ordered) {
    const now = figuresIn(r, 'scores');
    const cell = now
      ? questionCell(now, ordered.length === 1 ? figuresIn(r, 'previousScores') : undefined)
      : 'no answers yet';
    rows.push({ label: ordered.length === 1 ? 'Score' : r.term.label, detail: who, cells: [cell] });
    lines.push(`${ordered.length === 1 ? '' : `${r.term.label}: `}${cell}`);
    if (now && now.respondents > 0 && now.mean.shown)
      rows.push({
        label: ordered.length === 1 ? 'Answers 1 to 5' : `${r.term.label}, answers 1 to 5`,
        detail: SCALE.join(' · '),
        cells: [now.distribution.map((d) => figureText(d, String)).join(' · ')],
      });
  }
  const terms = ordered.map((r) => r.term.label).join(' and ');
  const card: FigureTableCard = {
    title: `"${question.text}"`,
    subtitle: `${outcome} question, ${who.toLowerCase()} · ${terms}${ordered.length === 1 ? ` · change against ${ordered[0]!.previous.label}` : ''}`,
    headline: `"${question.text}" (${who.toLowerCase()}, ${terms}): ${lines.join('; ')}.`,
    headers: ['Score'],
    rows,
    notes: [MEANING, 'Groups of fewer than 5 people are never shown.'],
    buttons: [{ title: `All ${outcome} questions`, text: `${question.outcome} scores per question` }],
  };
  return { card, text: toText(card), summary: card.headline };
}
