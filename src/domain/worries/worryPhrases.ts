import { z } from 'zod';
import { fromRoot } from '../projectPaths.js';
import { words } from '../text/words.js';
import { readJsonFile } from '../validated.js';

/**
 * The reviewed list of words that mean a family's answer should be read by a person today
 * (seeds/worry-phrases.json), and the one function that applies it. Matching is on whole words, after
 * lower-casing and dropping apostrophes ("Don't" and "dont" are the same); a phrase just after a negation
 * ("not scared", "never been hurt") does not count, unless the phrase is itself a negation ("not safe").
 */
const listSchema = z.object({
  version: z.literal(1),
  description: z.string(),
  review: z.object({ status: z.string(), by: z.string(), on: z.string(), note: z.string().optional() }),
  negations: z.array(z.string().min(1)),
  phrases: z.array(z.object({ phrase: z.string().min(2), kind: z.string().min(1) })).min(1),
  feelingSafe: z.object({ questions: z.array(z.string()), score: z.number().int().min(1).max(5), about: z.string() }),
});
export type WorryList = z.infer<typeof listSchema>;

/** How far before a phrase a negation still negates it, in words. */
const NEGATION_REACH = 3;

export class WorryPhrases {
  private readonly phrases: { words: string[]; kind: string; phrase: string }[];
  private readonly negations: string[][];

  constructor(readonly list: WorryList) {
    const seen = new Set<string>();
    this.phrases = [];
    for (const p of list.phrases) {
      const w = words(p.phrase);
      if (w.length === 0 || seen.has(w.join(' '))) continue;
      seen.add(w.join(' '));
      this.phrases.push({ words: w, kind: p.kind, phrase: w.join(' ') });
    }
    this.negations = list.negations.map(words).filter((w) => w.length > 0);
  }

  /** The phrases found in `text` that are not negated, in order of appearance. */
  find(text: string): { phrase: string; kind: string }[] {
    const tokens = words(text);
    const found: { phrase: string; kind: string; at: number }[] = [];
    for (const p of this.phrases)
      for (let i = 0; i + p.words.length <= tokens.length; i++) {
        if (!p.words.every((w, k) => tokens[i + k] === w)) continue;
        if (this.isNegation(p.words, 0) || !this.negatedBefore(tokens, i)) {
          found.push({ phrase: p.phrase, kind: p.kind, at: i });
          break;
        }
      }
    return found.sort((a, b) => a.at - b.at).map(({ phrase, kind }) => ({ phrase, kind }));
  }

  /** A "strongly disagree" (or whatever score the list names) on a question about feeling safe. */
  isUnsafeScore(questionId: string, score: number | undefined): boolean {
    return score === this.list.feelingSafe.score && this.list.feelingSafe.questions.includes(questionId);
  }

  private negatedBefore(tokens: string[], at: number): boolean {
    for (let start = Math.max(0, at - NEGATION_REACH); start < at; start++)
      if (this.negations.some((n) => n.every((w, k) => tokens[start + k] === w) && start + n.length <= at)) return true;
    return false;
  }

  private isNegation(phrase: string[], at: number): boolean {
    return this.negations.some((n) => n.every((w, k) => phrase[at + k] === w));
  }
}

export function loadWorryPhrases(file = fromRoot('seeds', 'worry-phrases.json')): WorryPhrases {
  return new WorryPhrases(readJsonFile(file, listSchema));
}
