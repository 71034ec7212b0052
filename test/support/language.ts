import { INTENT_READERS } from '../../src/routing/routes.js';
import { readMessage as readWith } from '../../src/understanding/readMessage.js';
import { understand as understandWith } from '../../src/understanding/understand.js';
import type { MeasureVocab, QuestionVocab, ServiceVocab, Understanding } from '../../src/understanding/types.js';
import { loadQuestionBank } from '../../src/seeds/loadSeeds.js';

/** The survey's questions as the bot passes them (the seeded bank). */
export const QUESTIONS: readonly QuestionVocab[] = loadQuestionBank().allScored();

/**
 * The understanding as the bot runs it: the language core with every capability's reader (the route
 * table's INTENT_READERS). Tests of what a message means use these, so an intent read by its capability's
 * folder is understood here as in the chat.
 */
export function understand(
  text: string,
  services: readonly ServiceVocab[],
  measures: readonly MeasureVocab[] = [],
  questions: readonly QuestionVocab[] = QUESTIONS,
): Understanding {
  return understandWith(text, services, measures, INTENT_READERS, questions);
}

export function readMessage(
  text: string,
  services: readonly ServiceVocab[],
  measures: readonly MeasureVocab[] = [],
  questions: readonly QuestionVocab[] = QUESTIONS,
): Understanding {
  return readWith(text, services, measures, INTENT_READERS, questions);
}
