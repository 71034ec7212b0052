import { isRated } from '../../../domain/targets/targetProvenance.js';
import type { Service, ServiceTarget } from './serviceCatalogue.js';

/**
 * The shared vocabulary of waiting-list figures, and the one place their conventions live:
 * - A wait is whole days ÷ 7, reported in weeks to 1 decimal.
 * - Percentiles use the nearest-rank method (see `nearestRank`); the median is the 50th percentile,
 *   so for an even count it is the lower of the two middle waits (always a wait someone really had).
 * - Bands include their lower edge and exclude their upper one: [0,1) [1,2) [2,4) [4,12) [12,18)
 *   [18,52) and 52+. So a wait of exactly 18 weeks is in 18–52, and exactly 52 weeks in "52 and over".
 * - "Waiting under target" is strict (wait < target weeks): on the day a child reaches 18 weeks they
 *   are no longer under 18 weeks. "Seen / triaged within" is inclusive (gap ≤ target weeks), as the
 *   targets say "within 18 weeks or less".
 * - Shares are null, never 0, when nobody is in their denominator: "no data" is not "0%".
 * - RAG (see `ragOf`) only against a target the sources or statute set (see targetProvenance.ts), and only
 *   on the measure it was set for: seen within, and triaged within. The overall RAG is the worst of those
 *   that have data. "Waiting under target" is information: no source sets a target for it.
 */

/** A term, or any inclusive date range; the lead's term calendar supplies it. */
export type TermWindow = { start: string; end: string };
export type Rag = 'green' | 'amber' | 'red';
export type Share = { numerator: number; denominator: number; share: number | null };
/** A share measured against a target: at least `targetShare` within `withinWeeks`. */
export type RatedShare = Share & { withinWeeks: number; targetShare: number; rag: Rag | null };
export type BandCount = { label: string; fromWeeks: number; toWeeks: number | null; count: number };

export type WaitingListStats = {
  serviceId: string;
  onDate: string;
  term: TermWindow;
  /** Referrals made on or before onDate: 0 means no data was loaded, not that nobody waits. */
  referralsToDate: number;
  waiting: number;
  medianWeeks: number | null;
  p92Weeks: number | null;
  longestWeeks: number | null;
  bands: BandCount[];
  /** Those waiting on onDate who have waited less than the "seen" target weeks: information, never rated. */
  waitingUnderTarget: Share & { withinWeeks: number };
  /** The same against the longer-term aim (ASD, ADHD); not RAG-rated; null when the service has no aim. */
  waitingUnderAim: (Share & { withinWeeks: number }) | null;
  /** Of those first seen between term.start and min(onDate, term.end): seen within target. */
  seenWithinTargetThisTerm: RatedShare;
  /** Null when the service has no triage target (see `triageCountsOf` for the denominator). */
  triagedWithinTarget: RatedShare | null;
  rag: Rag | null;
};

export const BANDS: ReadonlyArray<{ label: string; fromWeeks: number; toWeeks: number | null }> = [
  { label: '0–1', fromWeeks: 0, toWeeks: 1 },
  { label: '1–2', fromWeeks: 1, toWeeks: 2 },
  { label: '2–4', fromWeeks: 2, toWeeks: 4 },
  { label: '4–12', fromWeeks: 4, toWeeks: 12 },
  { label: '12–18', fromWeeks: 12, toWeeks: 18 },
  { label: '18–52', fromWeeks: 18, toWeeks: 52 },
  { label: '52 and over', fromWeeks: 52, toWeeks: null },
];

/** Waits of those waiting, as (days waited, how many) sorted by days ascending, each days value once. */
export type WaitHistogram = ReadonlyArray<readonly [days: number, count: number]>;
export type SeenCounts = { seen: number; seenInTime: number };
export type TriageCounts = { due: number; inTime: number };
/** Everything the figures depend on, however it was counted. */
export type WaitingListCounts = {
  referralsToDate: number;
  waits: WaitHistogram;
  seen: SeenCounts;
  triage: TriageCounts;
};

/** Days ÷ 7 to 1 decimal. Integer maths first: 10·days/7 is never exactly x.5, so rounding is unambiguous. */
export function weeksOneDecimal(days: number): number {
  return Math.round((days * 10) / 7) / 10;
}

/**
 * Nearest-rank percentile of a sorted list: the value at 1-based rank ⌈p·n/100⌉ (at least 1), i.e. the
 * smallest value with at least p% of values at or below it. `percent` is a whole number so the rank
 * is computed exactly (0.92·50 in floating point could round the wrong way).
 */
export function nearestRank(sortedAscending: readonly number[], percent: number): number | null {
  if (sortedAscending.length === 0) return null;
  return sortedAscending[rankOf(sortedAscending.length, percent) - 1] ?? null;
}

function rankOf(n: number, percent: number): number {
  return Math.min(n, Math.max(1, Math.ceil((percent * n) / 100)));
}

/** The nearest-rank percentile of a histogram, without expanding it into one entry per referral. */
export function histogramPercentile(histogram: WaitHistogram, percent: number): number | null {
  const n = histogram.reduce((sum, [, count]) => sum + count, 0);
  if (n === 0) return null;
  const rank = rankOf(n, percent);
  let seen = 0;
  for (const [days, count] of histogram) {
    seen += count;
    if (seen >= rank) return days;
  }
  return null;
}

// A share a/b that differs from a two-decimal target differs by at least 1/(100·b), over 1e-8 for up to a
// million referrals, so this tolerance only absorbs floating-point error (0.92 − 0.05 is 0.8700000000000001).
const EPSILON = 1e-9;

/** Green at or above target; amber below it by at most 5 percentage points; red below that; null without data. */
export function ragOf(share: number | null, targetShare: number): Rag | null {
  if (share === null) return null;
  if (share >= targetShare - EPSILON) return 'green';
  return share >= targetShare - 0.05 - EPSILON ? 'amber' : 'red';
}

const RAG_ORDER: readonly Rag[] = ['red', 'amber', 'green'];
export function worstRag(rags: ReadonlyArray<Rag | null>): Rag | null {
  return RAG_ORDER.find((r) => rags.includes(r)) ?? null;
}

export function shareOf(numerator: number, denominator: number): Share {
  return { numerator, denominator, share: denominator === 0 ? null : numerator / denominator };
}

function rated(numerator: number, denominator: number, target: ServiceTarget): RatedShare {
  const s = shareOf(numerator, denominator);
  const rag = isRated(target.provenance) ? ragOf(s.share, target.share) : null;
  return { ...s, withinWeeks: target.weeks, targetShare: target.share, rag };
}

/**
 * Every figure from the counts it depends on. Both routes — raw referrals and the stored summary —
 * end here, so they cannot disagree on percentiles, bands, rounding or RAG.
 */
export function assembleStats(
  service: Service,
  onDate: string,
  term: TermWindow,
  counts: WaitingListCounts,
): WaitingListStats {
  const { referralsToDate, waits, seen, triage } = counts;
  const waiting = waits.reduce((sum, [, count]) => sum + count, 0);
  const countUnder = (days: number) => waits.reduce((sum, [d, count]) => (d < days ? sum + count : sum), 0);
  const { seen: seenTarget, triage: triageTarget, aim } = service.targets;
  const weeksOf = (days: number | null) => (days === null ? null : weeksOneDecimal(days));

  const waitingUnderTarget = { ...shareOf(countUnder(seenTarget.weeks * 7), waiting), withinWeeks: seenTarget.weeks };
  const seenWithinTargetThisTerm = rated(seen.seenInTime, seen.seen, seenTarget);
  const triagedWithinTarget = triageTarget ? rated(triage.inTime, triage.due, triageTarget) : null;
  return {
    serviceId: service.id,
    onDate,
    term: { start: term.start, end: term.end },
    referralsToDate,
    waiting,
    medianWeeks: weeksOf(histogramPercentile(waits, 50)),
    p92Weeks: weeksOf(histogramPercentile(waits, 92)),
    longestWeeks: weeksOf(waits.length ? waits[waits.length - 1][0] : null),
    bands: BANDS.map((b) => ({
      ...b,
      count: countUnder(b.toWeeks === null ? Infinity : b.toWeeks * 7) - countUnder(b.fromWeeks * 7),
    })),
    waitingUnderTarget,
    waitingUnderAim: aim ? { ...shareOf(countUnder(aim.weeks * 7), waiting), withinWeeks: aim.weeks } : null,
    seenWithinTargetThisTerm,
    triagedWithinTarget,
    rag: worstRag([seenWithinTargetThisTerm.rag, triagedWithinTarget?.rag ?? null]),
  };
}
