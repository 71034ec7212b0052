import { tagged, type Analysis } from './analysis.js';
import type { AnyIntentReader, SlotEvidence } from './intentReader.js';

export type { SlotEvidence };
import type { ScoredIntent } from './lexicon.js';

export type RankedIntent = { intent: ScoredIntent; score: number };

/** An intent needs at least this much evidence; one strong cue ("scores") or two hints suffice. */
export const THRESHOLD = 2;

/**
 * On equal evidence the more specific intent wins: an admin or invite command names itself, a
 * waiting-time question names a service, and help is what is left when nothing else fits.
 */
const PRIORITY: readonly ScoredIntent[] = [
  // Capabilities' own intents (admin, reviews, invitations, digests …) are placed by their readers, before these.
  'responseRate',
  'measure',
  'waits',
  'scores',
  'help',
  'outOfScope',
];

/**
 * Scores every intent from its cue phrases and the slots found, best first. Additive evidence makes
 * the result independent of word order and tolerant of extra words: "hi, could you tell me the SALT
 * waiting list please" scores the same for waits as "SALT waiting list".
 */
export function rankIntents(a: Analysis, e: SlotEvidence, readers: readonly AnyIntentReader[] = []): RankedIntent[] {
  const priority = priorityWith(readers);
  const score = new Map<ScoredIntent, number>(priority.map((i) => [i, 0]));
  const add = (i: ScoredIntent, w: number): void => {
    score.set(i, (score.get(i) ?? 0) + w);
  };
  for (const { tag } of tagged(a, 'intent')) add(tag.intent, tag.weight);
  add('scores', Math.max(e.outcomeStrength, e.questionStrength ?? 0) + (e.hasRoles ? 1 : 0) + (e.hasTerms ? 0.5 : 0));
  add('responseRate', e.hasTerms ? 0.5 : 0);
  for (const r of readers) if (r.evidence) add(r.intent, r.evidence(e, score.get(r.intent) ?? 0));
  return priority
    .map((intent) => ({ intent, score: score.get(intent) ?? 0 }))
    .sort((x, y) => y.score - x.score || priority.indexOf(x.intent) - priority.indexOf(y.intent));
}

// The readers are the same list on every message: their place in the order is worked out once.
const priorities = new WeakMap<readonly AnyIntentReader[], readonly ScoredIntent[]>();

/** The built-in order with each capability's intent placed just before the one it names (or before help). */
function priorityWith(readers: readonly AnyIntentReader[]): readonly ScoredIntent[] {
  if (readers.length === 0) return PRIORITY;
  const known = priorities.get(readers);
  if (known) return known;
  const order: ScoredIntent[] = [...PRIORITY];
  for (const r of readers) {
    if (order.includes(r.intent)) throw new Error(`the intent "${r.intent}" is declared twice`);
    const at = order.indexOf(r.before ?? 'help');
    order.splice(at < 0 ? order.indexOf('help') : at, 0, r.intent);
  }
  priorities.set(readers, order);
  return order;
}

/** Whether the message itself asked for an intent, rather than it being inferred from slots alone. */
export function cued(a: Analysis, intent: ScoredIntent): boolean {
  return tagged(a, 'intent').some((t) => t.tag.intent === intent && t.tag.weight >= 2);
}
