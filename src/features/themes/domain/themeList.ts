import { z } from 'zod';
import { OUTCOME_IDS, type OutcomeId } from '../../../domain/survey/questionBank.js';
import { words } from '../../../domain/text/words.js';
import { validated } from '../../../domain/validated.js';

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

/** Checks a parsed themes.json (read at the edge by src/seeds); `source` names it in an error. */
export function themeListFrom(raw: unknown, source: string): ThemeList {
  return new ThemeList(validated(listSchema, raw, `${source}:`));
}
