import { z } from 'zod';
import type { Clock } from '../../domain/clock.js';
import { chatLiteral } from '../../domain/text/safeText.js';
import type { QuestionLog } from './adminStores.js';
import { intentRoute } from '../../routing/route.js';

/** "unanswered questions": what people asked that the bot could not answer, to teach it. Administrators. */
export const unansweredQuestionsRoute = (log: QuestionLog, clock: Clock) =>
  intentRoute({
    intent: 'unansweredQuestions',
    requires: 'administer',
    refusal: 'Sorry, only administrators can see the questions I could not answer.',
    input: z.object({ intent: z.literal('unansweredQuestions') }),
    handle: async (turn) => {
      const entries = await log.recent(20, clock.now());
      if (entries.length === 0) {
        await turn.send({ text: 'There are no unanswered questions this month or last month.' });
        return;
      }
      // Staff typed these: shown as words, never as links, mentions or formatting.
      const lines = entries.map(
        (e) =>
          `- ${e.at.slice(0, 16).replace('T', ' ')} (${e.role}): "${chatLiteral(e.text)}"${e.reason === 'not-held' ? ' — understood, no figures held' : ''}`,
      );
      await turn.send({ text: `Questions I could not answer (newest first):\n${lines.join('\n')}` });
    },
  });
