import { z } from 'zod';
import type { WaitsService } from '../../app/waitsService.js';
import { cardReply } from '../../presenters/cardReply.js';
import {
  presentNoData,
  presentOverview,
  presentServiceWaits,
  presentUnknownService,
} from '../../presenters/waitsPresenter.js';
import { intentRoute } from '../route.js';
import type { Clock } from '../../domain/clock.js';
import type { QuestionLog } from '../../ports/adminStores.js';
import { logNotHeld } from './notHeld.js';
import { FIGURES_ARE_FOR_STAFF } from './scoresRoute.js';

/** "current wait for SALT?": one service's waiting list, or every service worst first. */
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
    }),
    handle: async (turn, slots) => {
      if (slots.unknownService) {
        await logNotHeld(turn, log, clock);
        await turn.send({ text: presentUnknownService(slots.unknownService, waits.catalogue) });
        return;
      }
      const service = slots.service ? waits.find(slots.service) : undefined;
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
