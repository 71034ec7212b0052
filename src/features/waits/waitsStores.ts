import type { ExtractSnapshot } from './domain/extractSnapshot.js';
import type { Referral } from './domain/referral.js';
import type { ServiceSummary } from './domain/serviceSummary.js';

/** The storage behind waiting times: the referrals of each extract and each service's summary of them. */

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
