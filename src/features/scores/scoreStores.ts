/** The storage behind the survey figures: aggregate counters of the answers. */

/** One row of counters (e.g. `cyp~voice`: seen, positive, sum of scores …). */
export type CounterRow = Record<string, number>;
/** term id → row key → counters. */
export type TermCounters = Map<string, Map<string, CounterRow>>;

export interface AggregateCounters {
  /** The counters of the given terms (an empty map for a term with none). */
  read(terms: string[]): Promise<TermCounters>;
}

export interface AggregateMaintenance {
  readAll(): Promise<TermCounters>;
  replaceAll(expected: TermCounters): Promise<void>;
}
