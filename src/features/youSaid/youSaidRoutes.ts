import { z } from 'zod';
import type { YouSaidService } from './youSaidService.js';
import { renderCard } from '../../cards/renderCard.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { Turn } from '../../ports/turn.js';
import { youSaidFormCard, youSaidListCard } from './youSaidPresenter.js';
import { cardRoute, intentRoute } from '../../routing/route.js';

const MANAGERS_ONLY = 'Sorry, only managers and administrators can record "you said, we did".';
const UNREADABLE = 'That form is damaged. Type "you said, we did" for a fresh one.';

type Deps = { youSaid: YouSaidService; bank: QuestionBank; publicBaseUrl: string };

async function listReply(d: Deps, lead?: string) {
  const entries = await d.youSaid.current();
  const nameOf = await d.youSaid.namesFor(entries);
  return {
    text: lead ?? `"You said, we did": ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}.`,
    card: renderCard('youSaidList', youSaidListCard(d.bank, entries, `${d.publicBaseUrl}/you-said-we-did`, nameOf)),
  };
}

const by = (turn: Turn) => turn.userId ?? 'unknown';

/** "you said, we did": the entries, each with Edit and Remove, and "Add an entry". */
export const youSaidRoute = (d: Deps) =>
  intentRoute({
    intent: 'youSaidWeDid',
    requires: 'recordChanges',
    refusal: MANAGERS_ONLY,
    input: z.object({ intent: z.literal('youSaidWeDid') }),
    handle: async (turn) => {
      await turn.send(await listReply(d));
    },
  });

/** "Add an entry" / "Edit": the form, empty or filled with the entry. */
export const youSaidEditRoute = (d: Deps) =>
  cardRoute({
    verb: 'yousaid.edit',
    requires: 'recordChanges',
    refusal: MANAGERS_ONLY,
    unreadable: UNREADABLE,
    input: z.looseObject({ id: z.string().max(64).optional() }),
    handle: async (turn, { id }) => {
      const entry = id ? await d.youSaid.get(id) : undefined;
      if (id && (!entry || entry.removedAt)) {
        await turn.send({ text: 'That entry has been removed.' });
        return;
      }
      await turn.send({
        text: entry ? 'Change the entry.' : 'Add an entry.',
        card: renderCard('youSaidForm', youSaidFormCard(d.bank, entry)),
      });
    },
  });

/** "Save" on the form: checked as a whole (personal data refused, in words); the list replaces the form. */
export const youSaidSaveRoute = (d: Deps) =>
  cardRoute({
    verb: 'yousaid.save',
    requires: 'recordChanges',
    refusal: MANAGERS_ONLY,
    unreadable: UNREADABLE,
    input: z.looseObject({
      id: z.string().max(64).optional(),
      outcome: z.string().max(40).optional(),
      youSaid: z.string().max(2000).optional(),
      weDid: z.string().max(2000).optional(),
    }),
    handle: async (turn, form) => {
      const data = { ...form, id: form.id ? form.id : undefined };
      const result = await d.youSaid.save(data, by(turn));
      if (result.kind === 'invalid') {
        const again = {
          outcome: form.outcome ?? '',
          youSaid: form.youSaid ?? '',
          weDid: form.weDid ?? '',
          id: data.id,
        };
        return {
          replaceWith: {
            text: result.message,
            card: renderCard('youSaidForm', youSaidFormCard(d.bank, again, result.message)),
          },
        };
      }
      if (result.kind === 'notFound') {
        await turn.send({ text: 'That entry has been removed, so it was not changed.' });
        return;
      }
      return { replaceWith: await listReply(d, result.created ? 'Added. It is public now.' : 'Changed.') };
    },
  });

/** "Remove": the entry stops being shown; who removed it and when is kept. */
export const youSaidRemoveRoute = (d: Deps) =>
  cardRoute({
    verb: 'yousaid.remove',
    requires: 'recordChanges',
    refusal: MANAGERS_ONLY,
    unreadable: UNREADABLE,
    input: z.looseObject({ id: z.string().max(64) }),
    handle: async (turn, { id }) => {
      const removed = await d.youSaid.remove(id, by(turn));
      return {
        replaceWith: await listReply(
          d,
          removed ? 'Removed. It is no longer shown anywhere.' : 'That entry was already removed.',
        ),
      };
    },
  });
