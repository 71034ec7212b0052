import { NOT_HELD_TOPICS } from './domain/notHeldTopics.js';

/** What the bot does hold, so the person knows what to ask instead. */
const WHAT_IS_HELD =
  'What I do hold: the survey\'s outcome scores and response rates, what families are saying, waiting times for services, and the framework measures. Type "help" for examples.';

/** Says by name that no figures are held for the subject, where such figures come from, and what is held. */
export function presentNotHeld(topicIds: readonly string[]): string {
  const topics = NOT_HELD_TOPICS.filter((t) => topicIds.includes(t.id));
  if (topics.length === 0) return `I don't hold figures on that. ${WHAT_IS_HELD}`;
  const names = topics.map((t) => t.name).join(', or on ');
  const sources = topics.map((t) => t.source).join(' ');
  return `I don't hold figures on ${names}, so I can't give you a figure for ${topics.length > 1 ? 'them' : 'it'}. ${sources} ${WHAT_IS_HELD}`;
}
