import { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import { intentRoute, type CapabilityIntent } from '../../routing/route.js';
import { tagged } from '../../understanding/analysis.js';
import { intentReader } from '../../understanding/intentReader.js';
import { exactEntries, intent, type Entry } from '../../understanding/lexicon.js';
import type { QuestionLog } from '../admin/adminStores.js';
import { logNotHeld } from './notHeldLog.js';
import { FIGURES_ARE_FOR_STAFF } from '../scores/scoresRoute.js';
import { NOT_HELD_TOPICS } from './domain/notHeldTopics.js';
import { presentNotHeld } from './notHeldPresenter.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "attainment results for SEN pupils", "how much do we spend on placements": a subject no figures are held for. */
    notHeld: { topics: string[] };
  }
}

const TOPIC_IDS = NOT_HELD_TOPICS.map((t) => t.id) as [string, ...string[]];

/**
 * Naming a subject outright is strong evidence (4): it outweighs the hints that would otherwise make
 * "attainment results" a scores question ("results") or "Ofsted ratings" a survey one ("ratings").
 * Matched as typed (plurals aside), never with spelling slack: "France" is not "finance", and a subject
 * misread as not held would wrongly tell someone the bot cannot answer.
 */
const VOCABULARY: Entry[] = NOT_HELD_TOPICS.flatMap((topic) => {
  const tags = [intent('notHeld', 4), { kind: 'topic', intent: 'notHeld', id: topic.id } as const];
  return exactEntries([topic.phrases, topic.exact].filter(Boolean).join(' | '), ...tags);
});

export const notHeldIntent = {
  reader: intentReader({
    intent: 'notHeld',
    vocabulary: VOCABULARY,
    // Before the figures: a subject we hold nothing for is never answered with another's figures.
    before: 'responseRate',
    // "case studies for the safe outcome": the outcome says which case studies, not that the survey's scores are
    // wanted; a subject held nowhere keeps the outcome's weight as well as its own.
    evidence: (e, scored) => (scored > 0 ? e.outcomeStrength : 0),
    build: ({ analysis }) => {
      const named = tagged(analysis, 'topic').filter((t) => t.tag.intent === 'notHeld');
      return { intent: 'notHeld', topics: [...new Set(named.map((t) => t.tag.id))] };
    },
    command: (u) => u.topics.map((id) => NOT_HELD_TOPICS.find((t) => t.id === id)?.name ?? id).join(' and '),
  }),
  route: (d: { questionLog: QuestionLog; clock: Clock }) =>
    intentRoute({
      intent: 'notHeld',
      requires: 'seeFigures',
      refusal: FIGURES_ARE_FOR_STAFF,
      input: z.object({ intent: z.literal('notHeld'), topics: z.array(z.enum(TOPIC_IDS)).max(NOT_HELD_TOPICS.length) }),
      handle: async (turn, { topics }) => {
        // Logged beside the questions not understood, so an administrator sees what people need that is missing.
        await logNotHeld(turn, d.questionLog, d.clock);
        await turn.send({ text: presentNotHeld(topics) });
      },
    }),
} satisfies CapabilityIntent<'notHeld', { questionLog: QuestionLog; clock: Clock }>;
