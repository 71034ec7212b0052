import { z } from 'zod';
import { renderCard } from '../../cards/renderCard.js';
import type { Clock } from '../../domain/clock.js';
import type { Turn } from '../../ports/turn.js';
import { cardRoute, intentRoute } from '../../routing/route.js';
import { exceptionFormCard, exceptionListCard } from './exceptionsPresenter.js';
import type { ExceptionsService } from './exceptionsService.js';

const MANAGERS_ONLY =
  'Sorry, only managers write the commentary on exceptions. An administrator can give you the manager role.';
const UNREADABLE = 'That card is damaged. Type "exceptions" for a fresh one.';

export type ExceptionDeps = { exceptions: ExceptionsService; clock: Clock };

async function listReply(d: ExceptionDeps, lead?: string) {
  const lines = await d.exceptions.due();
  const card = exceptionListCard(lines);
  return { text: lead ?? card.intro, card: renderCard('exceptionList', card) };
}

// Who wrote it is kept for the record (the Teams user id); it is never shown in chat or the board pack.
const by = (turn: Turn) => turn.userId ?? 'unknown';

/** "exceptions": the measures that need commentary, each with a button to write it. */
export const exceptionsRoute = (d: ExceptionDeps) =>
  intentRoute({
    intent: 'exceptions',
    requires: 'manageReporting',
    refusal: MANAGERS_ONLY,
    input: z.object({ intent: z.literal('exceptions') }),
    handle: async (turn) => {
      await turn.send(await listReply(d));
    },
  });

/** "Write what is being done": the form for one measure, filled with its current commentary. */
export const exceptionEditRoute = (d: ExceptionDeps) =>
  cardRoute({
    verb: 'exception.edit',
    requires: 'manageReporting',
    refusal: MANAGERS_ONLY,
    unreadable: UNREADABLE,
    input: z.looseObject({ measureId: z.string().max(40) }),
    handle: async (turn, { measureId }) => {
      const line = await d.exceptions.one(measureId);
      if (!line) {
        await turn.send(await listReply(d, 'That measure is no longer red or worse than a year before.'));
        return;
      }
      await turn.send({
        text: `What is being done about ${line.line.measure.name}?`,
        card: renderCard('exceptionForm', exceptionFormCard(line, d.clock.today())),
      });
    },
  });

/** "Save": checked as a whole (personal data refused, in words); the list replaces the form. */
export const exceptionSaveRoute = (d: ExceptionDeps) =>
  cardRoute({
    verb: 'exception.save',
    requires: 'manageReporting',
    refusal: MANAGERS_ONLY,
    unreadable: UNREADABLE,
    input: z.looseObject({
      measureId: z.string().max(40),
      action: z.string().max(4000).optional(),
      due: z.string().max(40).optional(),
    }),
    handle: async (turn, form) => {
      const result = await d.exceptions.write(form, by(turn));
      if (result.kind === 'saved')
        return {
          replaceWith: await listReply(
            d,
            `Saved. The board pack and the digest show it beside ${result.line.line.measure.name}.`,
          ),
        };
      if (result.kind === 'notAnException')
        return {
          replaceWith: await listReply(
            d,
            `${result.measureName} is no longer red or worse than a year before, so nothing was saved.`,
          ),
        };
      const line = await d.exceptions.one(form.measureId);
      if (!line) return { replaceWith: { text: result.message } };
      return {
        replaceWith: {
          text: result.message,
          card: renderCard(
            'exceptionForm',
            exceptionFormCard(
              line,
              d.clock.today(),
              { action: form.action ?? '', due: form.due ?? '' },
              result.message,
            ),
          ),
        },
      };
    },
  });
