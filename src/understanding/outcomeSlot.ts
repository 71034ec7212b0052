import { tagged, type Analysis } from './analysis.js';
import type { OutcomeLevel } from './lexicon.js';
import { OUTCOMES, type OutcomeId } from './types.js';

export type OutcomeReading =
  | { kind: 'none' }
  /** byTopic: found only through the topic of some of its questions ("being listened to"), not its name. */
  | { kind: 'one'; outcome: OutcomeId; byTopic: boolean; strength: number }
  | { kind: 'several'; outcomes: OutcomeId[]; strength: number };

const LEVEL_WEIGHT: Record<OutcomeLevel, number> = { name: 3, aspect: 2, weak: 1 };
/** Below this an outcome is only hinted at ("help" may mean Support, or nothing). */
const STRONG = 2;

/**
 * Which outcome the message is about. Evidence for each outcome is added up; one clear leader wins.
 * Two outcomes that are both clearly named and neither has twice the other's evidence ("safe and
 * healthy") are reported as several, so the caller can ask back instead of guessing.
 */
export function readOutcome(a: Analysis): OutcomeReading {
  const score = new Map<OutcomeId, number>();
  const named = new Set<OutcomeId>();
  const topics = new Set<OutcomeId>();
  for (const { tag } of tagged(a, 'outcome')) {
    score.set(tag.outcome, (score.get(tag.outcome) ?? 0) + LEVEL_WEIGHT[tag.level]);
    if (tag.level === 'name') named.add(tag.outcome);
    if (tag.level === 'aspect') topics.add(tag.outcome);
  }
  // Ties are broken by the framework's order so the result never depends on the phrasing's order.
  const ranked = OUTCOMES.filter((o) => score.has(o)).sort((x, y) => (score.get(y) ?? 0) - (score.get(x) ?? 0));
  const top = ranked[0];
  if (top === undefined) return { kind: 'none' };
  const topScore = score.get(top) ?? 0;
  const strong = ranked.filter((o) => (score.get(o) ?? 0) >= STRONG);
  const second = score.get(ranked[1] ?? top) ?? 0;
  const strength = Math.min(topScore, 3);
  if (strong.length >= 2 && topScore < 2 * second) return { kind: 'several', outcomes: strong, strength };
  if (strong.length === 0 && ranked.length > 1 && second === topScore) return { kind: 'none' };
  return { kind: 'one', outcome: top, byTopic: topics.has(top) && !named.has(top), strength };
}
