import { daysBetween } from '../../../domain/dates.js';
import type { Referral } from './referral.js';
import type { Service } from './serviceCatalogue.js';
import {
  assembleStats,
  type SeenCounts,
  type TermWindow,
  type TriageCounts,
  type WaitHistogram,
  type WaitingListStats,
} from './statistics.js';

/**
 * SPEC.md's waiting-list figures for one service on date D, straight from the referrals. Only what
 * was known on D counts: an event dated after D has not happened yet, so the same extract answers
 * "as of" any earlier date too. Conventions (bands, percentiles, RAG) are in statistics.ts.
 */
export function waitingListStats(
  referrals: readonly Referral[],
  service: Service,
  onDate: string,
  term: TermWindow,
): WaitingListStats {
  const mine = referrals.filter((r) => r.service === service.id && r.referredOn <= onDate);
  return assembleStats(service, onDate, term, {
    referralsToDate: mine.length,
    waits: waitHistogram(mine, onDate),
    seen: seenCountsOf(mine, service, onDate, term),
    triage: triageCountsOf(mine, service, onDate, term),
  });
}

/** True if the event has a date and it is on or before D. */
export const happenedBy = (date: string | undefined, d: string): boolean => date !== undefined && date <= d;

/** Waiting on D: referred on or before D, and neither seen nor closed on or before D. */
export function isWaiting(r: Referral, d: string): boolean {
  return r.referredOn <= d && !happenedBy(r.firstSeenOn, d) && !happenedBy(r.closedOn, d);
}

/** Seen within the "seen" target: first seen no more than target weeks × 7 days after referral. */
export function seenInTime(r: Referral, service: Service): boolean {
  return r.firstSeenOn !== undefined && daysBetween(r.referredOn, r.firstSeenOn) <= service.targets.seen.weeks * 7;
}

/** Triaged within the triage target (false when the service has none or the referral is untriaged). */
export function triagedInTime(r: Referral, service: Service): boolean {
  const target = service.targets.triage;
  return (
    target !== undefined && r.triagedOn !== undefined && daysBetween(r.referredOn, r.triagedOn) <= target.weeks * 7
  );
}

/** The last day of the term window as seen from D: nothing after D is known yet. */
export function windowEnd(term: TermWindow, onDate: string): string {
  return term.end < onDate ? term.end : onDate;
}

function waitHistogram(referrals: readonly Referral[], onDate: string): WaitHistogram {
  const counts = new Map<number, number>();
  for (const r of referrals) {
    if (!isWaiting(r, onDate)) continue;
    const days = daysBetween(r.referredOn, onDate);
    counts.set(days, (counts.get(days) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** Those first seen in the term up to D (term.start ≤ first_seen_on ≤ min(D, term.end)), and how many in time. */
export function seenCountsOf(
  referrals: readonly Referral[],
  service: Service,
  onDate: string,
  term: TermWindow,
): SeenCounts {
  const last = windowEnd(term, onDate);
  const seen = referrals.filter(
    (r) => r.firstSeenOn !== undefined && r.firstSeenOn >= term.start && r.firstSeenOn <= last,
  );
  return { seen: seen.length, seenInTime: seen.filter((r) => seenInTime(r, service)).length };
}

/**
 * Triage denominator: referrals made in the term up to D (term.start ≤ referred_on ≤ min(D, term.end))
 * that are "due" on D — already triaged by D, or whose last in-time day (referred_on + target weeks × 7)
 * is before D. One still inside its window and untriaged is left out: it may yet be triaged in time,
 * and counting it would make every new referral look like a miss. Numerator: the due ones triaged in time.
 */
export function triageCountsOf(
  referrals: readonly Referral[],
  service: Service,
  onDate: string,
  term: TermWindow,
): TriageCounts {
  const target = service.targets.triage;
  if (target === undefined) return { due: 0, inTime: 0 };
  const last = windowEnd(term, onDate);
  let due = 0;
  let inTime = 0;
  for (const r of referrals) {
    if (r.referredOn < term.start || r.referredOn > last) continue;
    const triaged = happenedBy(r.triagedOn, onDate);
    if (!triaged && daysBetween(r.referredOn, onDate) <= target.weeks * 7) continue;
    due++;
    if (triaged && triagedInTime(r, service)) inTime++;
  }
  return { due, inTime };
}
