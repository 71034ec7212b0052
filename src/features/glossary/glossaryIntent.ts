import { z } from 'zod';
import { intentRoute, type CapabilityIntent } from '../../routing/route.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entry, exactEntries, intent, type Entry } from '../../understanding/lexicon.js';
import { GLOSSARY } from './domain/glossary.js';
import { presentMeanings } from './glossaryPresenter.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "what does EHCP mean?", "what is PfA short for?": a SEND word explained in plain English. */
    glossary: { words: string[] };
  }
}

const IDS = GLOSSARY.map((g) => g.id) as [string, ...string[]];

/**
 * Asking what something means names the question: "stands for" (4), "meaning" and the like (3); "mean"
 * (2) is also an average ("mean wait for SALT") and "explain" a request about figures ("explain the drop
 * in safe"); "what does" adds a hint. On equal evidence a figures question wins: the glossary ranks after.
 */
const VOCABULARY: Entry[] = [
  ...exactEntries('mean | means | explain', intent('glossary', 2)),
  ...exactEntries(
    'meaning | meaning of | define | definition | meant by | jargon | acronym | abbreviation',
    intent('glossary', 3),
  ),
  // Never said of a figure: "what is PfA short for" is about the word, though PfA names an outcome.
  ...exactEntries('stand for | stands for | short for | define | definition | definition of', intent('glossary', 4)),
  ...exactEntries('what does | what do', intent('glossary', 1)),
];

/**
 * The words asked about are found in the message's own tokens, not as vocabulary: as vocabulary they would
 * take "occupational therapy" from the waiting-list reader, which names a service it holds no figures for.
 */
const PHRASES = GLOSSARY.flatMap((g) => g.words.split('|').map((w) => ({ id: g.id, words: entry(w.trim()).words })))
  // Longest first, and each word used once: "SEN support" is not also "SEN".
  .sort((a, b) => b.words.length - a.words.length);

function wordsAsked(tokens: readonly string[]): string[] {
  const found: { id: string; at: number }[] = [];
  const used = new Set<number>();
  const same = (token: string | undefined, word: string) => token === word || token === `${word}s`;
  for (const p of PHRASES)
    for (let at = 0; at + p.words.length <= tokens.length; at++) {
      const span = p.words.map((_, k) => at + k);
      if (span.some((i) => used.has(i)) || !p.words.every((w, k) => same(tokens[at + k], w))) continue;
      span.forEach((i) => used.add(i));
      found.push({ id: p.id, at });
    }
  // In the order they were asked.
  return [...new Set(found.sort((a, b) => a.at - b.at).map((f) => f.id))];
}

/**
 * "what is SEN support?", "what's an EHCNA": the whole message is "what is" and one of the words, nothing
 * else, so it can only be asking what the word means ("what is the SALT wait" has more in it). A polite or
 * apologetic lead-in and a filler after it change nothing ("sorry, new in post - what's an EHCNA actually").
 */
const LEAD_IN = new Set(
  'sorry new in post here i im am quick question q hi hello hiya please can could you tell me just so ok okay um and but silly basic'.split(
    ' ',
  ),
);
const AFTER = new Set('actually exactly again please then anyway though sorry'.split(' '));

function asksWhatIs(tokens: readonly string[] | undefined): boolean {
  const words = (tokens ?? []).filter((t) => /[a-z0-9]/.test(t));
  const at = words.findIndex((w, i) => w === 'what' && (words[i + 1] === 'is' || words[i + 1] === 'are'));
  if (at < 0 || !words.slice(0, at).every((w) => LEAD_IN.has(w))) return false;
  const start = at + 2;
  let end = words.length;
  while (end > start && AFTER.has(words[end - 1] ?? '')) end--;
  const rest = words.slice(start + (['a', 'an', 'the'].includes(words[start] ?? '') ? 1 : 0), end);
  return (
    rest.length > 0 &&
    PHRASES.some((p) => p.words.length === rest.length && p.words.every((w, k) => w === rest[k] || `${w}s` === rest[k]))
  );
}

export const glossaryIntent = {
  reader: intentReader({
    intent: 'glossary',
    before: 'help',
    vocabulary: VOCABULARY,
    evidence: (e) => (asksWhatIs(e.tokens) ? 6 : 0),
    build: ({ analysis }) => ({ intent: 'glossary', words: wordsAsked(analysis.tokens) }),
    command: (u) => `what does ${GLOSSARY.find((g) => g.id === u.words[0])?.term ?? 'EHCP'} mean`,
  }),
  route: () =>
    intentRoute({
      intent: 'glossary',
      // Families meet these words in the survey: anyone may ask; nothing here is a figure.
      requires: 'anyone',
      refusal: '',
      input: z.object({ intent: z.literal('glossary'), words: z.array(z.enum(IDS)).max(GLOSSARY.length) }),
      handle: async (turn, { words }) => {
        await turn.send({ text: presentMeanings(words) });
      },
    }),
} satisfies CapabilityIntent<'glossary', object>;
