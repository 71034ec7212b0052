import type { Delta } from '../domain/aggregateDelta.js';
import type { AggregatesRepository } from './aggregatesRepository.js';

type Pending = { opId: string; delta: Delta; shard: number; done: () => void; failed: (error: unknown) => void };

/**
 * Group commit for aggregate deltas: operations that arrive while a write is in progress are merged and
 * written together (one transaction per term holds every counter row they touch and a receipt per
 * operation). Under load this turns many small writes into a few; alone, an operation is written at once.
 */
export class AggregateWriter {
  private queue: Pending[] = [];
  private running = false;

  constructor(private readonly aggregates: AggregatesRepository) {}

  apply(opId: string, delta: Delta, shard: number): Promise<void> {
    return new Promise((done, failed) => {
      this.queue.push({ opId, delta, shard, done, failed });
      // drain() settles every queued promise itself, so nothing is left unhandled.
      if (!this.running) this.drain().catch(() => undefined);
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, 40);
        try {
          await this.aggregates.applyMany(batch);
          for (const p of batch) p.done();
        } catch {
          // The merged write was refused (another instance wrote, or an operation was already applied):
          // apply each on its own, which handles both cases.
          for (const p of batch) await this.aggregates.apply(p.opId, p.delta, p.shard).then(p.done, p.failed);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
