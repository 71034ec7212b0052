import { INTENT_ENTRIES } from './intentVocabulary.js';
import { entries, type Entry } from './lexicon.js';
import { compileLexicon, type CompiledLexicon } from './matcher.js';
import { OUTCOME_ENTRIES } from './outcomeVocabulary.js';
import { ROLE_ENTRIES, TERM_ENTRIES } from './roleTermVocabulary.js';
import { serviceEntries, servicesSignature } from './serviceVocabulary.js';
import type { AnyIntentReader } from './intentReader.js';
import type { MeasureVocab, ServiceVocab } from './types.js';
import { MEASURE_ENTRIES, measureEntries, measuresSignature } from './measureVocabulary.js';

// Phrases that would otherwise be misread: "a question" is not a request for per-question figures.
// "happy with the support" is about support, not the Health outcome's "happy".
const ABSORBED: Entry[] = entries(
  'a question | quick question | one question | question for you | have a question | got a question | happy with | happy about | unhappy with | unhappy about',
  { kind: 'ignore' },
);

const STATIC_ENTRIES: readonly Entry[] = [
  ...OUTCOME_ENTRIES,
  ...ROLE_ENTRIES,
  ...TERM_ENTRIES,
  ...INTENT_ENTRIES,
  ...MEASURE_ENTRIES,
  ...ABSORBED,
];

/**
 * Single words the fixed vocabulary (and the capabilities' readers) give a meaning; a service alias cannot
 * take them over. Words that only mark the SEND world ("EHCP") are free for a service to claim.
 */
function reservedWords(entries: readonly Entry[]): ReadonlySet<string> {
  return new Set(
    entries.filter((e) => e.words.length === 1 && e.tags.some((t) => t.kind !== 'domain')).map((e) => e.words[0] ?? ''),
  );
}

/** Single words that only mark the SEND world. */
const DOMAIN_WORDS: ReadonlySet<string> = new Set(
  STATIC_ENTRIES.filter((e) => e.words.length === 1 && e.tags.every((t) => t.kind === 'domain')).map(
    (e) => e.words[0] ?? '',
  ),
);

// The catalogue rarely changes; compiling it once per distinct catalogue keeps each call fast.
const CACHE_LIMIT = 8;
const compiled = new Map<string, CompiledLexicon>();
/**
 * The last lexicon asked for with each list of readers. A message is read with the capabilities' readers
 * and a follow-up is read again without them: one slot for both would serialise the catalogues each time.
 */
const NO_READERS: readonly AnyIntentReader[] = [];
const lastFor = new WeakMap<
  readonly AnyIntentReader[],
  { services: readonly ServiceVocab[]; measures: readonly MeasureVocab[]; lex: CompiledLexicon }
>();
// Each list of readers gets an id, so the cache key tells two lists apart without serialising them.
const readerIds = new WeakMap<readonly AnyIntentReader[], number>();
let readerLists = 0;

/** The whole vocabulary, fixed and per-catalogue (services, framework measures), compiled for matching. */
export function lexiconFor(
  services: readonly ServiceVocab[],
  measures: readonly MeasureVocab[] = [],
  readers: readonly AnyIntentReader[] = NO_READERS,
): CompiledLexicon {
  // The bot passes the same catalogue arrays on every message: no need to serialise them each time.
  // Every empty list is the same list here (callers' defaults make a new one each call).
  if (readers.length === 0) readers = NO_READERS;
  const last = lastFor.get(readers);
  if (last && last.services === services && last.measures === measures) return last.lex;
  if (!readerIds.has(readers)) readerIds.set(readers, ++readerLists);
  const key = `${servicesSignature(services)}|${measuresSignature(measures)}|${readers.length ? readerIds.get(readers) : 0}`;
  const readerEntries = readers.flatMap((r) => r.vocabulary);
  const lex =
    compiled.get(key) ??
    compileLexicon([
      ...STATIC_ENTRIES,
      ...serviceEntries(services, reservedWords([...STATIC_ENTRIES, ...readerEntries]), DOMAIN_WORDS),
      ...measureEntries(measures),
      ...readerEntries,
    ]);
  if (!compiled.has(key)) {
    if (compiled.size >= CACHE_LIMIT) compiled.clear();
    compiled.set(key, lex);
  }
  lastFor.set(readers, { services, measures, lex });
  return lex;
}
