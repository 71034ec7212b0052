import { can } from '../app/access.js';
import { understand, type ServiceVocab, type Understanding } from '../domain/nlu/understand.js';
import type { AdminHandlers } from './adminHandlers.js';
import { handleHelp } from './helpHandler.js';
import type { InviteHandler } from './inviteHandler.js';
import type { ScoresHandler } from './scoresHandler.js';
import { SAVE_SECTION_VERB, type SurveyHandlers } from './surveyHandlers.js';
import type { Turn } from './turn.js';
import type { WaitsHandler } from './waitsHandler.js';

/** Answers intents that later features add without the router knowing them. */
export type IntentHandler = (turn: Turn, understanding: Understanding) => Promise<void>;

export type RouterHandlers = {
  survey: SurveyHandlers;
  invite: InviteHandler;
  scores: ScoresHandler;
  waits: WaitsHandler;
  admin: AdminHandlers;
  services: () => readonly ServiceVocab[];
  more?: Partial<Record<Understanding['intent'], IntentHandler>>;
};

const STAFF_ONLY: ReadonlySet<Understanding['intent']> = new Set(['invite', 'scores', 'responseRate', 'waits', 'digest', 'unansweredQuestions', 'eraseReview']);
const CONFIRM_ERASE = /^confirm\s+erase\s+(?:review\s+)?(\S+)$/i;

/**
 * Decides who answers a turn: a card verb goes to its handler; a code starts a family's survey; anything
 * else is understood as a question and goes to the one handler of its intent.
 */
export class Router {
  constructor(private readonly h: RouterHandlers) {}

  async route(turn: Turn): Promise<void> {
    const verb = typeof turn.value?.verb === 'string' ? turn.value.verb : undefined;
    if (verb === SAVE_SECTION_VERB) return this.h.survey.saveSection(turn);
    if (verb === 'ask' && typeof turn.value?.text === 'string') return this.route({ ...turn, text: turn.value.text.slice(0, 500), value: undefined });
    if (verb) {
      await turn.send({ text: "Sorry, I don't recognise that button any more. Type \"help\" to see what I can do." });
      return;
    }
    if (!turn.text) return;
    if (await this.h.survey.redeemCode(turn)) return;
    const confirm = CONFIRM_ERASE.exec(turn.text);
    if (confirm) return this.h.admin.confirmErase(turn, confirm[1]);

    const understanding = understand(turn.text, this.h.services());
    if (!can(await turn.roles(), 'seeFigures')) return this.answerFamily(turn, understanding);
    await this.answer(turn, understanding);
  }

  async welcome(turn: Turn): Promise<void> {
    if (await this.h.survey.resume(turn)) return;
    await handleHelp(turn);
  }

  /** A family opened their personal link: start (or resume) that invitation's survey. */
  async startFromLink(turn: Turn, code: string): Promise<void> {
    if (await this.h.survey.redeemCode({ ...turn, text: code.slice(0, 40) })) return;
    await turn.send({ text: 'This link is not complete. Please check you copied the whole link from your invitation, or type the code from it here.' });
  }

  /** Families and unknown users: their survey, or help; staff questions get a polite "not permitted". */
  private async answerFamily(turn: Turn, u: Understanding): Promise<void> {
    const intent = u.intent === 'clarify' ? u.partial.intent : u.intent;
    if (STAFF_ONLY.has(intent)) {
      const what = intent === 'invite' ? 'Only practitioners can invite families to the survey.' : 'Sorry, only practitioners and managers at the council can see figures like that.';
      await turn.send({ text: `${what} If you have a survey invitation, type its code to start or carry on.` });
      return;
    }
    if (await this.h.survey.resume(turn)) return;
    return handleHelp(turn);
  }

  private async answer(turn: Turn, u: Understanding): Promise<void> {
    switch (u.intent) {
      case 'help':
        return handleHelp(turn);
      case 'invite':
        return this.h.invite.handle(turn, { reviewRef: u.reviewRef, role: u.role });
      case 'scores':
        return this.h.scores.handleScores(turn, u);
      case 'responseRate':
        return this.h.scores.handleResponseRate(turn, u.terms);
      case 'waits':
        return this.h.waits.handle(turn, u);
      case 'unansweredQuestions':
        return this.h.admin.unanswered(turn);
      case 'eraseReview':
        return this.h.admin.askToErase(turn, u.reviewRef);
      case 'clarify':
        await turn.send({ text: u.options.length ? `${u.question}\n${u.options.map((o: string) => `- ${o}`).join('\n')}` : u.question });
        return;
      case 'unknown':
        await this.h.admin.recordUnanswered(turn, u.reason);
        await turn.send({ text: "Sorry, I can't help with that. I can answer questions about outcome scores, response rates and waiting times, and invite families to the annual-review survey. Type \"help\" for examples." });
        return;
      default: {
        const handler = this.h.more?.[u.intent];
        if (handler) return handler(turn, u);
        await this.h.admin.recordUnanswered(turn, `no handler for ${u.intent}`);
        const what = u.intent === 'digest' ? 'the termly digest' : 'that';
        await turn.send({ text: `Sorry, I can't help with ${what} yet. I can answer questions about outcome scores, response rates and waiting times, and invite families to the survey. Type "help" for examples.` });
      }
    }
  }
}
