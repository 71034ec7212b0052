import { matchCost, MIN_PREFIX, prefixCost } from './fuzzy.js';
import type { Entry, Tag } from './lexicon.js';

/** A recognised phrase: tokens [start, end) and what they say. */
export type Match = { start: number; end: number; tags: Tag[]; cost: number };

export type CompiledLexicon = {
  byFirstWord: Map<string, Entry[]>;
  /** First words by length, so a typo is compared only with words of about its length. */
  firstWordsByLength: Map<number, string[]>;
  /** Words of entries that may be typed cut short. */
  prefixWords: string[];
  /** token → first words it may be a typo of; tokens repeat across messages, so this pays off. */
  fuzzyCache: Map<string, string[]>;
};

const FUZZY_CACHE_LIMIT = 20_000;

export function compileLexicon(all: readonly Entry[]): CompiledLexicon {
  const byFirstWord = new Map<string, Entry[]>();
  for (const e of all) {
    const first = e.words[0];
    if (first === undefined) continue;
    const list = byFirstWord.get(first) ?? [];
    list.push(e);
    byFirstWord.set(first, list);
  }
  const firstWordsByLength = new Map<number, string[]>();
  for (const w of byFirstWord.keys())
    firstWordsByLength.set(w.length, [...(firstWordsByLength.get(w.length) ?? []), w]);
  const prefixWords = [...new Set(all.filter((e) => e.prefixOk).map((e) => e.words[0] ?? ''))];
  return { byFirstWord, firstWordsByLength, prefixWords, fuzzyCache: new Map() };
}

/**
 * Finds the phrases of the lexicon in the tokens, then keeps a non-overlapping set: longer phrases
 * first ("parent carers" over "carers", "kept safe" over "safe", "get help" over "help"), then the
 * closer spelling, so an exact "process" beats a fuzzy "progress".
 */
export function findMatches(tokens: readonly string[], lex: CompiledLexicon): Match[] {
  const spans = new Map<string, Match>();
  tokens.forEach((token, start) => {
    for (const first of candidateFirstWords(token, lex)) {
      for (const e of lex.byFirstWord.get(first) ?? []) {
        const cost = phraseCost(tokens, start, e);
        if (cost !== undefined) addSpan(spans, { start, end: start + e.words.length, tags: e.tags, cost });
      }
    }
  });
  const ranked = [...spans.values()].sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.cost - b.cost || a.start - b.start,
  );
  const taken = new Array<boolean>(tokens.length).fill(false);
  const kept: Match[] = [];
  for (const m of ranked) {
    if (taken.slice(m.start, m.end).some(Boolean)) continue;
    taken.fill(true, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function candidateFirstWords(token: string, lex: CompiledLexicon): string[] {
  const cached = lex.fuzzyCache.get(token);
  if (cached) return cached;
  const found = new Set<string>();
  for (const stem of [token, token.replace(/e?s$/, ''), token.replace(/s$/, '')])
    if (lex.byFirstWord.has(stem)) found.add(stem);
  if (token.length >= 4) {
    for (let len = token.length - 2; len <= token.length + 2; len++) {
      for (const w of lex.firstWordsByLength.get(len) ?? []) if (matchCost(token, w, false) !== undefined) found.add(w);
    }
  }
  if (token.length >= MIN_PREFIX) for (const w of lex.prefixWords) if (prefixCost(token, w) !== undefined) found.add(w);
  const result = [...found];
  if (lex.fuzzyCache.size >= FUZZY_CACHE_LIMIT) lex.fuzzyCache.clear();
  lex.fuzzyCache.set(token, result);
  return result;
}

function phraseCost(tokens: readonly string[], start: number, e: Entry): number | undefined {
  if (start + e.words.length > tokens.length) return undefined;
  let total = 0;
  for (let k = 0; k < e.words.length; k++) {
    const token = tokens[start + k] ?? '';
    const word = e.words[k] ?? '';
    const c = matchCost(token, word, e.exactOnly[k] ?? true) ?? (e.prefixOk ? prefixCost(token, word) : undefined);
    if (c === undefined) return undefined;
    total += c;
  }
  return total;
}

/** Several entries can match the same words ("send" is a verb and SEND): keep all their tags, once. */
function addSpan(spans: Map<string, Match>, m: Match): void {
  const key = `${m.start}:${m.end}`;
  const existing = spans.get(key);
  if (!existing || m.cost < existing.cost) {
    spans.set(key, { ...m, tags: [...m.tags] });
    return;
  }
  if (m.cost > existing.cost) return;
  const seen = new Set(existing.tags.map((t) => JSON.stringify(t)));
  for (const t of m.tags) if (!seen.has(JSON.stringify(t))) existing.tags.push(t);
}
