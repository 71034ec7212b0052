import type winkNLP from 'wink-nlp';
import type { ItemToken } from 'wink-nlp';

/**
 * A family's words as tokens the worry rules can read: each with its surface form and its lemma (wink-nlp's
 * English model, shipped in npm: "cutting" → cut, "took" → take, "bullied" → bully), so one rule covers every
 * tense and person. Spellings families use ("kms", "dont", "my self") are written out first from the reviewed
 * list, so the model sees ordinary English.
 */
export type Token = {
  /** Lower-case surface form, apostrophes dropped. */
  word: string;
  lemma: string;
  /** Part of speech from the model (PRON, VERB, NOUN, PUNCT …). */
  pos: string;
  /** A full stop, question mark, exclamation mark, semicolon or line break: a rule never reaches across it. */
  sentenceEnd: boolean;
  /** Any other punctuation (comma, dash, colon, bracket): ends a clause. */
  punctuation: boolean;
};

/**
 * wink-nlp with its English model, handed in by the edge (src/seeds/englishModel.ts): loading the model reads
 * files, and is done once, on first use, not at start-up.
 */
export type English = ReturnType<typeof winkNLP>;

const SENTENCE_END = /^[.!?;…]+$/;

/** Replaces whole words and phrases (case-insensitively) by their written-out form. Longest first. */
export function respell(text: string, spellings: Record<string, string>): string {
  const out = ` ${text
    .normalize('NFKC')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/[’‘`´]/g, "'")
    .replace(/\r?\n+/g, ' . ')
    // A full stop after a word ends a sentence here: the model reads "no." as an abbreviation (number).
    .replace(/(\p{L})([.!?]+)(?=\s|$)/gu, '$1 $2')
    // "£50" is money in words, not a symbol the rules cannot name.
    .replace(/£\s*(\d[\d,.]*)/g, '$1 pounds')} `;
  const { pattern, written } = compiledSpellings(spellings);
  return out.replace(pattern, (found) => written.get(found.toLowerCase()) ?? found).trim();
}

/** One pattern for the whole list (longest first, whole words), made once per list: most texts are short. */
const compiled = new WeakMap<Record<string, string>, { pattern: RegExp; written: Map<string, string> }>();
function compiledSpellings(spellings: Record<string, string>): { pattern: RegExp; written: Map<string, string> } {
  let c = compiled.get(spellings);
  if (!c) {
    const keys = Object.keys(spellings).sort((a, b) => b.length - a.length);
    c = {
      pattern: new RegExp(`(?<=[^\\p{L}\\p{N}'])(?:${keys.map(escapeRegExp).join('|')})(?=[^\\p{L}\\p{N}'])`, 'giu'),
      written: new Map(keys.map((k) => [k.toLowerCase(), spellings[k]])),
    };
    compiled.set(spellings, c);
  }
  return c;
}

export function tokenize(text: string, spellings: Record<string, string>, nlp: English): Token[] {
  const its = nlp.its;
  // wink-nlp's types declare `its.lemma` with a signature `out` does not accept; at run time it is an `its` helper like the rest.
  const lemma = its.lemma as unknown as typeof its.value;
  const doc = nlp.readDoc(respell(text, spellings));
  const tokens: Token[] = [];
  doc.tokens().each((t: ItemToken) => {
    const value = String(t.out(its.value)).toLowerCase();
    const type = String(t.out(its.type));
    const pos = String(t.out(its.pos));
    const punct = type === 'punctuation' || pos === 'PUNCT' || pos === 'SYM';
    tokens.push({
      word: value.replace(/'/g, ''),
      lemma: String(t.out(lemma)).toLowerCase().replace(/'/g, ''),
      pos,
      sentenceEnd: punct && SENTENCE_END.test(value),
      punctuation: punct,
    });
  });
  return tokens.filter((t) => t.word !== '' || t.punctuation);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
