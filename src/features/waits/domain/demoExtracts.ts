import { addDays } from '../../../domain/dates.js';
import { seededRandom } from '../../../domain/random/seededRandom.js';
import { REFERRAL_COLUMNS, type Referral } from './referral.js';

/**
 * Synthetic waiting-list extracts shaped like real ones, relative to a given "today", so a demo
 * shows services in different states: SALT close to its 92% target with some late triage, autism
 * and the ND pathway with long waits well over target, ADHD in between, EHC needs assessments
 * mixed around the 20-week limit. Deterministic (seeded PRNG): the same today gives the same files.
 * No people: ids are like SALT-000123 and there are no names or other personal fields.
 */
export type DemoProfile = {
  referralsPerWeek: number;
  historyWeeks: number;
  /** Weeks from referral to first seen: log-normal around the median, `spread` its log-sd. */
  seenMedianWeeks: number;
  seenSpread: number;
  /** Share closed without being seen (withdrawn, moved away, not assessed). */
  closedUnseenShare: number;
  /** Share of those seen later discharged (closed after being seen). */
  dischargedShare: number;
  /** Share triaged within 2 weeks; the rest 15–35 days late. Undefined: the service records no triage. */
  triageOnTimeShare?: number;
};

export const DEMO_PROFILES: Readonly<Record<string, DemoProfile>> = {
  salt: {
    referralsPerWeek: 12,
    historyWeeks: 130,
    seenMedianWeeks: 11,
    seenSpread: 0.33,
    closedUnseenShare: 0.06,
    dischargedShare: 0.6,
    triageOnTimeShare: 0.97,
  },
  asd: {
    referralsPerWeek: 9,
    historyWeeks: 160,
    seenMedianWeeks: 56,
    seenSpread: 0.3,
    closedUnseenShare: 0.05,
    dischargedShare: 0.8,
  },
  adhd: {
    referralsPerWeek: 7,
    historyWeeks: 150,
    seenMedianWeeks: 44,
    seenSpread: 0.35,
    closedUnseenShare: 0.05,
    dischargedShare: 0.5,
  },
  nd: {
    referralsPerWeek: 10,
    historyWeeks: 150,
    seenMedianWeeks: 30,
    seenSpread: 0.4,
    closedUnseenShare: 0.07,
    dischargedShare: 0.5,
    triageOnTimeShare: 0.8,
  },
  ehcna: {
    referralsPerWeek: 4,
    historyWeeks: 150,
    seenMedianWeeks: 19,
    seenSpread: 0.2,
    closedUnseenShare: 0.2,
    dischargedShare: 0,
  },
};

/** For a service added to the catalogue without a demo profile of its own. */
const DEFAULT_PROFILE: DemoProfile = {
  referralsPerWeek: 5,
  historyWeeks: 104,
  seenMedianWeeks: 16,
  seenSpread: 0.4,
  closedUnseenShare: 0.05,
  dischargedShare: 0.5,
};

/** The demo referrals of one service as known on `today` (no event after today), oldest first. */
export function demoReferrals(serviceId: string, shortName: string, today: string, seed = 20261122): Referral[] {
  const p = DEMO_PROFILES[serviceId] ?? DEFAULT_PROFILE;
  const random = seededRandom(seed ^ hash(serviceId));
  const total = Math.round(p.referralsPerWeek * p.historyWeeks);
  const ages = Array.from({ length: total }, () => Math.floor(random() * p.historyWeeks * 7)).sort((a, b) => b - a);
  const prefix = shortName.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const onOrBefore = (days: number, referredOn: string, age: number) =>
    days <= age ? addDays(referredOn, days) : undefined;

  return ages.map((age, i) => {
    const referredOn = addDays(today, -age);
    const referral: Referral = {
      referralId: `${prefix}-${String(i + 1).padStart(6, '0')}`,
      service: serviceId,
      referredOn,
    };
    if (p.triageOnTimeShare !== undefined) {
      const lag = random() < p.triageOnTimeShare ? Math.floor(random() * 15) : 15 + Math.floor(random() * 21);
      const triagedOn = onOrBefore(lag, referredOn, age);
      if (triagedOn) referral.triagedOn = triagedOn;
    }
    const seenLag = Math.max(0, Math.round(p.seenMedianWeeks * 7 * Math.exp(p.seenSpread * normal(random))));
    if (random() < p.closedUnseenShare) {
      const closedOn = onOrBefore(Math.floor(random() * seenLag), referredOn, age);
      if (closedOn) referral.closedOn = closedOn;
      return referral;
    }
    const firstSeenOn = onOrBefore(seenLag, referredOn, age);
    if (firstSeenOn) {
      referral.firstSeenOn = firstSeenOn;
      if (random() < p.dischargedShare) {
        const closedOn = onOrBefore(seenLag + 28 + Math.floor(random() * 250), referredOn, age);
        if (closedOn) referral.closedOn = closedOn;
      }
    }
    return referral;
  });
}

/** The extract as CSV text with the SPEC.md header. Values never need quoting (ids and dates only). */
export function referralsToCsv(referrals: readonly Referral[]): string {
  const rows = referrals.map((r) =>
    [r.referralId, r.service, r.referredOn, r.triagedOn ?? '', r.firstSeenOn ?? '', r.closedOn ?? ''].join(','),
  );
  return [REFERRAL_COLUMNS.join(','), ...rows].join('\n') + '\n';
}

/** A standard normal draw (Box–Muller). */
function normal(random: () => number): number {
  const u = 1 - random(); // (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** FNV-1a, so each service gets its own stream from one seed. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return h >>> 0;
}
