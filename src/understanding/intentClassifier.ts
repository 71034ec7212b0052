import { tagged, type Analysis } from './analysis.js';
import type { IntentName } from './lexicon.js';

/** Evidence from slots, which counts towards intents as cue words do. */
export type SlotEvidence = {
  /** 0–3: how clearly an outcome was named (3 for its name, 2 for one of its topics, 1 for a hint). */
  outcomeStrength: number;
  hasRoles: boolean;
  hasTerms: boolean;
  hasReviewRef: boolean;
};

export type RankedIntent = { intent: IntentName; score: number };

/** An intent needs at least this much evidence; one strong cue ("scores") or two hints suffice. */
export const THRESHOLD = 2;

/**
 * On equal evidence the more specific intent wins: an admin or invite command names itself, a
 * waiting-time question names a service, and help is what is left when nothing else fits.
 */
const PRIORITY: readonly IntentName[] = [
  'eraseReview',
  'whoViewed',
  'reviewAnswers',
  'youSaidWeDid',
  'themes',
  'unansweredQuestions',
  'myInvitations',
  'invite',
  'digest',
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
export function rankIntents(a: Analysis, e: SlotEvidence): RankedIntent[] {
  const score = new Map<IntentName, number>(PRIORITY.map((i) => [i, 0]));
  const add = (i: IntentName, w: number): void => {
    score.set(i, (score.get(i) ?? 0) + w);
  };
  for (const { tag } of tagged(a, 'intent')) add(tag.intent, tag.weight);
  add('scores', e.outcomeStrength + (e.hasRoles ? 1 : 0) + (e.hasTerms ? 0.5 : 0));
  add('responseRate', e.hasTerms ? 0.5 : 0);
  // A review reference is what an invitation (or an erasure) is for.
  if (e.hasReviewRef) {
    add('invite', 2 + (e.hasRoles ? 1 : 0));
    if ((score.get('eraseReview') ?? 0) > 0) add('eraseReview', 1);
  }
  return PRIORITY.map((intent) => ({ intent, score: score.get(intent) ?? 0 })).sort(
    (x, y) => y.score - x.score || PRIORITY.indexOf(x.intent) - PRIORITY.indexOf(y.intent),
  );
}

/** Whether the message itself asked for an intent, rather than it being inferred from slots alone. */
export function cued(a: Analysis, intent: IntentName): boolean {
  return tagged(a, 'intent').some((t) => t.tag.intent === intent && t.tag.weight >= 2);
}
