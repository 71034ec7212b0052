import type { Slots } from './builders.js';
import type { Entry, ScoredIntent } from './lexicon.js';
import type { IntentName, Understanding, UnderstandingOf } from './types.js';

/** Evidence from slots, which counts towards intents as cue words do. */
export type SlotEvidence = {
  /** 0–3: how clearly an outcome was named (3 for its name, 2 for one of its topics, 1 for a hint). */
  outcomeStrength: number;
  hasRoles: boolean;
  hasTerms: boolean;
  hasReviewRef: boolean;
  /** 3 when a survey question was named by its words. */
  questionStrength?: number;
  /** The message's words, normalised (for a reader whose evidence is the message's whole shape). */
  tokens?: readonly string[];
};

/**
 * How a capability's own intent is read from a message, declared in the capability's folder: its cue
 * phrases (entries tagged `intent(<name>, weight)`; 4 names it outright, 2 is good evidence), what it
 * builds from the slots read, and how it is written back as a command a person could type. The language
 * core scores it beside the built-in intents; nothing in the core names it.
 */
export type IntentReader<N extends IntentName = IntentName> = {
  intent: N;
  vocabulary: readonly Entry[];
  /** On equal evidence it ranks just before this intent (by default, before "help"). */
  before?: ScoredIntent;
  /**
   * Evidence from the slots, added to what its cue phrases scored (`scored`: its score so far): a review
   * reference is what an invitation is for.
   */
  evidence?(e: SlotEvidence, scored: number): number;
  /** What the message means, from the slots read; a reader may ask back (`clarify`) where it cannot tell. */
  build(slots: Slots): UnderstandingOf<N> | Extract<Understanding, { intent: 'clarify' }>;
  command(u: UnderstandingOf<N>): string;
};

/** The readers as the core holds them: one list, so a reader's types need not be repeated. */
export type AnyIntentReader = { [N in IntentName]: IntentReader<N> }[IntentName];

/** Declares a reader with its understanding's type tied to its name. */
export function intentReader<N extends IntentName>(reader: IntentReader<N>): IntentReader<N> {
  return reader;
}
