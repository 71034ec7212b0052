import { can } from '../app/access.js';
import type { WaitsService } from '../app/waitsService.js';
import { renderCard } from '../cards/renderCard.js';
import { presentNoData, presentOverview, presentServiceWaits, presentUnknownService } from '../presenters/waitsPresenter.js';
import type { Reply, Turn } from './turn.js';

export type WaitsSlots = { service?: string; unknownService?: string; allServices: boolean };

/** Intent: waits. One service's waiting list, or every service worst first. Staff only. */
export class WaitsHandler {
  // Rendering is a pure function of the figures, which the service reuses while unchanged: render once.
  private readonly rendered = new WeakMap<object, Reply>();

  constructor(private readonly waits: WaitsService) {}

  async handle(turn: Turn, slots: WaitsSlots): Promise<void> {
    if (!can(await turn.roles(), 'seeFigures')) {
      await turn.send({ text: 'Sorry, only practitioners, managers and administrators can see waiting-time figures.' });
      return;
    }
    if (slots.unknownService) {
      await turn.send({ text: presentUnknownService(slots.unknownService, this.waits.catalogue) });
      return;
    }
    const service = slots.service ? this.waits.find(slots.service) : undefined;
    if (!service) {
      const presented = presentOverview(await this.waits.overview(), this.waits.today());
      await turn.send({ text: presented.summary, card: renderCard('figureTable', presented.card), fullText: presented.text });
      return;
    }
    const result = await this.waits.forService(service);
    if (!result.hasData) {
      await turn.send({ text: presentNoData(service) });
      return;
    }
    let reply = this.rendered.get(result);
    if (!reply) {
      const presented = presentServiceWaits(result);
      reply = { text: presented.summary, card: renderCard('waitTimes', presented.card), fullText: presented.text };
      this.rendered.set(result, reply);
    }
    await turn.send(reply);
  }
}
