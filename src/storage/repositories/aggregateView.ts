import type { AggregatesRepository } from './aggregatesRepository.js';
import type { CounterRow } from '../../ports/figureStores.js';
import type { AggregateCounters } from '../../ports/figureStores.js';

/**
 * The counters questions are answered from. A term's counters are read from the table (one query for
 * all the terms a question needs) and kept for at most `maxAgeMs`; this instance's own writes drop the
 * copy at once, so after a family saves a section the next question reads afresh. Other instances'
 * writes show within `maxAgeMs`. Nothing here ever reads answers.
 */
export class AggregateView implements AggregateCounters {
  private readonly cache = new Map<string, { counters: Map<string, CounterRow>; at: number }>();

  constructor(
    private readonly repo: AggregatesRepository,
    private readonly maxAgeMs = 5_000,
  ) {}

  async read(terms: string[]): Promise<Map<string, Map<string, CounterRow>>> {
    const now = Date.now();
    const stale = terms.filter((t) => {
      const hit = this.cache.get(t);
      return !hit || now - hit.at > this.maxAgeMs;
    });
    if (stale.length > 0) {
      const fresh = await this.repo.readTerms(stale);
      for (const [term, counters] of fresh) this.cache.set(term, { counters, at: now });
    }
    return new Map(terms.map((t) => [t, this.cache.get(t)!.counters]));
  }

  invalidate(terms: Iterable<string>): void {
    for (const t of terms) this.cache.delete(t);
  }
}
