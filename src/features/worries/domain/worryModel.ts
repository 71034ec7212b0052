import type { Token } from './worryText.js';

/**
 * The last net under the rules: how much a text reads like the worrying examples families' words were
 * measured on (seeds/worry-examples/), rather than the harmless ones that share their words. A naive Bayes
 * score over the words' lemmas and each pair of neighbouring lemmas ("not_eat", "his_belt"), as log odds:
 * above the list's threshold, a person reads it. It only ever adds alerts, never cancels one, and says which
 * words weighed most, so a practitioner sees why. The examples are data the safeguarding lead can read and add
 * to; every example added makes the next start's model better.
 */
export type Example = { tokens: Token[]; worrying: boolean };

/** Words too common to tell anything alone (they still count inside pairs: "not_eat"). */
const COMMON = new Set(
  'the a an and or but so to of in on at for with is are was were be been it this that i he she they we you my his her their our me him them us do does did have has had'.split(
    ' ',
  ),
);

/** Words that weigh in the score but explain nothing when shown. */
const PLAIN = new Set(
  'not no will would can could say tell if what who when how there here just one every day'.split(' '),
);

export function features(tokens: Token[]): string[] {
  const lemmas = tokens.filter((t) => !t.punctuation && t.lemma !== '').map((t) => t.lemma);
  const out = new Set<string>();
  for (let i = 0; i < lemmas.length; i++) {
    if (!COMMON.has(lemmas[i])) out.add(lemmas[i]);
    if (i + 1 < lemmas.length) out.add(`${lemmas[i]}_${lemmas[i + 1]}`);
  }
  return [...out];
}

export class WorryModel {
  private constructor(
    private readonly counts: [Map<string, number>, Map<string, number>],
    private readonly totals: [number, number],
    private readonly texts: [number, number],
    private readonly vocabulary: number,
  ) {}

  static train(examples: Example[]): WorryModel {
    const counts: [Map<string, number>, Map<string, number>] = [new Map(), new Map()];
    const totals: [number, number] = [0, 0];
    const texts: [number, number] = [0, 0];
    for (const e of examples) {
      const k = e.worrying ? 1 : 0;
      texts[k]++;
      for (const f of features(e.tokens)) {
        counts[k].set(f, (counts[k].get(f) ?? 0) + 1);
        totals[k]++;
      }
    }
    if (texts[0] === 0 || texts[1] === 0) throw new Error('the worry examples need both worrying and harmless texts');
    return new WorryModel(counts, totals, texts, new Set([...counts[0].keys(), ...counts[1].keys()]).size);
  }

  /** Log odds that the text is a worrying one, and the three words that weighed most towards it. */
  score(tokens: Token[]): { score: number; because: string[] } {
    let score = Math.log(this.texts[1] / this.texts[0]);
    const weights: [string, number][] = [];
    for (const f of features(tokens)) {
      const worrying = this.counts[1].get(f) ?? 0;
      const harmless = this.counts[0].get(f) ?? 0;
      // A word neither kind of example ever used says nothing either way.
      if (worrying + harmless === 0) continue;
      const w =
        Math.log((worrying + 1) / (this.totals[1] + this.vocabulary)) -
        Math.log((harmless + 1) / (this.totals[0] + this.vocabulary));
      score += w;
      weights.push([f, w]);
    }
    weights.sort((a, b) => b[1] - a[1]);
    return {
      score,
      because: weights
        // Shown to a practitioner: words that mean something, not "and say" or "he will".
        .filter(([f, w]) => w > 0 && f.split('_').some((part) => !COMMON.has(part) && !PLAIN.has(part)))
        .slice(0, 3)
        .map(([f]) => f.replace(/_/g, ' ')),
    };
  }
}
