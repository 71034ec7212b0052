import type { Analysis } from './analysis.js';
import { COMMON_WORDS, STOPWORDS } from './wordLists.js';

// The shape of a pseudonymous review reference (AR-1042, ehc2024031); see domain/invitations/reviewRef.
const REF_SHAPE = /^[a-z]{1,5}-?\d{2,10}$/;
const LETTERS = /^[a-z]{1,5}$/;
const DIGITS = /^\d{2,10}$/;
const REF_KEYWORDS: ReadonlySet<string> = new Set(['review', 'reviews', 'ref', 'reference', 'case']);
/** Words after which "review <word>" is a command's reference. */
const COMMAND_BEFORE_REF: ReadonlySet<string> = new Set(['invite', 'erase', 'delete', 'remove', 'for', 'of', 'on']);

/**
 * The review reference in a message, upper-cased. Reads, in order: a token shaped like one ("AR-1042");
 * one split by a space ("AR 1042", joined with a hyphen as references are written); or whatever word
 * follows "review" ("invite review smith parent"), kept as typed so the invite handler can explain
 * that a name is not a reference, rather than the bot silently ignoring it.
 */
export function readReviewRef(a: Analysis): string | undefined {
  const { tokens } = a;
  const shaped = tokens.find((t) => REF_SHAPE.test(t));
  if (shaped) return shaped.toUpperCase();
  for (let i = 0; i + 1 < tokens.length; i++) {
    const letters = tokens[i] ?? '';
    if (LETTERS.test(letters) && DIGITS.test(tokens[i + 1] ?? '') && isFree(a, i, letters))
      return `${letters}-${tokens[i + 1]}`.toUpperCase();
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!REF_KEYWORDS.has(tokens[i] ?? '')) continue;
    const next = tokens[i + 1] ?? '';
    if (!/^[a-z0-9-]{2,20}$/.test(next)) continue;
    if (/\d/.test(next)) return next.toUpperCase();
    // A word without digits is a would-be reference only where a command puts one ("invite review smith parent",
    // "answers for review smith"), not in a phrase: "the annual review meeting", "review minutes", "case officer".
    if (isFree(a, i + 1, next) && (i === 0 || COMMAND_BEFORE_REF.has(tokens[i - 1] ?? ''))) return next.toUpperCase();
  }
  return undefined;
}

/** A word the vocabulary did not claim and that is not ordinary English: it may be a reference. */
function isFree(a: Analysis, index: number, word: string): boolean {
  return a.matchAt[index] === undefined && !STOPWORDS.has(word) && !COMMON_WORDS.has(word);
}
