import { z } from 'zod';
import { fromRoot } from '../../../domain/projectPaths.js';
import { OUTCOME_IDS, type OutcomeId } from '../../../domain/survey/questionBank.js';
import { words } from '../../../domain/text/words.js';
import { readJsonFile } from '../../../domain/validated.js';

const listSchema = z.object({
  version: z.literal(1),
  description: z.string(),
  themes: z
    .array(
      z.object({
        id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{1,30}$/, 'a theme id is letters and digits'),
        outcome: z.enum(OUTCOME_IDS),
        name: z.string().min(3),
        words: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
});
export type Theme = { id: string; outcome: OutcomeId; name: string };

/**
 * The themes families' own words are counted under (seeds/themes.json). A comment counts under every theme
 * whose words it uses; a word ending "*" matches its longer forms ("anxi*": anxious, anxiety).
 */
export class ThemeList {
  private readonly matchers: { theme: Theme; phrases: { words: string[]; prefix: boolean }[] }[];

  constructor(data: z.infer<typeof listSchema>) {
    this.matchers = data.themes.map((t) => ({
      theme: { id: t.id, outcome: t.outcome, name: t.name },
      phrases: t.words.map((w) => ({ words: words(w.replace(/\*$/, '')), prefix: w.endsWith('*') })),
    }));
  }

  get themes(): Theme[] {
    return this.matchers.map((m) => m.theme);
  }

  /** The ids of the themes a comment touches, in the list's order. */
  themesOf(text: string): string[] {
    const tokens = words(text);
    return this.matchers
      .filter(({ phrases }) =>
        phrases.some((p) => {
          for (let i = 0; i + p.words.length <= tokens.length; i++) {
            const hit = p.words.every((w, k) =>
              k === p.words.length - 1 && p.prefix ? tokens[i + k]!.startsWith(w) : tokens[i + k] === w,
            );
            if (hit) return true;
          }
          return false;
        }),
      )
      .map((m) => m.theme.id);
  }
}

export function loadThemeList(file = fromRoot('seeds', 'themes.json')): ThemeList {
  return new ThemeList(readJsonFile(file, listSchema));
}

let standard: ThemeList | undefined;
/** The product's theme list, read once: the compact copy of every saved comment carries its themes. */
export function standardThemes(): ThemeList {
  return (standard ??= loadThemeList());
}
