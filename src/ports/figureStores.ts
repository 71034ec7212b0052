import type { ExtractSnapshot } from '../domain/waits/extractSnapshot.js';
import type { Referral } from '../domain/waits/referral.js';
import type { ServiceSummary } from '../domain/waits/serviceSummary.js';
import type { MeasureValue } from '../domain/measures/measureRow.js';

/** The storage behind the figures: aggregate counters of the answers, and waiting-list referrals. */

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

export interface ReferralStore {
  listService(serviceId: string): Promise<Referral[]>;
  replaceAll(serviceId: string, referrals: readonly Referral[], onWritten?: (count: number) => void): Promise<void>;
}

/**
 * Each service's summary of its referrals. A generation number makes a rebuild that started before a
 * newer import lose to it (`save` answers "superseded").
 */
export interface WaitSummaryStore {
  get(serviceId: string): Promise<ServiceSummary | undefined>;
  bumpGeneration(serviceId: string): Promise<number>;
  generation(serviceId: string): Promise<number>;
  save(summary: ServiceSummary, generation: number): Promise<'saved' | 'superseded'>;
  /** Keeps what an extract said, one per service and extract date (a later import that day replaces it). */
  saveSnapshot(snapshot: ExtractSnapshot, generation: number): Promise<'saved' | 'superseded'>;
  /** Every extract kept for the service, oldest first. */
  snapshots(serviceId: string): Promise<ExtractSnapshot[]>;
}

/** A framework measure's figure as stored: when it was loaded and from which file. */
export type StoredMeasureValue = MeasureValue & { loadedAt: string; file: string };

/** The framework measures' figures (one per measure and period). */
export interface MeasureStore {
  /** Stores each figure, replacing what was stored for the same measure and period. */
  save(values: readonly StoredMeasureValue[]): Promise<void>;
  /** Every period of one measure, oldest first. */
  list(measureId: string): Promise<StoredMeasureValue[]>;
}
