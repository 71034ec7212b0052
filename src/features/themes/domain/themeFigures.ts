import { promptFields, themeRow } from '../../scores/domain/aggregateDelta.js';
import { discloseFigure, type Disclosed } from '../../../domain/disclosure/disclosure.js';
import type { Counters } from '../../scores/domain/outcomeFigures.js';
import type { OutcomeId, QuestionBank, RespondentRole } from '../../../domain/survey/questionBank.js';
import type { Theme } from './themeList.js';

/** Comments are shown as themes only for a group this large (the threshold survey platforms use for comments). */
export const MIN_COMMENTS = 10;

export type PromptThemes = {
  role: RespondentRole;
  prompt: string;
  comments: number;
  /** False when the prompt has fewer than MIN_COMMENTS comments: then nothing about it is shown. */
  shown: boolean;
  /** Themes of the outcome(s) asked about that at least one comment touched, most first. */
  themes: { theme: Theme; count: Disclosed }[];
};

/**
 * What families wrote, as counted themes, per prompt and respondent: never the words. A prompt with fewer
 * than 10 comments shows nothing (not even how many); a theme from fewer than 5 comments is "fewer than 5".
 */
export function themeFigures(
  bank: QuestionBank,
  counters: Counters,
  themes: readonly Theme[],
  opts: { outcome?: OutcomeId; roles: readonly RespondentRole[] },
): PromptThemes[] {
  const wanted = themes.filter((t) => !opts.outcome || t.outcome === opts.outcome);
  return opts.roles.flatMap((role) => {
    const fields = counters.get(themeRow(role)) ?? {};
    return bank.promptsFor(role).map((p): PromptThemes => {
      const f = promptFields(p.position);
      const comments = fields[f.comments] ?? 0;
      const shown = comments >= MIN_COMMENTS;
      const counted = shown
        ? wanted
            .map((theme) => ({ theme, n: fields[f.theme(theme.id)] ?? 0 }))
            .filter((t) => t.n > 0)
            .sort((a, b) => b.n - a.n)
            .map(({ theme, n }) => ({ theme, count: discloseFigure({ value: n, basis: n }) }))
        : [];
      return { role, prompt: p.prompt, comments, shown, themes: counted };
    });
  });
}
