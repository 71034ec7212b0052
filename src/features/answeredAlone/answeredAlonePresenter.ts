import type { FigureTableCard } from '../../cards/cardModels.js';
import { figureText, oneDecimal, percent, SUPPRESSED_TEXT } from '../../cards/format.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { Term } from '../../domain/terms/termCalendar.js';
import { toText, type Presented } from '../scores/scoresPresenter.js';
import type { AloneScore } from './domain/answeredAloneScores.js';

const WHY: Record<Exclude<AloneScore, { shown: true }>['why'], string> = {
  none: 'no answers yet',
  small: SUPPRESSED_TEXT,
  others: `${SUPPRESSED_TEXT} (from the other children)`,
};

/** The outcome scores of children and young people who said they answered on their own. */
export function presentAnsweredAlone(bank: QuestionBank, term: Term, scores: AloneScore[]): Presented {
  const any = scores.some((s) => s.shown || s.why !== 'none');
  const card: FigureTableCard = {
    title: 'Scores where children answered on their own',
    subtitle: `${term.label} · children and young people who said "Me, on my own"`,
    headline: any
      ? ''
      : `No child or young person who said they answered on their own has saved answers in ${term.label}.`,
    headers: ['Mean (1–5)', '% agree', 'Answered'],
    rows: scores.map((s) => {
      const name = bank.outcome(s.outcome).shortName;
      if (!s.shown) return { label: name, detail: '', cells: [WHY[s.why], '', ''] };
      const n = s.score.respondents;
      return {
        label: name,
        detail: '',
        cells: [figureText(s.score.mean, oneDecimal), figureText(s.score.positive, percent), String(n)],
      };
    }),
    notes: [
      'Asked once, at the start of a child’s survey: on their own, with help, or someone answering for them. Children who did not say are not counted here.',
      'An outcome is not shown when fewer than 5 children answered it on their own, or when the other children who answered it are 1 to 4 (the two sets of scores side by side would show theirs).',
    ],
    buttons: [],
  };
  return { card, text: toText(card), summary: card.headline || card.title };
}
