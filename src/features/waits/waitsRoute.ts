import { z } from 'zod';
import type { WaitsService } from './waitsService.js';
import { cardReply } from '../../cards/cardReply.js';
import { presentNoData, presentOverview, presentServiceWaits, presentUnknownService } from './waitsPresenter.js';
import { intentRoute } from '../../routing/route.js';
import type { Clock } from '../../domain/clock.js';
import type { QuestionLog } from '../admin/adminStores.js';
import { logNotHeld } from '../notHeld/notHeldLog.js';
import { FIGURES_ARE_FOR_STAFF, UNKNOWN_TERM } from '../scores/scoresRoute.js';
import { termRef } from '../../routing/slotSchemas.js';
import {
  presentChangeOverview,
  presentOverviewAt,
  presentServiceAt,
  presentServiceChange,
} from './waitsChangePresenter.js';
import { periodAskSchema } from '../measures/domain/periodAskSchema.js';

const waitsChange = z.union([
  z.object({ kind: z.literal('sinceMonth'), month: z.number().int().min(1).max(12) }),
  z.object({ kind: z.literal('sinceTerm'), term: termRef }),
  z.object({ kind: z.literal('trend') }),
]);

/**
 * "current wait for SALT?": one service's waiting list, or every service worst first; "has it changed
 * since September?", "compared with last term", "trend": its extracts compared.
 */
export const waitsRoute = (waits: WaitsService, log: QuestionLog, clock: Clock) =>
  intentRoute({
    intent: 'waits',
    requires: 'seeFigures',
    refusal: FIGURES_ARE_FOR_STAFF,
    input: z.object({
      intent: z.literal('waits'),
      service: z.string().max(100).optional(),
      unknownService: z.string().max(500).optional(),
      allServices: z.boolean(),
      change: waitsChange.optional(),
      period: periodAskSchema.optional(),
    }),
    handle: async (turn, slots) => {
      if (slots.unknownService) {
        await logNotHeld(turn, log, clock);
        await turn.send({ text: presentUnknownService(slots.unknownService, waits.catalogue) });
        return;
      }
      const service = slots.service ? waits.find(slots.service) : undefined;
      // "at the end of October", "last term", "in 2025-26": the list as it stood then, beside the latest.
      if (slots.period) {
        const asked = waits.placePeriod(slots.period);
        if (!asked) {
          await turn.send({ text: UNKNOWN_TERM });
          return;
        }
        if (!service) {
          const answers = await Promise.all(
            waits.catalogue.map(async (s) => ({ service: s, answer: await waits.at(s, asked) })),
          );
          await turn.send(cardReply('figureTable', presentOverviewAt(answers, asked)));
          return;
        }
        const answer = await waits.at(service, asked);
        if (answer.kind === 'noData') await logNotHeld(turn, log, clock);
        const presented = presentServiceAt(service, answer, asked);
        await turn.send(typeof presented === 'string' ? { text: presented } : cardReply('figureTable', presented));
        return;
      }
      if (slots.change) {
        const change = waits.resolveChange(slots.change);
        if (!change) {
          await turn.send({ text: UNKNOWN_TERM });
          return;
        }
        if (!service) {
          const answers = await Promise.all(
            waits.catalogue.map(async (s) => ({ service: s, answer: await waits.change(s, change) })),
          );
          await turn.send(cardReply('figureTable', presentChangeOverview(answers, waits.today())));
          return;
        }
        const answer = await waits.change(service, change);
        if (answer.kind === 'noData') await logNotHeld(turn, log, clock);
        const presented = presentServiceChange(service, answer, waits.today());
        await turn.send(typeof presented === 'string' ? { text: presented } : cardReply('figureTable', presented));
        return;
      }
      if (!service) {
        await turn.send(cardReply('figureTable', presentOverview(await waits.overview(), waits.today())));
        return;
      }
      const result = await waits.forService(service);
      if (!result.hasData) {
        await logNotHeld(turn, log, clock);
        await turn.send({ text: presentNoData(service) });
        return;
      }
      await turn.send(cardReply('waitTimes', presentServiceWaits(result)));
    },
  });
