import type { Token } from './worryText.js';

/**
 * The small rule language of the reviewed worry list (seeds/worry-phrases.json), so a safeguarding lead can
 * read and change a rule without a developer. A rule is words separated by spaces; each is matched against a
 * token's word as written or its lemma (so "hurt" also finds "hurts", "hurting"):
 *   hurt|harm     either word;  all_over  the words "all over" (as one of the alternatives)
 *   @self         any word of a class the list defines (myself, himself, herself …); @noun any noun
 *   @poss?  word? optional: the rule matches with or without it
 *   !at|in        one word that is none of these
 *   *             any one word
 *   ..            up to 3 words in between;  ...  up to 8
 *   $             the end of a clause (punctuation, "and", "but" …, or the end of the text)
 * No rule reaches across the end of a sentence.
 */
type Step =
  | {
      kind: 'word';
      words: Set<string>;
      phrases: string[][];
      classes: string[];
      orEnd: boolean;
      optional: boolean;
      not: boolean;
    }
  | { kind: 'any' }
  | { kind: 'gap'; max: number }
  | { kind: 'end' };

/**
 * `first`: the words a match must start with, when the first step is a plain list of words (most rules): a
 * text with none of them is skipped without trying the rule at every position.
 */
export type Rule = { source: string; steps: Step[]; first?: Set<string> };

export type Classes = Record<string, Set<string>>;

export function compileRule(source: string, classes: Classes): Rule {
  const steps: Step[] = source
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((part): Step => {
      if (part === '..') return { kind: 'gap', max: 3 };
      if (part === '...') return { kind: 'gap', max: 8 };
      if (part === '*') return { kind: 'any' };
      if (part === '$') return { kind: 'end' };
      const optional = part.endsWith('?');
      const not = part.startsWith('!');
      const body = part.slice(not ? 1 : 0, optional ? -1 : undefined);
      const words = new Set<string>();
      const named: string[] = [];
      const phrases: string[][] = [];
      let orEnd = false;
      for (const alternative of body.split('|')) {
        if (alternative === '$') orEnd = true;
        else if (alternative.startsWith('@')) {
          const name = alternative.slice(1);
          if (!classes[name] && name !== 'noun') throw new Error(`rule "${source}": no class "@${name}" in the list`);
          named.push(name);
        } else if (/^[\p{L}\p{N}-]+(?:_[\p{L}\p{N}-]+)+$/u.test(alternative) && !not)
          phrases.push(alternative.split('_'));
        else if (/^[\p{L}\p{N}-]+$/u.test(alternative)) words.add(alternative.replace(/'/g, ''));
        else throw new Error(`rule "${source}": "${part}" is not a word, a class or one of * .. ... $`);
      }
      return { kind: 'word', words, phrases, classes: named, orEnd, optional, not };
    });
  if (steps.length === 0 || steps[0].kind === 'gap' || steps.at(-1)?.kind === 'gap')
    throw new Error(`rule "${source}": must start and end with a word`);
  const head = steps[0];
  const plain = head.kind === 'word' && !head.optional && !head.not && !head.orEnd && head.classes.length === 0;
  return {
    source,
    steps,
    ...(plain ? { first: new Set([...head.words, ...head.phrases.map((p) => p[0])]) } : {}),
  };
}

/** Where a rule matches: the token range [start, end). */
export type Match = { start: number; end: number };

/** Every word and lemma of a text, for skipping rules that cannot start anywhere in it. */
export function wordsPresent(tokens: Token[]): Set<string> {
  const present = new Set<string>();
  for (const t of tokens) {
    present.add(t.word);
    present.add(t.lemma);
  }
  return present;
}

export class RuleMatcher {
  constructor(
    private readonly classes: Classes,
    /** Words that end a clause as punctuation does ("and", "but", "because" …). */
    private readonly clauseBreaks: Set<string>,
  ) {}

  /** Every place the rule matches, skipping tokens already taken (masked) by a harmless idiom. */
  matches(rule: Rule, tokens: Token[], masked: boolean[], present?: Set<string>): Match[] {
    const out: Match[] = [];
    if (present && rule.first && ![...rule.first].some((w) => present.has(w))) return out;
    for (let start = 0; start < tokens.length; start++) {
      if (tokens[start].punctuation || masked[start]) continue;
      const end = this.at(rule.steps, 0, tokens, start, masked);
      if (end !== undefined) out.push({ start, end });
    }
    return out;
  }

  isClauseEnd(tokens: Token[], i: number): boolean {
    return i >= tokens.length || tokens[i].punctuation || this.clauseBreaks.has(tokens[i].word);
  }

  /** Matches steps[s…] from token i; returns the end index, or undefined. Backtracks over gaps and options. */
  private at(steps: Step[], s: number, tokens: Token[], i: number, masked: boolean[]): number | undefined {
    if (s === steps.length) return i;
    const step = steps[s];
    switch (step.kind) {
      case 'end':
        return this.isClauseEnd(tokens, i) ? this.at(steps, s + 1, tokens, i, masked) : undefined;
      case 'gap': {
        for (let skip = 0, j = i; skip <= step.max; skip++, j++) {
          if (skip > 0 && (j - 1 >= tokens.length || tokens[j - 1].sentenceEnd)) return undefined;
          const end = this.at(steps, s + 1, tokens, j, masked);
          if (end !== undefined) return end;
        }
        return undefined;
      }
      default: {
        const optional = step.kind === 'word' && step.optional;
        if (step.kind === 'word' && step.orEnd && this.isClauseEnd(tokens, i)) {
          const end = this.at(steps, s + 1, tokens, i, masked);
          if (end !== undefined) return end;
        }
        if (i < tokens.length && !tokens[i].punctuation && !masked[i] && this.fits(step, tokens, i)) {
          const end = this.at(steps, s + 1, tokens, i + 1, masked);
          if (end !== undefined) return end;
        }
        if (step.kind === 'word')
          for (const phrase of step.phrases)
            if (phrase.every((w, k) => this.free(tokens, i + k, masked) && wordIs(tokens[i + k], w))) {
              const end = this.at(steps, s + 1, tokens, i + phrase.length, masked);
              if (end !== undefined) return end;
            }
        return optional ? this.at(steps, s + 1, tokens, i, masked) : undefined;
      }
    }
  }

  private free(tokens: Token[], i: number, masked: boolean[]): boolean {
    return i < tokens.length && !tokens[i].punctuation && !masked[i];
  }

  private fits(step: Step, tokens: Token[], i: number): boolean {
    if (step.kind === 'any') return true;
    if (step.kind !== 'word') return false;
    const token = tokens[i];
    const hit =
      step.words.has(token.word) ||
      step.words.has(token.lemma) ||
      step.classes.some((name) => this.inClass(name, tokens, i));
    return step.not ? !hit : hit;
  }

  /**
   * "@noun" is any noun (the model's part of speech). "her" is a person only when no noun follows it: in
   * "bites her nails" it is the nails' owner, in "he hits her" the person hit.
   */
  private inClass(name: string, tokens: Token[], i: number): boolean {
    const token = tokens[i];
    if (name === 'noun') return NOUNS.has(token.pos);
    const set = this.classes[name];
    if (!set.has(token.word) && !set.has(token.lemma)) return false;
    return !(name === 'person' && token.word === 'her' && NOUNS.has(tokens[i + 1]?.pos ?? ''));
  }
}

const NOUNS = new Set(['NOUN', 'PROPN']);

function wordIs(token: Token, word: string): boolean {
  return token.word === word || token.lemma === word;
}
