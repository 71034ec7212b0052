import { can } from '../app/access.js';
import { understand, type ServiceVocab, type Understanding } from '../domain/nlu/understand.js';
import { handleHelp } from './helpHandler.js';
import type { InviteHandler } from './inviteHandler.js';
import { SAVE_SECTION_VERB, type SurveyHandlers } from './surveyHandlers.js';
import type { Turn } from './turn.js';

/** Handlers for the intents that later features answer; each receives the parsed understanding. */
export type IntentHandlers = Partial<Record<Understanding['intent'], (turn: Turn, understanding: Understanding) => Promise<void>>>;

const STAFF_ONLY: ReadonlySet<Understanding['intent']> = new Set(['invite', 'scores', 'responseRate', 'waits', 'digest', 'unansweredQuestions', 'eraseReview']);

/**
 * Decides who answers a turn: a card verb goes to its handler; a code starts a family's survey; anything
 * else is understood as a question and goes to the handler of its intent.
 */
export class Router {
  constructor(
    private readonly survey: SurveyHandlers,
    private readonly invite: InviteHandler,
    private readonly services: () => ServiceVocab[],
    private readonly intents: IntentHandlers = {},
    private readonly onUnanswered: (turn: Turn, reason: string) => Promise<void> = async () => undefined,
  ) {}

  async route(turn: Turn): Promise<void> {
    const verb = typeof turn.value?.verb === 'string' ? turn.value.verb : undefined;
    if (verb === SAVE_SECTION_VERB) return this.survey.saveSection(turn);
    if (verb === 'ask' && typeof turn.value?.text === 'string') return this.route({ ...turn, text: turn.value.text, value: undefined });
    if (verb) {
      await turn.send({ text: "Sorry, I don't recognise that button any more. Type \"help\" to see what I can do." });
      return;
    }
    if (!turn.text) return;
    if (await this.survey.redeemCode(turn)) return;

    const understanding = understand(turn.text, this.services());
    const isStaff = can(await turn.roles(), 'seeFigures');
    if (!isStaff) {
      if (STAFF_ONLY.has(understanding.intent) || (understanding.intent === 'clarify' && STAFF_ONLY.has(understanding.partial.intent))) {
        await turn.send({ text: 'Sorry, only practitioners and managers at the council can use that. If you have a survey invitation, type its code to start or carry on.' });
        return;
      }
      if (await this.survey.resume(turn)) return;
      return handleHelp(turn);
    }
    await this.answer(turn, understanding);
  }

  async welcome(turn: Turn): Promise<void> {
    await handleHelp(turn);
  }

  private async answer(turn: Turn, u: Understanding): Promise<void> {
    switch (u.intent) {
      case 'help':
        return handleHelp(turn);
      case 'invite':
        return this.invite.handle(turn, { reviewRef: u.reviewRef, role: u.role });
      case 'clarify':
        await turn.send({ text: `${u.question}${u.options.length ? `\n${u.options.map((o: string) => `- ${o}`).join('\n')}` : ''}` });
        return;
      case 'unknown':
        await this.onUnanswered(turn, u.reason);
        await turn.send({ text: "Sorry, I can't help with that. I can answer questions about outcome scores, response rates and waiting times, and invite families to the annual-review survey. Type \"help\" for examples." });
        return;
      default: {
        const handler = this.intents[u.intent];
        if (handler) return handler(turn, u);
        await this.onUnanswered(turn, `no handler for ${u.intent}`);
        await turn.send({ text: "Sorry, I can't answer that yet. Type \"help\" to see what I can do." });
      }
    }
  }
}
