import { tagged, type Analysis } from './analysis.js';
import { DETERMINERS, STOPWORDS, WAIT_OBJECT_PREPOSITIONS } from './wordLists.js';
import type { TermReading } from './termSlot.js';
import type { WaitsChangeRef } from './types.js';

export type WaitsReading =
  | { kind: 'service'; id: string }
  | { kind: 'all' }
  | { kind: 'unknown'; name: string }
  /** Only words several services share ("assessment"): which one is meant is unclear. */
  | { kind: 'generic'; ids: string[] };

const MAX_NAME_WORDS = 3;

/**
 * Which service a waiting-time question is about. Services come only from the catalogue. Two or more
 * named services, or none, get the overview of every service: it answers the question without
 * guessing. A thing waited for that is not in the catalogue ("wait for the dentist", "physio waiting
 * list") is reported by name so the answer can say there are no figures for it.
 */
export function readWaits(a: Analysis): WaitsReading {
  const ids = [...new Set(tagged(a, 'service').map((s) => s.tag.id))];
  if (ids.length === 1 && ids[0] !== undefined) return { kind: 'service', id: ids[0] };
  if (ids.length > 1 || tagged(a, 'allServices').length > 0) return { kind: 'all' };
  const name = unknownServiceName(a);
  if (name) return { kind: 'unknown', name };
  const generic = [...new Set(tagged(a, 'serviceGeneric').flatMap((g) => g.tag.ids))].sort();
  if (generic.length > 0) return { kind: 'generic', ids: generic };
  return { kind: 'all' };
}

/** Looks after "wait for", "waiting on" first, then before "waiting list", then right after "wait". */
function unknownServiceName(a: Analysis): string | undefined {
  const anchors = tagged(a, 'waitAnchor').map((w) => w.match);
  const candidates: (string | undefined)[] = [];
  for (const m of anchors) candidates.push(nameAfter(a, m.end, true));
  for (const m of anchors) candidates.push(nameBefore(a, m.start - 1));
  for (const m of anchors) candidates.push(nameAfter(a, m.end, false));
  return candidates.find((c) => c !== undefined);
}

const WHO_IS_WAITING = new Set(
  'under over aged age ages kids kid children child pupils pupil students young teenagers toddlers babies families our send sen'.split(
    ' ',
  ),
);

function nameAfter(a: Analysis, from: number, needPreposition: boolean): string | undefined {
  let i = from;
  if (needPreposition) {
    if (!WAIT_OBJECT_PREPOSITIONS.has(a.tokens[i] ?? '')) return undefined;
    i++;
  }
  while (DETERMINERS.has(a.tokens[i] ?? '')) i++;
  // "OT waits for under 5s", "waits for our kids": who is waiting, not what for (the name is before the anchor).
  if (needPreposition && WHO_IS_WAITING.has(a.tokens[i] ?? '')) return undefined;
  const words: number[] = [];
  for (; i < a.tokens.length && words.length < MAX_NAME_WORDS && canBeInName(a, i); i++) words.push(i);
  return nameOf(a, words);
}

function nameBefore(a: Analysis, from: number): string | undefined {
  const words: number[] = [];
  for (let i = from; i >= 0 && words.length < MAX_NAME_WORDS && canBeInName(a, i); i--) words.unshift(i);
  return nameOf(a, words);
}

/** A name needs at least one word of its own; "therapy" or "assessment" alone names no service. */
function nameOf(a: Analysis, indexes: number[]): string | undefined {
  if (!indexes.some((i) => a.matchAt[i] === undefined)) return undefined;
  return indexes.map((i) => a.tokens[i]).join(' ');
}

/** Words nobody else claimed, or shared service words ("occupational therapy"). */
function canBeInName(a: Analysis, i: number): boolean {
  const token = a.tokens[i] ?? '';
  if (!/^[a-z][a-z0-9]*$/.test(token) || STOPWORDS.has(token) || DETERMINERS.has(token)) return false;
  const m = a.matchAt[i];
  // A faint outcome hint ("hearing" near "heard") does not stop a name: "wait for a hearing test".
  return (
    m === undefined ||
    m.tags.some((t) => t.kind === 'serviceGeneric') ||
    m.tags.every((t) => t.kind === 'domain' || (t.kind === 'outcome' && t.level === 'weak'))
  );
}

/**
 * Whether a waiting-time question asks how the list has changed, and against when: a month ("since
 * September"), a term other than this one ("compared with last term", "SALT waits in the summer term": a
 * list is only known at its extracts, so a past term is answered as it stood at that term's end, beside
 * now), or no date with a word of change ("trend", "has it got worse"): every extract loaded.
 */
export function readWaitsChange(a: Analysis, terms: TermReading): WaitsChangeRef | undefined {
  const month = tagged(a, 'month')[0];
  if (month) return { kind: 'sinceMonth', month: month.tag.month };
  const past = terms.terms.find((t) => t.kind !== 'current');
  if (past) return { kind: 'sinceTerm', term: past };
  // "compare the SALT and ASD waits" puts services side by side now; "trend", "changed" ask about time.
  if (terms.compare === 'implicit') return { kind: 'trend' };
  return undefined;
}
