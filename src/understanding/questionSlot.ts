import { matchCost } from './fuzzy.js';
import type { QuestionVocab, RespondentRole } from './types.js';
import { STOPWORDS } from './wordLists.js';

/**
 * Which survey question a message names by its own words ("'I feel safe online' scores", "how many parents
 * feel their child's achievements are celebrated"), read against the bank's wording, which is passed in as
 * data: a new edition of the framework needs no code change.
 *
 * A question is found when most of its distinctive words are in the message (weighted by how few questions
 * share them, spelling slack as elsewhere), or, when one role was named and the message is about what people
 * said or feel, by a word only one of that role's questions uses ("young people said they feel listened
 * to"). Two questions the words fit about equally well are both returned, to be asked back.
 */
export type QuestionReading =
  { kind: 'none' } | { kind: 'one'; question: QuestionVocab } | { kind: 'several'; questions: QuestionVocab[] };

// Words every question shares or that carry no subject.
const FILLER: ReadonlySet<string> = new Set([
  ...STOPWORDS,
  ...'am are is be being been my me i they their them it its our an or so as also make making made when well will'.split(
    ' ',
  ),
]);
// Outcome words ("do young people feel safe" asks about the outcome, not the one question that says "safe"
// alone) and who answered ("what do families say" is about every parent carers' question, not "our family").
const NOT_DISTINCTIVE: ReadonlySet<string> = new Set(
  'voice progress health healthy happy support safe future wellbeing help family families child children young people parent parents carer carers adult adults'
    .split(' ')
    .map(stem),
);
// What people said or feel: the words that make one distinctive word enough.
const ASKS_WHAT_WAS_SAID =
  /\b(?:feel|feels|felt|feeling|said|say|says|saying|agree|agreed|agrees|answer|answered|think|thinks|thought)\b/;

const FOUND = 0.65;
// Three of its words or more, in a sentence of someone's own: less of the rest need be said.
const FOUND_BY_THREE = 0.45;
const QUOTED_FOUND = 0.4;
const CLEAR_MARGIN = 0.1;

type Compiled = { questions: { q: QuestionVocab; stems: string[] }[]; weight: Map<string, number> };
const compiledBanks = new WeakMap<readonly QuestionVocab[], Compiled>();

function compile(questions: readonly QuestionVocab[]): Compiled {
  const known = compiledBanks.get(questions);
  if (known) return known;
  const list = questions.map((q) => ({ q, stems: [...new Set(words(q.text))] }));
  const df = new Map<string, number>();
  for (const { stems } of list) for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
  const weight = new Map([...df].map(([s, n]) => [s, Math.log(1 + list.length / n)]));
  const compiled = { questions: list, weight };
  compiledBanks.set(questions, compiled);
  return compiled;
}

/** The question named in `text`, among those of `roles` when one role was named. */
export function readQuestion(
  text: string,
  questions: readonly QuestionVocab[],
  roles: readonly RespondentRole[],
): QuestionReading {
  if (questions.length === 0) return { kind: 'none' };
  const bank = compile(questions);
  // The role said is a preference, not a filter: "my child can identify trusted adults" names a child but is
  // the parent carers' question.
  const pool = bank.questions;
  const quoted = quotedParts(text);
  const said = words(quoted.length ? quoted.join(' ') : text);
  const inBank = [...new Set(said)].filter(
    (s) => bank.weight.has(s) || [...bank.weight.keys()].some((w) => near(s, w)),
  );
  const w = (s: string) => bank.weight.get(s) ?? 0;
  const scored = pool.map(({ q, stems }) => {
    const hits = stems.filter((s) => said.some((m) => m === s || near(m, s)));
    // Words that only name the outcome or who answered ("health and wellbeing from the child questionnaire")
    // ask about the outcome, not about the one question that happens to use them too, unless the message is
    // that question's words whole ("I get help to be healthy and happy").
    const distinct = hits.filter((s) => !NOT_DISTINCTIVE.has(s)).length;
    const recall = sum(hits.map(w)) / (sum(stems.map(w)) || 1);
    const saidHits = inBank.filter((m) => stems.some((s) => m === s || near(m, s)));
    const precision = saidHits.length / (inBank.length || 1);
    const f = recall + precision ? (2 * recall * precision) / (recall + precision) : 0;
    return { q, hits: hits.length, distinct, recall, f };
  });
  const threshold = quoted.length ? QUOTED_FOUND : FOUND;
  const byFit = (a: (typeof scored)[number], b: (typeof scored)[number]) => b.f - a.f || b.recall - a.recall;
  const enough = (x: (typeof scored)[number]) =>
    quoted.length
      ? x.recall >= threshold
      : (x.distinct >= 1 || x.f === 1) &&
        ((x.hits >= 2 && x.recall >= threshold) || (x.hits >= 3 && x.recall >= FOUND_BY_THREE));
  const found = scored.filter(enough).sort(byFit);
  // Words in quotation marks are meant as a question's: when none fits well, the nearest are offered.
  if (found.length === 0 && quoted.join(' ').trim().split(/\s+/).length >= 4)
    return several(
      scored
        .filter((x) => x.hits > 0)
        .sort(byFit)
        .slice(0, 3)
        .map((x) => x.q),
    );
  if (found.length === 0) return byDistinctiveWord(text, said, pool, roles);
  const top = found[0]!;
  // Its every word said and nothing else of the bank's: the question quoted whole.
  const whole = found.filter((x) => x.f === 1);
  if (whole.length === 1) return { kind: 'one', question: whole[0]!.q };
  const close = found.filter((x) => top.f - x.f < CLEAR_MARGIN).slice(0, 3);
  const ofRole = close.filter((x) => roles.length === 1 && x.q.role === roles[0]);
  if (ofRole.length === 1) return { kind: 'one', question: ofRole[0]!.q };
  return several(close.map((x) => x.q));
}

function several(questions: QuestionVocab[]): QuestionReading {
  if (questions.length === 0) return { kind: 'none' };
  return questions.length === 1 ? { kind: 'one', question: questions[0]! } : { kind: 'several', questions };
}

function byDistinctiveWord(
  text: string,
  said: readonly string[],
  all: Compiled['questions'],
  roles: readonly RespondentRole[],
): QuestionReading {
  if (roles.length !== 1 || !ASKS_WHAT_WAS_SAID.test(text.toLowerCase())) return { kind: 'none' };
  const pool = all.filter(({ q }) => q.role === roles[0]);
  const uses = new Map<string, number>();
  for (const { stems } of pool) for (const s of stems) uses.set(s, (uses.get(s) ?? 0) + 1);
  const hits = pool.filter(({ stems }) =>
    stems.some((s) => uses.get(s) === 1 && s.length >= 5 && !NOT_DISTINCTIVE.has(s) && said.includes(s)),
  );
  return hits.length === 1 ? { kind: 'one', question: hits[0]!.q } : { kind: 'none' };
}

/** Text in quotation marks: the question's own words, as someone pasted them. */
function quotedParts(text: string): string[] {
  const parts: string[] = [];
  for (const m of text.matchAll(/["“”]([^"“”]{4,})["“”]|(?:^|\s)['‘]([^'‘’]{4,})['’](?=$|[\s?.!,:;])/g))
    parts.push(m[1] ?? m[2] ?? '');
  return parts.filter(Boolean);
}

/** The subject words of a text, each cut to its stem ("listened" → "listen", "achievements" → "achievement"). */
function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((t) => t.length > 1 && !FILLER.has(t))
    .map(stem)
    .filter((t) => t.length > 1 && !FILLER.has(t));
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ied')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A typo of a word of the bank ("identfy"), with the same slack as every other word read. */
function near(said: string, bankWord: string): boolean {
  // One slip only: two would make "progress" of "process".
  return said.length >= 5 && (matchCost(said, bankWord, false) ?? 2) <= 1;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
