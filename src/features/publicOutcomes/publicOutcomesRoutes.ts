import { z } from 'zod';
import { renderCard } from '../../cards/renderCard.js';
import { OUTCOME_IDS, type OutcomeId } from '../../domain/survey/questionBank.js';
import type { Turn } from '../../ports/turn.js';
import { cardRoute, intentRoute } from '../../routing/route.js';
import type { PublicSubject } from './domain/publicMark.js';
import { markedText, publicFiguresCard } from './publicOutcomesPresenter.js';
import type { PublicOutcomesService } from './publicOutcomesService.js';

const MANAGERS_ONLY =
  'Sorry, only managers choose what the public page shows. An administrator can give you the manager role.';

export type PublicDeps = { publicOutcomes: PublicOutcomesService; publicBaseUrl: string };

/** What was asked in words: see the choices, or publish / withdraw the measures and outcomes named. */
export type PublicAsk =
  { action: 'list'; note?: string } | { action: 'publish' | 'withdraw'; measures: string[]; outcomes: OutcomeId[] };

const who = (turn: Turn) => turn.userId ?? 'unknown';
const pageUrl = (d: PublicDeps) => `${d.publicBaseUrl}/outcomes`;

async function cardReply(d: PublicDeps, text: string, notice = '') {
  return {
    text,
    card: renderCard('publicFigures', publicFiguresCard(await d.publicOutcomes.status(), pageUrl(d), notice)),
  };
}

export const publicFiguresRoute = (d: PublicDeps) =>
  intentRoute({
    intent: 'publicFigures',
    requires: 'manageReporting',
    refusal: MANAGERS_ONLY,
    input: z.object({
      intent: z.literal('publicFigures'),
      ask: z.union([
        z.object({ action: z.literal('list'), note: z.string().optional() }),
        z.object({
          action: z.enum(['publish', 'withdraw']),
          measures: z.array(z.string()),
          outcomes: z.array(z.enum(OUTCOME_IDS)),
        }),
      ]),
    }),
    handle: async (turn, { ask }: { ask: PublicAsk }) => {
      if (ask.action === 'list') {
        await turn.send(await cardReply(d, ask.note ?? 'Choose what the public /outcomes page shows.'));
        return;
      }
      const subjects: PublicSubject[] = [
        ...ask.outcomes.map((o) => `outcome:${o}` as const),
        ...ask.measures.map((m) => `measure:${m}` as const),
      ];
      const isPublic = ask.action === 'publish';
      await d.publicOutcomes.mark(subjects, isPublic, who(turn));
      const status = await d.publicOutcomes.status();
      const names = [
        ...status.outcomes.filter((o) => ask.outcomes.includes(o.outcome)).map((o) => `${o.name} scores`),
        ...status.measures.filter((m) => ask.measures.includes(m.measure.id)).map((m) => m.measure.name),
      ];
      await turn.send({ text: markedText(names, isPublic, pageUrl(d)) });
    },
  });

/** "Save" on the card: each toggle is a subject; only changes are recorded (who and when). */
export const publicFiguresSaveRoute = (d: PublicDeps) =>
  cardRoute({
    verb: 'public.save',
    requires: 'manageReporting',
    refusal: MANAGERS_ONLY,
    unreadable: 'That card is damaged. Type "public figures" for a fresh one.',
    input: z.record(z.string().max(60), z.unknown()),
    handle: async (turn, form) => {
      const wanted = new Map<PublicSubject, boolean>();
      for (const [key, value] of Object.entries(form)) {
        const m = /^(o|m)_([a-z][a-z0-9_]{1,39})$/.exec(key);
        if (!m || (value !== 'true' && value !== 'false')) continue;
        wanted.set(`${m[1] === 'o' ? 'outcome' : 'measure'}:${m[2]}`, value === 'true');
      }
      const changed = await d.publicOutcomes.setAll(wanted, who(turn));
      return {
        replaceWith: await cardReply(
          d,
          changed ? `Saved: ${changed} change${changed === 1 ? '' : 's'} to the public page.` : 'Nothing changed.',
        ),
      };
    },
  });
