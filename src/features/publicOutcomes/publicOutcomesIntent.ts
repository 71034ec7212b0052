import type { CapabilityIntent } from '../../routing/route.js';
import { tagged } from '../../understanding/analysis.js';
import { intentReader } from '../../understanding/intentReader.js';
import { entries, exactEntries, intent, type Entry } from '../../understanding/lexicon.js';
import { readMeasure } from '../../understanding/measureSlot.js';
import { OUTCOME_IDS } from '../../domain/survey/questionBank.js';
import { publicFiguresRoute, type PublicAsk, type PublicDeps } from './publicOutcomesRoutes.js';

declare module '../../understanding/types.js' {
  interface IntentShapes {
    /** "public figures", "publish attendance", "take complaints off the public page" (managers). */
    publicFigures: { ask: PublicAsk };
  }
}

const signal = (id: 'publish' | 'withdraw' | 'allScores') => ({ kind: 'topic', intent: 'publicFigures', id }) as const;

const VOCABULARY: Entry[] = [
  ...entries(
    'public page | public figures | published figures | what is public | local offer page | outcomes page | public outcomes | ' +
      'what is published | what have we published | what we publish | is published | are published | on the local offer | for the local offer',
    intent('publicFigures', 6),
  ),
  // "publish" only as typed: one letter from "Polish" ("translate this into Polish" is not a publishing request).
  ...exactEntries('publish', signal('publish'), intent('publicFigures', 4)),
  ...entries(
    'make public | put on the public page | show publicly | show on the local offer',
    signal('publish'),
    intent('publicFigures', 4),
  ),
  ...entries(
    'unpublish | off the public page | remove from the public page | from the public page | no longer public | make private | stop publishing',
    signal('withdraw'),
    intent('publicFigures', 4),
  ),
  // Alone, "take off" and "withdraw" are SEND words too ("taken off roll", "withdrawn from school to be home
  // educated"): they say which action only beside the public page.
  ...entries('take off | withdraw', signal('withdraw'), intent('publicFigures', 2)),
  ...entries('outcome scores | all outcome scores | the outcome scores | survey scores', signal('allScores')),
];

export const publicFiguresIntent = {
  reader: intentReader({
    intent: 'publicFigures',
    before: 'measure',
    vocabulary: VOCABULARY,
    // "can you publish the safe scores": publishing names the command and what follows is its object, so
    // the outcome and "scores" it names must not turn it into a scores question (as an erasure or an
    // invitation names itself). Only a cue of 4 or more (publish, withdraw, the public page) takes over.
    evidence: (_e, scored) => (scored >= 4 ? 6 : 0),
    build: ({ analysis, outcome }) => {
      const said = new Set(
        tagged(analysis, 'topic')
          .filter((t) => t.tag.intent === 'publicFigures')
          .map((t) => t.tag.id),
      );
      const action = said.has('withdraw') ? 'withdraw' : said.has('publish') ? 'publish' : undefined;
      if (!action) return { intent: 'publicFigures', ask: { action: 'list' } };
      const measure = readMeasure(analysis);
      const outcomes =
        outcome.kind === 'one' && !outcome.byTopic
          ? [outcome.outcome]
          : said.has('allScores') && outcome.kind === 'none'
            ? [...OUTCOME_IDS]
            : [];
      const measures = measure.kind === 'one' ? [measure.id] : [];
      if (measure.kind === 'ambiguous')
        return {
          intent: 'publicFigures',
          ask: { action: 'list', note: 'That could be more than one measure: choose it here.' },
        };
      if (!measures.length && !outcomes.length)
        return {
          intent: 'publicFigures',
          ask: { action: 'list', note: 'I could not tell which figure you meant: choose here.' },
        };
      return { intent: 'publicFigures', ask: { action, measures, outcomes } };
    },
    command: (u) =>
      u.ask.action === 'list'
        ? 'public figures'
        : `${u.ask.action} ${[...u.ask.outcomes, ...u.ask.measures].join(', ')}`,
  }),
  route: (d: PublicDeps) => publicFiguresRoute(d),
} satisfies CapabilityIntent<'publicFigures', PublicDeps>;
