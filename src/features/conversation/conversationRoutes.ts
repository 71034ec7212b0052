import { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import { can } from '../../domain/access/roles.js';
import type { QuestionLog } from '../admin/adminStores.js';
import type { Turn } from '../../ports/turn.js';
import { intentRoute, type IntentOf } from '../../routing/route.js';
import type { FamilySurvey } from '../survey/familySurvey.js';
import { showHelp } from './help.js';

const CANT_HELP =
  'Sorry, I can\'t help with that. I can answer questions about outcome scores, response rates and waiting times, and the framework\'s other measures (annual reviews, exclusions, attendance, tribunals…), invite families to the annual-review survey, and send managers the termly digest. Type "help" for examples.';

const SMALL_TALK_REPLY = {
  thanks: "You're welcome.",
  ack: "OK. I'm here whenever you need me.",
  bye: 'Bye for now.',
} as const;

/** "thanks", "ok", "bye": a short reply, to anyone; nothing is logged as unanswered. */
export const smallTalkRoute = () =>
  intentRoute({
    intent: 'smallTalk',
    requires: 'anyone',
    refusal: '',
    input: z.object({ intent: z.literal('smallTalk'), say: z.enum(['thanks', 'ack', 'bye']) }),
    handle: async (turn, { say }) => {
      await turn.send({ text: SMALL_TALK_REPLY[say] });
    },
  });

const clarification = z.looseObject({
  intent: z.literal('clarify'),
  question: z.string().min(1),
  options: z.array(z.string()).max(12),
  partial: z.looseObject({ intent: z.string() }),
});

/** Someone who holds no staff role is here for their survey: where they are up to, or how to start. */
export async function familyLanding(turn: Turn, family: FamilySurvey): Promise<void> {
  if (await family.resume(turn)) return;
  await showHelp(turn);
}

async function isFamily(turn: Turn): Promise<boolean> {
  return !can(await turn.roles(), 'seeFigures');
}

/** "help", "hi", or a bare @mention. */
export const helpRoute = (family: FamilySurvey) =>
  intentRoute({
    intent: 'help',
    requires: 'anyone',
    refusal: '',
    input: z.object({ intent: z.literal('help') }),
    handle: async (turn) => ((await isFamily(turn)) ? familyLanding(turn, family) : showHelp(turn)),
  });

/** The understanding needs one more detail: ask for it, with the options it can tell apart. */
export const clarifyRoute = (family: FamilySurvey) =>
  intentRoute({
    intent: 'clarify',
    // The router asks only people who may see what the question leads to.
    requires: 'anyone',
    refusal: '',
    input: z.custom<IntentOf<'clarify'>>((v) => clarification.safeParse(v).success, 'not a clarification'),
    handle: async (turn, u) => {
      if (await isFamily(turn)) return familyLanding(turn, family);
      await turn.send({
        text: u.options.length ? `${u.question}\n${u.options.map((o) => `- ${o}`).join('\n')}` : u.question,
      });
    },
  });

/** Not something the bot answers: staff are told what it can do, and the question is kept to teach it. */
export const unknownRoute = (family: FamilySurvey, log: QuestionLog, clock: Clock) =>
  intentRoute({
    intent: 'unknown',
    requires: 'anyone',
    refusal: '',
    input: z.object({ intent: z.literal('unknown'), reason: z.enum(['out-of-scope', 'unclear']) }),
    handle: async (turn, { reason }) => {
      if (await isFamily(turn)) return familyLanding(turn, family);
      // The text, the time and the asker's roles: never who asked.
      const roles = await turn.roles();
      await log.record({ at: clock.now().toISOString(), text: turn.text, role: roles.join(','), reason });
      await turn.send({ text: CANT_HELP });
    },
  });
