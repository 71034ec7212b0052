import { z } from 'zod';
import type { MeasuresService } from './measuresService.js';
import type { ScoresService } from '../scores/scoresService.js';
import type { Clock } from '../../domain/clock.js';
import { OUTCOME_IDS, type QuestionBank } from '../../domain/survey/questionBank.js';
import { cardReply } from '../../cards/cardReply.js';
import {
  presentMeasure,
  presentMeasureTable,
  presentNoMeasureData,
  presentPeriodNotHeld,
} from './measuresPresenter.js';
import { periodAskSchema } from './domain/periodAskSchema.js';
import { periodAskPhrase } from '../../understanding/periodAsk.js';
import { presentScores } from '../scores/scoresPresenter.js';
import { intentRoute } from '../../routing/route.js';
import type { QuestionLog } from '../admin/adminStores.js';
import { logNotHeld } from '../notHeld/notHeldLog.js';
import { FIGURES_ARE_FOR_STAFF } from '../scores/scoresRoute.js';
import { COMPARATORS } from './domain/benchmarkRow.js';
import { SurveyTargetsService } from './surveyTargetsService.js';

/**
 * "annual reviews on time?", "how do our exclusions compare with national?", "which measures are off target?":
 * one framework measure (with the comparator asked for leading), or all of them with seed 001's survey targets
 * rated on the questions that ask them.
 */
export const measureRoute = (
  measures: MeasuresService,
  clock: Clock,
  log: QuestionLog,
  survey?: { scores: Pick<ScoresService, 'scores'>; bank: QuestionBank },
) => {
  const surveyTargets = survey
    ? new SurveyTargetsService(measures.catalogue.surveyTargets, survey.bank, survey.scores)
    : undefined;
  return intentRoute({
    intent: 'measure',
    requires: 'seeFigures',
    refusal: FIGURES_ARE_FOR_STAFF,
    input: z.object({
      intent: z.literal('measure'),
      measure: z.string().max(60).optional(),
      name: z.string().max(200).optional(),
      offTarget: z.boolean(),
      period: periodAskSchema.optional(),
      comparator: z.enum(COMPARATORS).optional(),
    }),
    handle: async (turn, slots) => {
      const today = clock.today();
      const measure = slots.measure ? measures.find(slots.measure) : undefined;
      if (!measure) {
        // The table is each measure's latest period held: a period asked is answered one measure at a time.
        if (slots.period) {
          const asked = periodAskPhrase(slots.period);
          const said = asked.replace(/^in /, '');
          await turn.send({
            text: `The table shows each measure for its latest period held, not ${said}; for ${said}, ask for one measure by name (for example "complaints ${asked}").`,
          });
        }
        const title = slots.offTarget ? 'Framework measures against their targets' : 'Framework measures';
        const [all, rated] = await Promise.all([measures.all(), surveyTargets?.rated()]);
        const table = presentMeasureTable(all, today, {
          title,
          offTarget: true,
          onlyBelow: slots.offTarget,
          ...(rated ? { survey: rated } : {}),
        });
        await turn.send(cardReply('figureTable', table));
        return;
      }
      const answer = await measures.forPeriodAsked(measure, slots.period, today);
      if (answer.kind === 'noData') {
        await logNotHeld(turn, log, clock);
        await turn.send({ text: presentNoMeasureData(measure) });
        return;
      }
      if (answer.kind === 'notHeld') {
        await turn.send({ text: presentPeriodNotHeld(measure, answer.asked, answer.nearest) });
        return;
      }
      const asked =
        slots.period || slots.comparator
          ? {
              ...(answer.scope ? { scope: answer.scope } : {}),
              ...(slots.comparator ? { comparator: slots.comparator } : {}),
              ...(slots.period ? {} : { latest: true }),
            }
          : undefined;
      await turn.send(cardReply('measure', presentMeasure(answer.figures, today, asked)));
    },
  });
};

/** "how is the Support outcome doing overall?": its survey scores, then the framework measures that evidence it. */
export const outcomeOverviewRoute = (
  scores: ScoresService,
  measures: MeasuresService,
  bank: QuestionBank,
  clock: Clock,
) =>
  intentRoute({
    intent: 'outcomeOverview',
    requires: 'seeFigures',
    refusal: FIGURES_ARE_FOR_STAFF,
    input: z.object({ intent: z.literal('outcomeOverview'), outcome: z.enum(OUTCOME_IDS) }),
    handle: async (turn, { outcome }) => {
      const roles = ['cyp', 'pc'] as const;
      const result = await scores.scores({ outcome, roles: [...roles], terms: [{ kind: 'current' }] });
      const current = result.unknownTerm ? undefined : result.results[0];
      if (current)
        await turn.send(
          cardReply(
            'figureTable',
            presentScores(bank, current, [...roles], {
              outcome,
              perQuestion: false,
              targets: measures.catalogue.surveyTargets,
            }),
          ),
        );
      const name = bank.outcome(outcome).shortName;
      await turn.send(
        cardReply(
          'figureTable',
          presentMeasureTable(await measures.forOutcome(outcome), clock.today(), {
            title: `${name}: the framework's other measures`,
          }),
        ),
      );
    },
  });
