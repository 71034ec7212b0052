import { can } from '../app/access.js';
import { ANSWER_VERB, SCALE_VERB } from '../cards/surveyCards.js';
import { understand, type ServiceVocab, type Understanding } from '../domain/nlu/understand.js';
import type { AdminHandlers } from './adminHandlers.js';
import { handleHelp } from './helpHandler.js';
import { RENEW_VERB, type InviteHandler } from './inviteHandler.js';
import type { ScoresHandler } from './scoresHandler.js';
import { SAVE_SECTION_VERB, type SurveyHandlers } from './surveyHandlers.js';
import type { Turn } from './turn.js';
import type { WaitsHandler } from './waitsHandler.js';
import type { DigestHandler } from './digestHandler.js';

export type RouterHandlers = {
  survey: SurveyHandlers;
  invite: InviteHandler;
  scores: ScoresHandler;
  waits: WaitsHandler;
  digest: DigestHandler;
  admin: AdminHandlers;
  services: () => readonly ServiceVocab[];
};

const STAFF_ONLY: ReadonlySet<Understanding['intent']> = new Set(['invite', 'myInvitations', 'scores', 'responseRate', 'waits', 'digest', 'unansweredQuestions', 'eraseReview']);
const CONFIRM_ERASE = /^confirm\s+erase\s+(?:review\s+)?(\S+)$/i;
const DELIVERY_REPORT = /^(?:show\s+(?:me\s+)?)?(?:the\s+)?(?:digest\s+)?(?:delivery|send|sending)\s+(?:report|status)\b|^digest\s+(?:delivery\s+)?(?:report|status)\b/i;

/**
 * Decides who answers a turn: a card verb goes to its handler; a code starts a family's survey; anything
 * else is understood as a question and goes to the one handler of its intent.
 */
export class Router {
  constructor(private readonly h: RouterHandlers) {}

  async route(turn: Turn): Promise<void> {
    const verb = typeof turn.value?.verb === 'string' ? turn.value.verb : undefined;
    if (verb === SAVE_SECTION_VERB) return this.h.survey.saveSection(turn);
    if (verb === ANSWER_VERB) return this.h.survey.answerQuestion(turn);
    if (verb === SCALE_VERB) return this.h.survey.chooseScale(turn);
    if (verb === RENEW_VERB) return this.h.invite.renew(turn);
    if (verb === 'ask' && typeof turn.value?.text === 'string') return this.route({ ...turn, text: turn.value.text.slice(0, 500), value: undefined });
    if (verb) {
      await turn.send({ text: "Sorry, I don't recognise that button any more. Type \"help\" to see what I can do." });
      return;
    }
    if (!turn.text) return;
    if (await this.h.survey.redeemCode(turn)) return;
    const confirm = CONFIRM_ERASE.exec(turn.text);
    if (confirm) return this.h.admin.confirmErase(turn, confirm[1]);
    if (DELIVERY_REPORT.test(turn.text)) return this.h.digest.report(turn);

    const understanding = understand(turn.text, this.h.services());
    if (!can(await turn.roles(), 'seeFigures')) return this.answerFamily(turn, understanding);
    // Staff conversations are remembered (once) so a manager's digest can reach them; families' are not.
    await this.h.digest.remember(turn);
    await this.answer(turn, understanding);
  }

  /** The app was added to a personal chat, group chat or team. */
  async installed(turn: Turn): Promise<void> {
    await this.h.digest.remember(turn);
  }

  async uninstalled(turn: Turn): Promise<void> {
    await this.h.digest.forget(turn);
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
      const what = intent === 'invite' || intent === 'myInvitations' ? 'Only practitioners can invite families to the survey.' : 'Sorry, only practitioners and managers at the council can see figures like that.';
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
      case 'myInvitations':
        return this.h.invite.list(turn);
      case 'scores':
        return this.h.scores.handleScores(turn, u);
      case 'responseRate':
        return this.h.scores.handleResponseRate(turn, u.terms);
      case 'waits':
        return this.h.waits.handle(turn, u);
      case 'digest':
        return this.h.digest.handle(turn, u.action);
      case 'unansweredQuestions':
        return this.h.admin.unanswered(turn);
      case 'eraseReview':
        return this.h.admin.askToErase(turn, u.reviewRef);
      case 'clarify':
        await turn.send({ text: u.options.length ? `${u.question}\n${u.options.map((o: string) => `- ${o}`).join('\n')}` : u.question });
        return;
      case 'unknown':
        await this.h.admin.recordUnanswered(turn, u.reason);
        await turn.send({ text: "Sorry, I can't help with that. I can answer questions about outcome scores, response rates and waiting times, invite families to the annual-review survey, and send managers the termly digest. Type \"help\" for examples." });
        return;
      default: {
        // Every intent is handled above; a new one fails to compile here until it has a handler.
        const unhandled: never = u;
        throw new Error(`no handler for ${JSON.stringify(unhandled)}`);
      }
    }
  }
}
