import type { Clock } from '../../domain/clock.js';
import type { OutcomeScore, ResponseRate } from '../../domain/scores/outcomeFigures.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { Term, TermCalendar } from '../../domain/terms/termCalendar.js';
import type { Service } from '../../domain/waits/serviceCatalogue.js';
import type { WaitingListStats } from '../../domain/waits/statistics.js';
import type { ScoresService } from '../scoresService.js';
import type { WaitsService } from '../waitsService.js';

/** Everything a term's digest is made from, read from the aggregates and the waiting-list summaries. */
export type DigestInputs = {
  term: Term;
  previousTerm: Term;
  bank: QuestionBank;
  scores: OutcomeScore[];
  previousScores: OutcomeScore[];
  rates: ResponseRate[];
  waits: { service: Service; stats: WaitingListStats | null }[];
  generatedOn: string;
};

/**
 * Reads what the digest of `term` needs: both roles' scores for every outcome in the term and the one
 * before, the term's response rates, and every service's waiting list as it stands today (managers act
 * on the current position; the stored summaries answer any date from their extract on without reading
 * referrals). A handful of entity reads, however many answers or referrals there are.
 */
export async function readDigestInputs(deps: { bank: QuestionBank; terms: TermCalendar; clock: Clock; scores: ScoresService; waits: WaitsService }, term: Term): Promise<DigestInputs> {
  const today = deps.clock.today();
  const ref = { kind: 'named' as const, season: term.season as 'autumn' | 'spring' | 'summer', academicYear: term.academicYear };
  const [scores, rates, waits] = await Promise.all([
    deps.scores.scores({ roles: ['cyp', 'pc'], terms: [ref] }),
    deps.scores.responseRates(ref),
    Promise.all(deps.waits.catalogue.map(async (service) => {
      const w = await deps.waits.forService(service, today);
      return { service, stats: w.hasData ? w.stats : null };
    })),
  ]);
  if (scores.unknownTerm || !rates) throw new Error(`term ${term.id} is not in the term calendar`);
  const result = scores.results[0]!;
  return { term, previousTerm: result.previous, bank: deps.bank, scores: result.scores, previousScores: result.previousScores, rates: rates.rates, waits, generatedOn: today };
}
