import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { ScoresService } from '../scores/scoresService.js';
import type { SurveyTarget } from './domain/measureCatalogue.js';
import { rateSurveyTarget, type QuestionShare, type SurveyTargetsPicture } from './domain/surveyTargetRating.js';

export type { SurveyTargetsPicture };

/**
 * Seed 001's targets on what families report, rated against the survey questions that ask them: this term's
 * % positive per question, and the same term a year before for a yearly increase. Reads the aggregates of
 * those two terms only.
 */
export class SurveyTargetsService {
  constructor(
    private readonly targets: readonly SurveyTarget[],
    private readonly bank: QuestionBank,
    private readonly scores: Pick<ScoresService, 'scores'>,
  ) {}

  async rated(): Promise<SurveyTargetsPicture> {
    const read = await this.scores.scores({ roles: ['cyp', 'pc'], terms: [{ kind: 'current' }, { kind: 'yearAgo' }] });
    const [now, before] = read.unknownTerm ? [] : read.results;
    const lookup = (term: typeof now) => {
      const byId = new Map<string, QuestionShare>();
      for (const s of term?.scores ?? []) for (const q of s.questions) byId.set(q.id, q);
      return (id: string) => byId.get(id) ?? this.unanswered(id);
    };
    return {
      ...(now ? { term: now.term } : {}),
      ...(before ? { yearBefore: before.term } : {}),
      ratings: this.targets.map((t) => rateSurveyTarget(t, lookup(now), lookup(before))),
    };
  }

  private unanswered(id: string): QuestionShare | undefined {
    const q = this.bank.allScored().find((x) => x.id === id);
    return q ? { id, text: q.text, positive: { shown: true, value: 0, basis: 0 }, respondents: 0 } : undefined;
  }
}
