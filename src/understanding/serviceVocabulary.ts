import { entry, intent, type Entry } from './lexicon.js';
import type { ServiceVocab } from './types.js';
import { STOPWORDS } from './wordLists.js';

/**
 * Words in service names that say what kind of service it is, not which one: "wait for an assessment"
 * could be autism, ADHD or an EHC needs assessment, so such a word alone never picks a service. Nor do
 * the words of a long formal name that mean much else alone ("children in care", "education").
 */
const GENERIC_SERVICE_WORDS: ReadonlySet<string> = new Set(
  'assessment assessments therapy therapies pathway pathways service services team teams clinic clinics referral referrals need needs plan plans diagnosis education care attention deficit disorder spectrum condition and the of for a an with in to'.split(
    ' ',
  ),
);

/** A service's phrases as typed by people: its id, name, short name and aliases. */
function phrasesOf(s: ServiceVocab): string[] {
  const clean = (p: string): string =>
    p
      .replace(/&/g, ' and ')
      .replace(/[^\p{L}\p{N}\s\-/]/gu, ' ')
      .trim();
  // The id is matched exactly (written in capitals), like any abbreviation.
  return [s.id.toUpperCase(), s.name, s.shortName ?? '', ...s.aliases].map(clean).filter(Boolean);
}

/**
 * Vocabulary entries for the services the bot has figures for. Whole names and aliases match as
 * phrases; a single word matches on its own only if it belongs to one service and is not generic
 * ("speech", "autism", "neurodevelopmental"), so "therapy" alone never means speech therapy.
 * Words the fixed vocabulary already uses ("children", "support") are left to it.
 */
export function serviceEntries(
  services: readonly ServiceVocab[],
  reservedWords: ReadonlySet<string>,
  domainWords: ReadonlySet<string>,
): Entry[] {
  const result: Entry[] = [];
  const owners = new Map<string, Set<string>>();
  const exactWords = new Set<string>();
  for (const s of services) {
    for (const phrase of phrasesOf(s)) {
      const service = { kind: 'service' as const, id: s.id };
      // A whole name is good evidence of a waiting-time question; a SEND word used as one ("EHCP") is not:
      // its single-word entry below carries the hint, so "children with an EHCP" is not read as waits.
      const sendWord = !/\s/.test(phrase) && domainWords.has(phrase.toLowerCase());
      const e = sendWord ? entry(phrase, service) : entry(phrase, service, intent('waits', 2));
      result.push(e);
      e.words.forEach((w, i) => {
        owners.set(w, (owners.get(w) ?? new Set<string>()).add(s.id));
        if (e.exactOnly[i]) exactWords.add(w);
      });
    }
  }
  for (const [word, ids] of owners) {
    // Function words ("and", "needs") and words the fixed vocabulary owns never stand for a service alone.
    if (reservedWords.has(word) || STOPWORDS.has(word) || word.length < 2) continue;
    const exact = exactWords.has(word) ? word.toUpperCase() : word;
    if (ids.size === 1 && !GENERIC_SERVICE_WORDS.has(word)) {
      // A word that also names something else in the SEND world ("EHCP" is the plan, not only its
      // assessment) hints at the service without being enough on its own to ask about waits.
      const weight = domainWords.has(word) ? 1 : 2;
      result.push({
        ...entry(exact, { kind: 'service', id: [...ids][0] ?? '' }, intent('waits', weight)),
        prefixOk: exact === word && word.length >= 6,
      });
    } else {
      result.push(entry(exact, { kind: 'serviceGeneric', ids: [...ids].sort() }, intent('waits', 1)));
    }
  }
  return result;
}

/** Identifies a catalogue by content, so a fresh array with the same services reuses the compiled lexicon. */
export function servicesSignature(services: readonly ServiceVocab[]): string {
  return JSON.stringify(services.map((s) => [s.id, s.name, s.shortName ?? '', s.aliases]));
}
