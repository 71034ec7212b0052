import type { ThemesService } from '../themes/themesService.js';
import type { Clock } from '../../domain/clock.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { Term, TermCalendar } from '../../domain/terms/termCalendar.js';
import type { TermDigestInput } from './domain/termDigest.js';
import type { ScoresService } from '../scores/scoresService.js';
import type { WaitsService } from '../waits/waitsService.js';
import type { MeasuresService } from '../measures/measuresService.js';
import type { YouSaidService } from '../youSaid/youSaidService.js';
import type { ExceptionsService } from '../exceptions/exceptionsService.js';

/** Where a digest's figures come from. */
export type DigestSources = {
  bank: QuestionBank;
  terms: TermCalendar;
  clock: Clock;
  scores: ScoresService;
  waits: WaitsService;
  measures: MeasuresService;
  /** "You said, we did": the entries go in the digest (optional for callers that do not keep them). */
  youSaid?: Pick<YouSaidService, 'current'>;
  /** What families are saying, as counted themes (optional for callers that do not count them). */
  themes?: Pick<ThemesService, 'forTerm'>;
  /** Managers' commentary on exceptions, shown beside the measure (optional for callers that keep none). */
  exceptions?: Pick<ExceptionsService, 'current'>;
};

/**
 * Reads what the digest of `term` needs: both roles' scores for every outcome in the term and the one
 * before, the term's response rates, and every service's waiting list as it stands today (managers act
 * on the current position; the stored summaries answer any date from their extract on without reading
 * referrals). A handful of entity reads, however many answers or referrals there are.
 */
export async function readDigestInputs(deps: DigestSources, term: Term): Promise<TermDigestInput> {
  const today = deps.clock.today();
  const ref = {
    kind: 'named' as const,
    season: term.season as 'autumn' | 'spring' | 'summer',
    academicYear: term.academicYear,
  };
  const [scores, rates, waits, measures] = await Promise.all([
    deps.scores.scores({ roles: ['cyp', 'pc'], terms: [ref] }),
    deps.scores.responseRates(ref),
    Promise.all(
      deps.waits.catalogue.map(async (service) => {
        const w = await deps.waits.forService(service);
        return { service, figures: w.hasData ? w.figures : null };
      }),
    ),
    deps.measures.all(),
  ]);
  if (scores.unknownTerm || !rates) throw new Error(`term ${term.id} is not in the term calendar`);
  const result = scores.results[0];
  // Each list against the last extract of the term before: the digest says how it has moved.
  const changes = await Promise.all(
    waits.map(async (w) => ({
      ...w,
      change: w.figures ? await deps.waits.change(w.service, { kind: 'sinceTerm', term: result.previous }) : null,
    })),
  );
  return {
    term,
    previousTerm: result.previous,
    bank: deps.bank,
    scores: result.scores,
    previousScores: result.previousScores,
    rates: rates.rates,
    waits: changes,
    measures,
    youSaid: (await deps.youSaid?.current()) ?? [],
    themes: (await deps.themes?.forTerm(ref, { roles: ['cyp', 'pc'] }))?.prompts ?? [],
    exceptionNotes: (await deps.exceptions?.current()) ?? [],
    generatedOn: today,
  };
}
