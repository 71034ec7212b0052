import type { Tag } from './lexicon.js';
import { findMatches, type CompiledLexicon, type Match } from './matcher.js';

/** The tokens of a message and the phrases recognised in them; what every slot reader works from. */
export type Analysis = {
  tokens: string[];
  matches: Match[];
  /** For each token, the phrase that covers it, if any. */
  matchAt: (Match | undefined)[];
};

export type Tagged<K extends Tag['kind']> = { tag: Extract<Tag, { kind: K }>; match: Match };

export function analyse(tokens: string[], lex: CompiledLexicon): Analysis {
  const matches = findMatches(tokens, lex);
  const matchAt = new Array<Match | undefined>(tokens.length).fill(undefined);
  for (const m of matches) matchAt.fill(m, m.start, m.end);
  return { tokens, matches, matchAt };
}

/** Every tag of one kind, in the order it appears in the message. */
export function tagged<K extends Tag['kind']>(a: Analysis, kind: K): Tagged<K>[] {
  const found: Tagged<K>[] = [];
  for (const match of a.matches) {
    for (const tag of match.tags) if (isKind(tag, kind)) found.push({ tag, match });
  }
  return found;
}

export function has(a: Analysis, kind: Tag['kind']): boolean {
  return a.matches.some((m) => m.tags.some((t) => t.kind === kind));
}

function isKind<K extends Tag['kind']>(tag: Tag, kind: K): tag is Extract<Tag, { kind: K }> {
  return tag.kind === kind;
}
