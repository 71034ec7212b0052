import type { Clock } from '../../domain/clock.js';
import type { TermCalendar } from '../../domain/terms/termCalendar.js';
import { resolveTerm } from '../../domain/terms/termRef.js';
import type { WaitsChangeRef } from '../../understanding/types.js';
import type { Service } from './domain/serviceCatalogue.js';
import { buildServiceSummary, statsFromSummary } from './domain/serviceSummary.js';
import type { Rag } from './domain/statistics.js';
import type { ServiceWaits } from './domain/serviceWaits.js';
import { waitingListStats } from './domain/waitingListStats.js';
import type { ReferralStore, WaitSummaryStore } from './waitsStores.js';
import { answerChange, snapshotOf, type ExtractSnapshot, type WaitsChange } from './domain/extractSnapshot.js';
import {
  discloseAt,
  discloseChange,
  discloseWaits,
  type DisclosedAt,
  type DisclosedChange,
  type DisclosedShare,
} from './domain/disclosedWaits.js';
import { answerAt } from './domain/extractSnapshot.js';
import type { PeriodAsk } from '../../understanding/periodAsk.js';
import { askedPeriod, type AskedPeriod } from '../../domain/terms/askedPeriod.js';

/**
 * Waiting-time figures for questions and digests. A question reads one stored summary per service; the
 * summary is valid for any date on or after its extract, so figures stay right as "today" moves on.
 * Only a date before the extract (BOT_TODAY set back in time) falls back to reading the referrals.
 * Every figure it hands out has passed disclosure control (disclosedWaits.ts): nothing from 1–4 children,
 * nor anything that gives one away, leaves this service, so no presenter decides what is shown.
 */
export class WaitsService {
  constructor(
    readonly catalogue: readonly Service[],
    private readonly terms: TermCalendar,
    private readonly clock: Clock,
    private readonly referrals: ReferralStore,
    private readonly summaries: WaitSummaryStore,
  ) {}

  today(): string {
    return this.clock.today();
  }

  find(serviceId: string): Service | undefined {
    return this.catalogue.find((s) => s.id === serviceId);
  }

  /**
   * A service's figures as at its latest extract (never projected past it: who has been seen since is not
   * known). Only a "today" before the extract (BOT_TODAY set back in time) is answered as of that day.
   */
  async forService(service: Service): Promise<ServiceWaits> {
    const summary = await this.summaries.get(service.id);
    if (!summary || summary.referralsToDate === 0) return { service, hasData: false };
    const today = this.clock.today();
    const onDate = today < summary.asOf ? today : summary.asOf;
    const term = this.terms.termOf(onDate);
    const window = { start: term.start, end: term.end };
    const stats =
      onDate >= summary.asOf
        ? statsFromSummary(summary, service, onDate, window)
        : waitingListStats(await this.referrals.listService(service.id), service, onDate, window);
    return {
      service,
      hasData: true,
      figures: discloseWaits(stats),
      onDate,
      extractAsOf: summary.asOf,
      today,
      termLabel: term.label,
    };
  }

  /**
   * Every service, worst first: red, amber, green, not rated, then services with no data. Ordered on the
   * figures as shown, so a service's place says nothing about a figure its row hides.
   */
  async overview(): Promise<ServiceWaits[]> {
    const all = await Promise.all(this.catalogue.map((s) => this.forService(s)));
    return all.sort((a, b) => severity(b) - severity(a));
  }

  /**
   * Rebuilds a service's summary from its stored referrals, as of today. Called after an import; safe
   * to run on several machines at once (see WaitSummariesRepository).
   */
  async rebuildSummary(service: Service): Promise<{ referrals: number; saved: boolean }> {
    const generation = await this.summaries.generation(service.id);
    const referrals = await this.referrals.listService(service.id);
    const asOf = this.clock.today();
    const term = this.terms.termOf(asOf);
    // The term of the extract and the one before it: a digest for a term just ended still needs it.
    const windows = [term, this.terms.previous(term)].map((t) => ({ start: t.start, end: t.end }));
    const summary = buildServiceSummary(referrals, service, asOf, windows);
    const result = await this.summaries.save(summary, generation);
    // What this extract said, kept beside the others for "changed since" and "trend".
    await this.summaries.saveSnapshot(snapshotOf(statsFromSummary(summary, service, asOf, windows[0]!)), generation);
    return { referrals: referrals.length, saved: result === 'saved' };
  }

  /**
   * The extracts kept for the service, oldest first. A summary saved before extracts were kept (an older
   * version of the bot) still counts as its own extract, so a change question always has the latest.
   */
  private async snapshots(service: Service): Promise<ExtractSnapshot[]> {
    const [kept, summary] = await Promise.all([this.summaries.snapshots(service.id), this.summaries.get(service.id)]);
    if (!summary || summary.referralsToDate === 0 || kept.some((k) => k.asOf === summary.asOf)) return kept;
    const term = this.terms.termOf(summary.asOf);
    const latest = snapshotOf(statsFromSummary(summary, service, summary.asOf, { start: term.start, end: term.end }));
    return [...kept.filter((k) => k.asOf < summary.asOf), latest];
  }

  /** A comparison as asked, with its term placed in the calendar; undefined when there is no such term. */
  resolveChange(ref: WaitsChangeRef): WaitsChange | undefined {
    if (ref.kind !== 'sinceTerm') return ref;
    const term = resolveTerm(ref.term, this.terms, this.clock);
    return term ? { kind: 'sinceTerm', term } : undefined;
  }

  /**
   * "has the SALT waiting list changed since September", "compared with last term", "trend": each extract
   * disclosed exactly as its own card was, so a figure hidden then stays hidden in the comparison.
   */
  async change(service: Service, change: WaitsChange): Promise<DisclosedChange> {
    return discloseChange(answerChange(await this.snapshots(service), change, this.clock.today()));
  }

  /** A period asked placed on the calendar ("October 2026", "the spring term 2025-26"); undefined: no such term. */
  placePeriod(ask: PeriodAsk): AskedPeriod | undefined {
    return askedPeriod(ask, this.terms, this.clock.today());
  }

  /**
   * "SALT waits at the end of October": the list as the last extract on or before the period's end said it
   * stood, beside the latest, each disclosed as its own card was. From the extracts loaded, as change
   * questions are, so "in October" and "since October" agree.
   */
  async at(service: Service, period: AskedPeriod): Promise<DisclosedAt> {
    const end = period.end < this.clock.today() ? period.end : this.clock.today();
    return discloseAt(answerAt(await this.snapshots(service), { start: period.start, end }));
  }

  /**
   * Demo only: what extracts on earlier `dates` would have said, worked out from the stored (synthetic)
   * referrals, so a newcomer can ask how a list has changed. Never used on real data: a real extract's
   * past is what was loaded then, not what today's list implies.
   */
  async recordDemoHistory(service: Service, dates: readonly string[]): Promise<void> {
    const generation = await this.summaries.generation(service.id);
    const referrals = await this.referrals.listService(service.id);
    for (const asOf of dates) {
      const term = this.terms.termOf(asOf);
      const window = { start: term.start, end: term.end };
      const summary = buildServiceSummary(referrals, service, asOf, [window]);
      if (summary.referralsToDate === 0) continue;
      await this.summaries.saveSnapshot(snapshotOf(statsFromSummary(summary, service, asOf, window)), generation);
    }
  }
}

const RAG_SEVERITY: Record<Rag, number> = { red: 4, amber: 3, green: 2 };

/**
 * Higher is worse; ties are broken by the share waiting under target, lowest first (by the share seen in time
 * where nobody waits). Only shown figures count: ordering on a hidden one would let a service's place give
 * away its rating or share (a red from 3 children would sit above an amber while its row says "not rated").
 * A hidden share is passed over as a missing one is; equal services keep the catalogue order.
 */
function severity(w: ServiceWaits): number {
  if (!w.hasData) return 0;
  const d = w.figures;
  const base = d.rag ? RAG_SEVERITY[d.rag] : 1;
  const under = shownShare(d.waitingUnderTarget) ?? shownShare(d.seenWithinTargetThisTerm) ?? 1;
  return base + (1 - under) * 0.5;
}

const shownShare = (s: Pick<DisclosedShare, 'share'>): number | undefined =>
  s.share.shown ? s.share.value : undefined;
