import { z } from 'zod';
import { validated } from '../../../domain/validated.js';
import { compileRule, RuleMatcher, wordsPresent, type Classes, type Match, type Rule } from './worryRules.js';
import { WorryModel } from './worryModel.js';
import { tokenize, type English, type Token } from './worryText.js';

/**
 * The reviewed list of what, in a family's words, means a person should read them today
 * (seeds/worry-phrases.json), and the one function that applies it. Rules are read on lemmas, so tense and
 * person do not matter ("he wants to hurt himself", "I hurt myself", "she has been hurting herself"); a
 * negation in the same clause just before a rule ("not scared", "never been hurt", "nobody hurts me")
 * cancels it, but a "No," that answers a question does not ("No, he hits me"), and a rule that is itself a
 * negation ("not safe", "no food") is never cancelled. Harmless idioms ("killed it", "dying to see") are
 * taken out before the rules are read. Where neither rules nor signs raise, the model reads what is left once harmless
 * idioms and the words of cancelled worries (negated, or said to be over) are taken out. Where the list cannot tell,
 * it raises: a missed worry costs more.
 */
const ruleList = z.array(z.string().min(1)).min(1);
const listSchema = z.object({
  version: z.literal(2),
  description: z.string(),
  review: z.object({ status: z.string(), by: z.string(), on: z.string(), note: z.string().optional() }),
  spellings: z.record(z.string().min(1), z.string()),
  classes: z.record(z.string().regex(/^[a-z]+$/), z.array(z.string().min(1)).min(1)),
  negations: z.array(z.string().min(1)).min(1),
  clauseBreaks: z.array(z.string().min(1)),
  resolutions: z.object({ before: ruleList, after: ruleList, later: ruleList }),
  harmless: ruleList,
  worries: z
    .array(z.object({ kind: z.string().min(1), resolvable: z.boolean().default(false), rules: ruleList }))
    .min(1),
  signs: z.object({
    about: z.string(),
    groups: z
      .array(z.object({ name: z.string().min(1), onlyWith: z.array(z.string()).optional(), rules: ruleList }))
      .min(2),
    context: ruleList,
  }),
  model: z.object({ about: z.string(), threshold: z.number() }),
  feelingSafe: z.object({ questions: z.array(z.string()), score: z.number().int().min(1).max(5), about: z.string() }),
});
export type WorryList = z.infer<typeof listSchema>;

/** How far before a rule a negation still negates it, in words (within one clause). */
const NEGATION_REACH = 5;

type Worry = { kind: string; resolvable: boolean; rule: Rule; negative: boolean };

export class WorryPhrases {
  private readonly matcher: RuleMatcher;
  private readonly worries: Worry[];
  private readonly harmless: Rule[];
  private readonly resolvedBefore: Rule[];
  private readonly resolvedAfter: Rule[];
  private readonly resolvedLater: Rule[];
  private readonly negations: Set<string>;
  private readonly signs: { name: string; onlyWith?: string[]; rules: Rule[] }[];
  private readonly context: Rule[];
  private readonly pronouns: Set<string>;

  /** Trained on first use (about a second for a thousand examples), once per process. */
  private model: WorryModel | undefined;

  constructor(
    readonly list: WorryList,
    /** The English model the rules read lemmas with: asked for on the first text, not before (start-up time). */
    private readonly english: () => English,
    /** The labelled examples the last net learns from; none, and only the rules and signs are read. */
    private readonly examples: () => { text: string; worrying: boolean }[] = () => [],
  ) {
    const classes: Classes = Object.fromEntries(
      Object.entries(list.classes).map(([name, members]) => [name, new Set(members.map((m) => m.toLowerCase()))]),
    );
    this.matcher = new RuleMatcher(classes, new Set(list.clauseBreaks));
    this.negations = new Set(list.negations);
    this.pronouns = new Set([...(classes.person ?? []), ...(classes.poss ?? []), ...(classes.pron ?? [])]);
    const compile = (source: string) => compileRule(source, classes);
    this.harmless = list.harmless.map(compile);
    this.resolvedBefore = list.resolutions.before.map(compile);
    this.resolvedAfter = list.resolutions.after.map(compile);
    this.resolvedLater = list.resolutions.later.map(compile);
    this.signs = list.signs.groups.map((g) => ({ name: g.name, onlyWith: g.onlyWith, rules: g.rules.map(compile) }));
    this.context = list.signs.context.map(compile);
    this.worries = list.worries.flatMap((w) =>
      w.rules.map((source) => {
        const rule = compile(source);
        const first = rule.steps[0];
        const negative = first.kind === 'word' && [...first.words].some((x) => this.negations.has(x));
        return { kind: w.kind, resolvable: w.resolvable, rule, negative };
      }),
    );
  }

  /** The worries found in `text` that are not negated, in order of appearance, one per kind. */
  find(text: string): { phrase: string; kind: string }[] {
    const tokens = tokenize(text, this.list.spellings, this.english());
    const present = wordsPresent(tokens);
    const masked = tokens.map(() => false);
    for (const rule of this.harmless)
      for (const m of this.matcher.matches(rule, tokens, masked, present))
        for (let i = m.start; i < m.end; i++) masked[i] = true;
    const found: { phrase: string; kind: string; at: number }[] = [];
    // The words of a worry the text cancels ("no one has ever hurt me"): the model does not weigh them.
    const cancelled = tokens.map(() => false);
    const cancel = (m: Match) => {
      for (let i = m.start; i < m.end; i++) cancelled[i] = true;
    };
    for (const w of this.worries) {
      if (found.some((f) => f.kind === w.kind)) continue;
      for (const m of this.matcher.matches(w.rule, tokens, masked, present)) {
        if (!w.negative && this.negated(tokens, m)) {
          cancel(m);
          continue;
        }
        if (w.resolvable && this.resolved(tokens, m)) {
          cancel(m);
          continue;
        }
        found.push({ phrase: spanText(tokens, m), kind: w.kind, at: m.start });
        break;
      }
    }
    if (found.length === 0) {
      const signs = this.signsIn(tokens, masked, present);
      if (signs.length >= 2) found.push({ phrase: signs.slice(0, 3).join(' … '), kind: 'signs', at: 0 });
    }
    if (found.length === 0) {
      // The model reads what is left once harmless idioms and cancelled worries are taken out.
      const like = this.likeExamples(tokens.filter((_, i) => !masked[i] && !cancelled[i]));
      if (like) found.push({ phrase: like, kind: 'likeExamples', at: 0 });
    }
    return found.sort((a, b) => a.at - b.at).map(({ phrase, kind }) => ({ phrase, kind }));
  }

  /**
   * Where no rule matches: the signs of harm the text shows, at most one per group (an injury, a secret, fear,
   * an adult …), leaving out any in a sentence that gives an ordinary reason (football, the dentist, a game).
   * Two groups together are raised: the rules cannot tell, and a missed worry costs more than a false one.
   */
  private signsIn(tokens: Token[], masked: boolean[], present: Set<string>): string[] {
    const ordinary = tokens.map(() => false);
    // Read on every word, idioms included: "a surprise party" is an ordinary reason even though it was taken out.
    const none = tokens.map(() => false);
    for (const rule of this.context)
      for (const m of this.matcher.matches(rule, tokens, none, present)) {
        let from = m.start;
        while (from > 0 && !tokens[from - 1].sentenceEnd) from--;
        let to = m.end;
        while (to < tokens.length && !tokens[to].sentenceEnd) to++;
        for (let i = from; i < to; i++) ordinary[i] = true;
      }
    const seen = new Map<string, string>();
    for (const group of this.signs) {
      const sign = group.rules
        .flatMap((rule) => this.matcher.matches(rule, tokens, masked, present))
        .find((m) => !ordinary[m.start] && !this.negated(tokens, m));
      if (sign) seen.set(group.name, spanText(tokens, sign));
    }
    // A group such as "family" (every parent mentions one) counts only beside a sign it makes worse.
    return this.signs
      .filter((g) => seen.has(g.name) && (!g.onlyWith || g.onlyWith.some((other) => seen.has(other))))
      .map((g) => seen.get(g.name)!);
  }

  /** Where neither rules nor signs raise: the words that make the text read like the worrying examples. */
  private likeExamples(tokens: Token[]): string | undefined {
    if (!this.model) {
      const examples = this.examples();
      if (examples.length === 0) return undefined;
      this.model = WorryModel.train(
        examples.map((e) => ({ tokens: tokenize(e.text, this.list.spellings, this.english()), worrying: e.worrying })),
      );
    }
    const { score, because } = this.model.score(tokens);
    return score > this.list.model.threshold ? `reads like the worrying examples: ${because.join(', ')}` : undefined;
  }

  /** A "strongly disagree" (or whatever score the list names) on a question about feeling safe. */
  isUnsafeScore(questionId: string, score: number | undefined): boolean {
    return score === this.list.feelingSafe.score && this.list.feelingSafe.questions.includes(questionId);
  }

  /**
   * A negation in the same clause, a few words before. "No" followed by a comma, or by a person ("No he hits
   * me"), answers a question rather than negating what follows.
   */
  private negated(tokens: Token[], m: Match): boolean {
    for (let j = m.start - 1, seen = 0; j >= 0 && seen < NEGATION_REACH; j--, seen++) {
      if (this.matcher.isClauseEnd(tokens, j)) return false;
      const t = tokens[j];
      if (!this.negations.has(t.word) && !this.negations.has(t.lemma)) continue;
      if (t.word === 'no') {
        const next = tokens[j + 1];
        if (!next || next.punctuation || this.pronouns.has(next.word)) continue;
      }
      return true;
    }
    return false;
  }

  /**
   * A worry (of a kind the list marks resolvable: bullying, fear) that its own clause or the rest of its
   * sentence says is over ("the bullying stopped", "used to be scared", "bullied in year 3 but it was sorted").
   */
  private resolved(tokens: Token[], m: Match): boolean {
    let from = m.start;
    while (from > 0 && !this.matcher.isClauseEnd(tokens, from - 1)) from--;
    let to = m.end;
    while (to < tokens.length && !this.matcher.isClauseEnd(tokens, to)) to++;
    // Later in the sentence, only a plain statement that it is over: "bullied in year 3, but that was sorted".
    let end = to;
    while (end < tokens.length && !tokens[end].sentenceEnd) end++;
    const some = (rules: Rule[], span: Token[]) =>
      rules.some((r) => this.matcher.matches(r, span, Array<boolean>(span.length).fill(false)).length > 0);
    return (
      some(this.resolvedBefore, tokens.slice(from, m.start)) ||
      some(this.resolvedAfter, tokens.slice(m.end, to)) ||
      some(this.resolvedLater, tokens.slice(to, end))
    );
  }
}

function spanText(tokens: Token[], m: Match): string {
  return tokens
    .slice(m.start, m.end)
    .map((t) => t.word)
    .join(' ');
}

const exampleSet = z.object({
  description: z.string(),
  worrying: z.array(z.object({ text: z.string().min(1), kind: z.string() })).min(1),
  harmless: z.array(z.object({ text: z.string().min(1), note: z.string() })).min(1),
});
export type WorryExampleSet = z.infer<typeof exampleSet>;

/** Checks a parsed worry-phrases.json (read at the edge by src/seeds); `source` names it in an error. */
export function worryListFrom(raw: unknown, source: string): WorryList {
  return validated(listSchema, raw, `${source}:`);
}

/** Checks one parsed labelled example set (seeds/worry-examples/<name>.json). */
export function worryExampleSetFrom(raw: unknown, source: string): WorryExampleSet {
  return validated(exampleSet, raw, `${source}:`);
}

/** Every example of the given sets, as the model learns them. */
export function examplesOf(sets: Iterable<WorryExampleSet>): { text: string; worrying: boolean }[] {
  return [...sets].flatMap((s) => [
    ...s.worrying.map((w) => ({ text: w.text, worrying: true })),
    ...s.harmless.map((h) => ({ text: h.text, worrying: false })),
  ]);
}
