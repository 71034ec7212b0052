import { z } from 'zod';
import { cardRoute } from '../../routing/route.js';
import type { Turn } from '../../ports/turn.js';

/** Card verb of the help card's question buttons: the button asks a question as if it had been typed. */
export const ASK_VERB = 'ask';

export const askButtonRoute = (answerText: (turn: Turn) => Promise<void>) =>
  cardRoute({
    verb: ASK_VERB,
    requires: 'anyone',
    refusal: '',
    unreadable: 'Sorry, I don\'t recognise that button any more. Type "help" to see what I can do.',
    input: z.looseObject({ text: z.string().transform((t) => t.slice(0, 500)) }),
    handle: async (turn, { text }) => {
      await answerText({ ...turn, text, value: undefined });
    },
  });
