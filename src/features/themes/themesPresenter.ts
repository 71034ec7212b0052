import type { FigureTableCard } from '../../cards/cardModels.js';
import type { PromptThemes } from './domain/themeFigures.js';
import { MIN_COMMENTS } from './domain/themeFigures.js';
import type { Term } from '../../domain/terms/termCalendar.js';
import { figureText, ROLE_LABEL, SUPPRESSED_TEXT } from '../../cards/format.js';
import { toText, type Presented } from '../scores/scoresPresenter.js';

const count = (d: Parameters<typeof figureText>[0]) =>
  figureText(d, String) === SUPPRESSED_TEXT ? 'fewer than 5' : figureText(d, String);

/** One line per prompt shown: "Waiting for help 6 · Getting the right support fewer than 5". */
export function themesLine(p: PromptThemes): string {
  return p.themes.length
    ? p.themes.map((t) => `${t.theme.name} ${count(t.count)}`).join(' · ')
    : 'none of these themes';
}

/** Counted themes of what families wrote, never their words; groups under 10 comments are not shown. */
export function presentThemes(term: Term, prompts: PromptThemes[], subject: string): Presented {
  const shown = prompts.filter((p) => p.shown);
  const hidden = prompts.length - shown.length;
  const card: FigureTableCard = {
    title: `What families are saying${subject ? ` about ${subject}` : ''}`,
    subtitle: `${term.label} · themes counted in what families wrote`,
    headline: shown.length
      ? ''
      : `No prompt has ${MIN_COMMENTS} or more comments in ${term.label} yet, so there is nothing to show.`,
    headers: ['Themes (comments touching each)'],
    rows: shown.map((p) => ({
      label: `"${p.prompt}…"`,
      detail: `${ROLE_LABEL[p.role]}, ${p.comments} comments`,
      cells: [themesLine(p)],
    })),
    notes: [
      `Shown only for prompts with ${MIN_COMMENTS} or more comments; a theme from fewer than 5 comments says so. A comment can touch several themes. The words themselves are read only by each family's own practitioner.`,
      ...(hidden > 0 && shown.length > 0
        ? [`${hidden} prompts had fewer than ${MIN_COMMENTS} comments and are not shown.`]
        : []),
    ],
    buttons: [],
  };
  return { card, text: toText(card), summary: card.headline || card.title };
}
