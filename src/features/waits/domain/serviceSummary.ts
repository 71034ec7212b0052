import { z } from 'zod';
import { validated } from '../../../domain/validated.js';
import { daysBetween, isRealIsoDate } from '../../../domain/dates.js';
import type { Referral } from './referral.js';
import type { Service } from './serviceCatalogue.js';
import { assembleStats, type TermWindow, type TriageCounts, type WaitingListStats } from './statistics.js';
import { isWaiting, seenCountsOf, triagedInTime } from './waitingListStats.js';

/**
 * A service's waiting list compressed to what answers any question on or after its "as of" date.
 *
 * Why this is enough: after an import nothing later than asOf is known, so for every D ≥ asOf the
 * waiting set is the one of asOf (only their waits grow), first-seen and triage dates are all ≤ asOf,
 * and only untriaged referrals still inside their triage window at asOf can change the triage
 * denominator as D moves on. So the summary keeps: the referral dates of those waiting (run-length),
 * and per term the seen and triage counts plus those few in-window referral dates.
 *
 * Size: O(distinct referral dates among those waiting + terms × (triage weeks × 7 + 1)), not O(referrals).
 * 100k referrals over 3 years with 30k waiting serialise to well under 32,000 characters (tested), so
 * one Azure Table string property holds it.
 */
const isoDate = z.string().refine(isRealIsoDate, 'must be a real date written YYYY-MM-DD');
const count = z.number().int().nonnegative();

const termCountsSchema = z.object({
  start: isoDate,
  end: isoDate,
  /** First seen in [start, min(end, asOf)], and of those how many within target. */
  seen: count,
  seenInTime: count,
  /** Referred in [start, min(end, asOf)] and triaged by asOf, and of those how many within target. */
  triaged: count,
  triagedInTime: count,
  /** Referred in the term, untriaged at asOf and already past their window: due (and missed) for every D ≥ asOf. */
  untriagedOverdue: count,
  /** Untriaged at asOf but still inside their window, by referral date: each becomes due (missed) once D > referred_on + window. */
  untriagedInWindow: z.array(z.tuple([isoDate, count])),
});

/** The stored shape; also used to read a summary back from storage (zod at the edge). */
export const serviceSummarySchema = z.object({
  version: z.literal(1),
  serviceId: z.string().min(1),
  asOf: isoDate,
  /** The targets the counts were made with, in days: a catalogue edit makes the summary stale. */
  seenWithinDays: count,
  triageWithinDays: count.nullable(),
  referralsToDate: count,
  /** Earliest referred_on among those waiting on asOf (null when nobody waits). */
  waitingFrom: isoDate.nullable(),
  /** Pairs (days after the previous date — the first counts from waitingFrom —, how many waiting were referred that day). */
  waitingRuns: z.array(count).refine((runs) => runs.length % 2 === 0, 'must hold (gap, count) pairs'),
  terms: z.array(termCountsSchema),
});

export type ServiceSummary = z.infer<typeof serviceSummarySchema>;
export type TermCounts = z.infer<typeof termCountsSchema>;

/** Reads a stored summary back, naming the damaged field if it does not fit. */
export function parseServiceSummary(raw: unknown): ServiceSummary {
  return validated(serviceSummarySchema, raw, 'stored waiting-list summary is damaged at');
}

/** Builds the summary of one service's referrals as known on asOf (any event dated after asOf is ignored). */
export function buildServiceSummary(
  referrals: readonly Referral[],
  service: Service,
  asOf: string,
  terms: readonly TermWindow[],
): ServiceSummary {
  const known = referrals.filter((r) => r.service === service.id && r.referredOn <= asOf).map((r) => knownOn(r, asOf));
  const waitingDates = new Map<string, number>();
  for (const r of known)
    if (isWaiting(r, asOf)) waitingDates.set(r.referredOn, (waitingDates.get(r.referredOn) ?? 0) + 1);
  const dates = [...waitingDates.keys()].sort();
  const waitingRuns: number[] = [];
  dates.forEach((date, i) => waitingRuns.push(i === 0 ? 0 : daysBetween(dates[i - 1], date), waitingDates.get(date)!));

  const distinct = new Map(terms.map((t) => [termKey(t), t]));
  return {
    version: 1,
    serviceId: service.id,
    asOf,
    seenWithinDays: service.targets.seen.weeks * 7,
    triageWithinDays: service.targets.triage ? service.targets.triage.weeks * 7 : null,
    referralsToDate: known.length,
    waitingFrom: dates[0] ?? null,
    waitingRuns,
    terms: [...distinct.values()].map((t) => termCounts(known, service, asOf, t)),
  };
}

/** The figures for D ≥ summary.asOf, identical to `waitingListStats` over the referrals it was built from. */
export function statsFromSummary(
  summary: ServiceSummary,
  service: Service,
  onDate: string,
  term: TermWindow,
): WaitingListStats {
  if (summary.serviceId !== service.id)
    throw new Error(`summary is for service "${summary.serviceId}", not "${service.id}"`);
  if (onDate < summary.asOf)
    throw new RangeError(
      `the ${service.id} summary is as of ${summary.asOf}; it cannot answer for the earlier date ${onDate}`,
    );
  const triageDays = service.targets.triage ? service.targets.triage.weeks * 7 : null;
  if (summary.seenWithinDays !== service.targets.seen.weeks * 7 || summary.triageWithinDays !== triageDays) {
    throw new Error(`the ${service.id} summary was built with other targets than the catalogue's; rebuild it`);
  }

  // Walk the runs forward in referral date (longest wait first), then reverse for an ascending histogram.
  const histogram: Array<[number, number]> = [];
  if (summary.waitingFrom !== null) {
    let days = daysBetween(summary.waitingFrom, onDate);
    for (let i = 0; i < summary.waitingRuns.length; i += 2) {
      days -= summary.waitingRuns[i];
      histogram.push([days, summary.waitingRuns[i + 1]]);
    }
    histogram.reverse();
  }

  const counts = termCountsFor(summary, term);
  const triage: TriageCounts = { due: counts.triaged + counts.untriagedOverdue, inTime: counts.triagedInTime };
  if (triageDays !== null) {
    for (const [referredOn, n] of counts.untriagedInWindow)
      if (daysBetween(referredOn, onDate) > triageDays) triage.due += n;
  }
  return assembleStats(service, onDate, term, {
    referralsToDate: summary.referralsToDate,
    waits: histogram,
    seen: { seen: counts.seen, seenInTime: counts.seenInTime },
    triage,
  });
}

function termCountsFor(summary: ServiceSummary, term: TermWindow): TermCounts {
  const found = summary.terms.find((t) => termKey(t) === termKey(term));
  if (found) return found;
  // A term that starts after asOf holds nothing known yet, so it needs no stored counts.
  if (term.start > summary.asOf)
    return {
      ...term,
      seen: 0,
      seenInTime: 0,
      triaged: 0,
      triagedInTime: 0,
      untriagedOverdue: 0,
      untriagedInWindow: [],
    };
  throw new Error(
    `the ${summary.serviceId} summary as of ${summary.asOf} has no counts for the term ${term.start} to ${term.end}; rebuild it with that term`,
  );
}

function termCounts(known: readonly Referral[], service: Service, asOf: string, term: TermWindow): TermCounts {
  const seen = seenCountsOf(known, service, asOf, term);
  const result: TermCounts = {
    start: term.start,
    end: term.end,
    ...seen,
    triaged: 0,
    triagedInTime: 0,
    untriagedOverdue: 0,
    untriagedInWindow: [],
  };
  const target = service.targets.triage;
  if (target === undefined) return result;
  const last = term.end < asOf ? term.end : asOf;
  const inWindow = new Map<string, number>();
  for (const r of known) {
    if (r.referredOn < term.start || r.referredOn > last) continue;
    if (r.triagedOn !== undefined) {
      result.triaged++;
      if (triagedInTime(r, service)) result.triagedInTime++;
    } else if (daysBetween(r.referredOn, asOf) > target.weeks * 7) result.untriagedOverdue++;
    else inWindow.set(r.referredOn, (inWindow.get(r.referredOn) ?? 0) + 1);
  }
  result.untriagedInWindow = [...inWindow].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return result;
}

/** The referral as known on asOf: later events have not happened yet. */
function knownOn(r: Referral, asOf: string): Referral {
  const known: Referral = { referralId: r.referralId, service: r.service, referredOn: r.referredOn };
  if (r.triagedOn !== undefined && r.triagedOn <= asOf) known.triagedOn = r.triagedOn;
  if (r.firstSeenOn !== undefined && r.firstSeenOn <= asOf) known.firstSeenOn = r.firstSeenOn;
  if (r.closedOn !== undefined && r.closedOn <= asOf) known.closedOn = r.closedOn;
  return known;
}

const termKey = (t: TermWindow) => `${t.start}/${t.end}`;
