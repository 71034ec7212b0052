import type { IntentName, OutcomeId, Rank, RespondentRole, Season } from './types.js';

/**
 * Intents scored by the classifier: any understanding's name (a capability's own reader scores under its
 * intent's name), and 'outOfScope', which competes so that "tell me a joke" loses to nothing.
 */
export type ScoredIntent = IntentName | 'outOfScope';

/** How directly a phrase names an outcome: its name, one of its questions, or a faint hint. */
export type OutcomeLevel = 'name' | 'aspect' | 'weak';

/** What a recognised phrase tells us. One phrase may say several things ("vs last term"). */
export type Tag =
  | { kind: 'intent'; intent: ScoredIntent; weight: number }
  | { kind: 'outcome'; outcome: OutcomeId; level: OutcomeLevel }
  | { kind: 'role'; role: RespondentRole }
  | { kind: 'term'; term: 'current' | 'previous' | 'yearAgo' }
  /** "two years ago", "the year before last": the same term or period that many years before (2 or more). */
  | { kind: 'term'; term: 'yearsAgo'; years: number }
  | { kind: 'season'; season: Season }
  /** A month named ("since September"): waiting lists are compared with how they stood then. */
  | { kind: 'month'; month: number }
  /** explicit: "compare", "vs" (needs terms); implicit: "trend", "changed" (means against last term). */
  | { kind: 'compare'; explicit: boolean }
  | { kind: 'rank'; rank: Rank }
  | { kind: 'perQuestion' }
  | { kind: 'allServices' }
  /** A framework measure's subject ("attendance", "tribunals"): makes each of `ids` a candidate. */
  | { kind: 'measureTopic'; ids: string[]; broadFor?: string[] }
  /** A word that tells candidate measures apart ("EHCP", "SEN support", "on time"). */
  | { kind: 'measureQualifier'; ids: string[] }
  /** "measures", "KPIs": the framework's measures as a whole. */
  | { kind: 'allMeasures' }
  /** "off target", "missing targets". */
  | { kind: 'offTarget' }
  /** A published comparator named ("national", "statistical neighbours", "the region"). */
  | { kind: 'comparator'; id: 'england' | 'region' | 'statistical_neighbours' }
  /** "overall", "the whole picture": an outcome's survey scores and its measures together. */
  | { kind: 'overall' }
  /** A word after or before which a thing waited for is named ("wait for X", "X waiting list"). */
  | { kind: 'waitAnchor' }
  | { kind: 'service'; id: string }
  /** A word several services share ("assessment"): a hint, never enough to choose one. */
  | { kind: 'serviceGeneric'; ids: string[] }
  /** A word of the SEND world: an unrecognised message using it is unclear, not out of scope. */
  | { kind: 'domain' }
  /** A period that is not a term ("last year"): figures are termly, so which term is asked. */
  | { kind: 'vagueTime' }
  /** A subject a capability reads for itself (its reader's vocabulary tags its phrases with its own ids). */
  | { kind: 'topic'; intent: IntentName; id: string }
  /** Absorbs phrases that would otherwise be misread ("last year" is not "last term"). */
  | { kind: 'ignore' };

export type Entry = {
  words: string[];
  /** Per word: abbreviations and short words match only exactly. */
  exactOnly: boolean[];
  tags: Tag[];
  /** A one-word entry that may be typed cut short ("neuro" for "neurodevelopmental"). */
  prefixOk?: boolean;
};

/**
 * Builds a vocabulary entry from a phrase as a person would write it. A word written with two or more
 * capitals ("SLT", "PfA", "SaLT") is an abbreviation and must be typed exactly; so must words of up to
 * three letters. This keeps the vocabulary readable and the rule in one place.
 */
export function entry(phrase: string, ...tags: Tag[]): Entry {
  const raw = phrase
    .split(/[\s\-/]+/)
    .map((w) => w.replace(/[^A-Za-z0-9]/g, ''))
    .filter(Boolean);
  return {
    words: raw.map((w) => w.toLowerCase()),
    exactOnly: raw.map((w) => w.length <= 3 || (w.match(/[A-Z]/g)?.length ?? 0) >= 2),
    tags,
  };
}

/** Several phrases that say the same thing. */
export function entries(phrases: string, ...tags: Tag[]): Entry[] {
  return phrases.split('|').map((p) => entry(p.trim(), ...tags));
}

/** Phrases matched only as typed, with no spelling slack: short words that look like common others ("sept", "best"). */
export function exactEntries(phrases: string, ...tags: Tag[]): Entry[] {
  return entries(phrases, ...tags).map((e) => ({ ...e, exactOnly: e.words.map(() => true) }));
}

export const intent = (name: ScoredIntent, weight: number): Tag => ({ kind: 'intent', intent: name, weight });
