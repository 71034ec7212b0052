import { distance } from 'fastest-levenshtein';
import { COMMON_WORDS } from './wordLists.js';

/**
 * Typo tolerance for single words. Short words and abbreviations must match exactly: one edit turns
 * "pc" into "pa" or "asd" into "and", and at that length a slip is as likely to be a different word.
 * Longer words allow one edit (4–6 letters) or two (7+), counting a swap of neighbours ("scroes") as one.
 */
export function maxEdits(vocabWord: string): number {
  if (vocabWord.length <= 3) return 0;
  return vocabWord.length <= 6 ? 1 : 2;
}

/**
 * The cost of reading `token` as `vocabWord`: 0 for an exact match (or a plain plural), the number of
 * edits when within tolerance, undefined when they are different words.
 */
export function matchCost(token: string, vocabWord: string, exactOnly: boolean): number | undefined {
  if (token === vocabWord) return 0;
  if (isPlural(token, vocabWord)) return 0;
  if (exactOnly || COMMON_WORDS.has(token) || !/^[a-z]+$/.test(token)) return undefined;
  const allowed = maxEdits(vocabWord);
  if (allowed === 0 || token.length <= 3) return undefined;
  if (Math.abs(token.length - vocabWord.length) > allowed) return undefined;
  const d = distance(token, vocabWord);
  if (d <= allowed) return d;
  if (d === 2 && isOneSwap(token, vocabWord)) return 1;
  return undefined;
}

/** Shortest cut-down word read as the start of a longer one ("neuro", "autis"). */
export const MIN_PREFIX = 4;

/** "neuro" for "neurodevelopmental": people shorten long names; costs one edit, so a full word wins. */
export function prefixCost(token: string, vocabWord: string): number | undefined {
  if (token.length < MIN_PREFIX || token.length >= vocabWord.length || COMMON_WORDS.has(token)) return undefined;
  return vocabWord.startsWith(token) ? 1 : undefined;
}

/** "scores" for "score", "outcomes" for "outcome", "waits" for "wait": the same word to us. */
function isPlural(token: string, vocabWord: string): boolean {
  if (token.length !== vocabWord.length + 1 && token.length !== vocabWord.length + 2) return false;
  if (!token.startsWith(vocabWord)) return false;
  const tail = token.slice(vocabWord.length);
  return tail === 's' || (tail === 'es' && /(s|x|ch|sh)$/.test(vocabWord));
}

/** Two neighbouring letters typed the wrong way round, the commonest slip on a keyboard. */
function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let first = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (first === -1) first = i;
    else return i === first + 1 && a[first] === b[i] && a[i] === b[first] && a.slice(i + 1) === b.slice(i + 1);
  }
  return false;
}
