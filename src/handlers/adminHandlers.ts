import { chatLiteral } from '../domain/text/safeText.js';
import { can } from '../app/access.js';
import type { ErasureService } from '../app/erasureService.js';
import type { Clock } from '../domain/clock.js';
import { checkReviewRef } from '../domain/invitations/reviewRef.js';
import type { QuestionLogRepository } from '../storage/repositories/questionLogRepository.js';
import type { Turn } from './turn.js';

/** Intents for administrators: what the bot could not answer, and erasing one review's data. */
export class AdminHandlers {
  constructor(
    private readonly log: QuestionLogRepository,
    private readonly erasure: ErasureService,
    private readonly clock: Clock,
  ) {}

  /** Logs a question the bot could not answer: text, time and the asker's role, never who asked. */
  async recordUnanswered(turn: Turn, reason: string): Promise<void> {
    const roles = await turn.roles();
    await this.log.record({ at: this.clock.now().toISOString(), text: turn.text, role: roles.length ? roles.join(',') : 'none', reason });
  }

  async unanswered(turn: Turn): Promise<void> {
    if (!can(await turn.roles(), 'administer')) {
      await turn.send({ text: 'Sorry, only administrators can see the questions I could not answer.' });
      return;
    }
    const entries = await this.log.recent(20, this.clock.now());
    if (entries.length === 0) {
      await turn.send({ text: 'There are no unanswered questions this month or last month.' });
      return;
    }
    // Staff typed these: shown as words, never as links, mentions or formatting.
    const lines = entries.map((e) => `- ${e.at.slice(0, 16).replace('T', ' ')} (${e.role}): "${chatLiteral(e.text)}"`);
    await turn.send({ text: `Questions I could not answer (newest first):\n${lines.join('\n')}` });
  }

  async askToErase(turn: Turn, reviewRefInput: string | undefined): Promise<void> {
    if (!(await this.isAdmin(turn))) return;
    const ref = reviewRefInput ? checkReviewRef(reviewRefInput) : undefined;
    if (!ref) {
      await turn.send({ text: 'Which review? Type for example "erase review AR-1042".' });
      return;
    }
    if (!ref.ok) {
      await turn.send({ text: ref.message });
      return;
    }
    await turn.send({
      text: `This permanently deletes every answer, progress record and invitation for review ${ref.reviewRef}, and corrects the scores. It cannot be undone. To go ahead, type "confirm erase ${ref.reviewRef}".`,
    });
  }

  async confirmErase(turn: Turn, reviewRefInput: string | undefined): Promise<void> {
    if (!(await this.isAdmin(turn))) return;
    const ref = reviewRefInput ? checkReviewRef(reviewRefInput) : undefined;
    if (!ref?.ok) {
      await turn.send({ text: 'Which review? Type for example "confirm erase AR-1042".' });
      return;
    }
    const report = await this.erasure.erase(ref.reviewRef);
    await turn.send({
      text: report.respondents + report.invitations + report.answers === 0 ? `Nothing is held for review ${ref.reviewRef}.` : `Erased review ${ref.reviewRef}: ${report.answers} answers from ${report.respondents} respondents and ${report.invitations} invitations. The scores have been corrected.`,
    });
  }

  private async isAdmin(turn: Turn): Promise<boolean> {
    if (can(await turn.roles(), 'administer')) return true;
    await turn.send({ text: "Sorry, only administrators can erase a review's data." });
    return false;
  }
}
