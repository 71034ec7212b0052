import { can } from '../app/access.js';
import type { ScoresService } from '../app/scoresService.js';
import type { TermRef } from '../app/termResolver.js';
import { renderCard } from '../cards/renderCard.js';
import type { OutcomeId, QuestionBank, RespondentRole } from '../domain/survey/questionBank.js';
import { presentComparison, presentResponseRates, presentScores } from '../presenters/scoresPresenter.js';
import type { Turn } from './turn.js';

/** Intents: scores and responseRate. Only staff see figures; families are told so politely. */
export const scoresIntents = ['scores', 'responseRate'] as const;

export type ScoresSlots = { outcome?: OutcomeId; roles: RespondentRole[]; terms: TermRef[]; rank?: 'lowest' | 'highest'; perQuestion: boolean };

export class ScoresHandler {
  constructor(
    private readonly scores: ScoresService,
    private readonly bank: QuestionBank,
  ) {}

  async handleScores(turn: Turn, slots: ScoresSlots): Promise<void> {
    if (!(await this.permitted(turn))) return;
    const roles: RespondentRole[] = slots.roles.length ? slots.roles : ['cyp', 'pc'];
    const result = await this.scores.scores({ outcome: slots.outcome, roles, terms: slots.terms });
    if (result.unknownTerm) {
      await turn.send({ text: 'I could not find that term. Terms are named like "autumn 2025-26", "spring 2025-26" or "summer 2025-26"; you can also say "this term" or "last term".' });
      return;
    }
    const presented =
      result.results.length > 1
        ? presentComparison(this.bank, result.results, roles, slots.outcome)
        : presentScores(this.bank, result.results[0]!, roles, { outcome: slots.outcome, perQuestion: slots.perQuestion, rank: slots.rank });
    await turn.send({ text: presented.summary, card: renderCard('figureTable', presented.card), fullText: presented.text });
  }

  async handleResponseRate(turn: Turn, terms: TermRef[]): Promise<void> {
    if (!(await this.permitted(turn))) return;
    const result = await this.scores.responseRates(terms[0]);
    if (!result) {
      await turn.send({ text: 'I could not find that term. Try "response rate this term" or "response rate spring 2025-26".' });
      return;
    }
    const presented = presentResponseRates(result.term, result.rates);
    await turn.send({ text: presented.summary, card: renderCard('figureTable', presented.card), fullText: presented.text });
  }

  private async permitted(turn: Turn): Promise<boolean> {
    if (can(await turn.roles(), 'seeFigures')) return true;
    await turn.send({ text: 'Sorry, only practitioners and managers can see survey figures.' });
    return false;
  }
}
