import { daysBetween } from '../dates.js';
import type { Referral } from './referral.js';
import type { Service } from './serviceCatalogue.js';

/**
 * Waiting-list figures for one service on one date, as SPEC.md defines them (NHS community-services
 * style). A referral is waiting on D if referred_on ≤ D and it was neither seen nor closed on or before D.
 * Waits are whole days ÷ 7. Shares are null, not 0, when nobody is in their denominator.
 */
export const BANDS = [
  { label: '0–1', from: 0, to: 1 },
  { label: '1–2', from: 1, to: 2 },
  { label: '2–4', from: 2, to: 4 },
  { label: '4–12', from: 4, to: 12 },
  { label: '12–18', from: 12, to: 18 },
  { label: '18–52', from: 18, to: 52 },
  { label: 'over 52', from: 52, to: Infinity },
] as const; // each band includes its lower edge: exactly 18 weeks is in 18–52

export type Rag = 'green' | 'amber' | 'red';
export type Share = { numerator: number; denominator: number; share: number | null; target: number; rag: Rag | null };

export type WaitingListStats = {
  service: string;
  onDate: string;
  waiting: number;
  medianWeeks: number | null;
  p92Weeks: number | null;
  longestWeeks: number | null;
  bands: { label: string; count: number }[];
  waitingUnderTarget: Share;
  seenWithinTargetThisTerm: Share;
  triagedWithinTarget: Share | null;
  rag: Rag | null;
};

const weeks = (days: number) => days / 7;
const oneDecimal = (v: number) => Math.round(v * 10) / 10;

/** Nearest-rank percentile: the smallest value with at least p% of values at or below it. */
export function nearestRank(sortedAscending: number[], p: number): number | null {
  if (sortedAscending.length === 0) return null;
  return sortedAscending[Math.max(1, Math.ceil((p / 100) * sortedAscending.length)) - 1]!;
}

/** Green at or above target, amber within 5 percentage points below, red below that. */
export function ragOf(share: number | null, target: number): Rag | null {
  if (share === null) return null;
  if (share >= target - 1e-9) return 'green';
  return share >= target - 0.05 - 1e-9 ? 'amber' : 'red';
}

function share(numerator: number, denominator: number, target: number): Share {
  const value = denominator === 0 ? null : numerator / denominator;
  return { numerator, denominator, share: value, target, rag: ragOf(value, target) };
}

const happenedBy = (date: string | undefined, d: string) => date !== undefined && date <= d;

export function isWaiting(r: Referral, d: string): boolean {
  return r.referredOn <= d && !happenedBy(r.firstSeenOn, d) && !happenedBy(r.closedOn, d);
}

export function waitingListStats(referrals: Referral[], service: Service, onDate: string, term: { start: string; end: string }): WaitingListStats {
  const mine = referrals.filter((r) => r.service === service.id);
  const waits = mine.filter((r) => isWaiting(r, onDate)).map((r) => daysBetween(r.referredOn, onDate)).sort((a, b) => a - b);
  const targetDays = service.seen.weeks * 7;

  // Seen in the current term (up to the date asked about): within target if seen ≤ target weeks after referral.
  const termEnd = term.end < onDate ? term.end : onDate;
  const seenThisTerm = mine.filter((r) => r.firstSeenOn !== undefined && r.firstSeenOn >= term.start && r.firstSeenOn <= termEnd);
  const seenInTime = seenThisTerm.filter((r) => daysBetween(r.referredOn, r.firstSeenOn!) <= targetDays).length;

  // Triage: referrals made this term whose triage window has ended by the date, or that were triaged already.
  let triaged: Share | null = null;
  if (service.triage) {
    const windowDays = service.triage.weeks * 7;
    const due = mine.filter((r) => r.referredOn >= term.start && r.referredOn <= termEnd && (happenedBy(r.triagedOn, onDate) || daysBetween(r.referredOn, onDate) >= windowDays));
    const inTime = due.filter((r) => happenedBy(r.triagedOn, onDate) && daysBetween(r.referredOn, r.triagedOn!) <= windowDays).length;
    triaged = share(inTime, due.length, service.triage.share);
  }

  const seen = share(seenInTime, seenThisTerm.length, service.seen.share);
  const under = share(waits.filter((d) => d < targetDays).length, waits.length, service.seen.share);
  const rags = [seen.rag, triaged?.rag ?? null].filter((r): r is Rag => r !== null);
  const order: Rag[] = ['red', 'amber', 'green'];
  return {
    service: service.id,
    onDate,
    waiting: waits.length,
    medianWeeks: waits.length ? oneDecimal(weeks(nearestRank(waits, 50)!)) : null,
    p92Weeks: waits.length ? oneDecimal(weeks(nearestRank(waits, 92)!)) : null,
    longestWeeks: waits.length ? oneDecimal(weeks(waits[waits.length - 1]!)) : null,
    bands: BANDS.map((b) => ({ label: b.label, count: waits.filter((d) => weeks(d) >= b.from && weeks(d) < b.to).length })),
    waitingUnderTarget: under,
    seenWithinTargetThisTerm: seen,
    triagedWithinTarget: triaged,
    rag: rags.length ? order.find((o) => rags.includes(o))! : null,
  };
}
