import { expect } from 'chai';
import fc from 'fast-check';
import { addDays } from '../../../src/domain/dates.js';
import type { Referral } from '../../../src/features/waits/domain/referral.js';
import { loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import type { Service } from '../../../src/features/waits/domain/serviceCatalogue.js';
import {
  buildServiceSummary,
  parseServiceSummary,
  statsFromSummary,
  type ServiceSummary,
} from '../../../src/features/waits/domain/serviceSummary.js';
import type { TermWindow } from '../../../src/features/waits/domain/statistics.js';
import { waitingListStats } from '../../../src/features/waits/domain/waitingListStats.js';
import { naiveStats } from './naiveStats.js';

const services = loadServiceCatalogue();
const salt = services.find((s) => s.id === 'salt')!;
const autumn = { start: '2026-09-01', end: '2026-12-31' };
const spring = { start: '2027-01-01', end: '2027-03-31' };
const r = (id: string, referredOn: string, more: Partial<Referral> = {}): Referral => ({
  referralId: id,
  service: 'salt',
  referredOn,
  ...more,
});
/** As it would come back from an Azure Table string property. */
const stored = (summary: ServiceSummary) => parseServiceSummary(JSON.parse(JSON.stringify(summary)));

/** Mostly small numbers, so day-exact edges (14 days, 18 weeks, term ends) come up often; sometimes large ones. */
const days = (small: [number, number], large: [number, number]) =>
  fc.oneof(fc.integer({ min: small[0], max: small[1] }), fc.integer({ min: large[0], max: large[1] }));

/** Referrals as a generator sees them: days relative to asOf, each event optional. */
const referralArb = (asOf: string, allowLater: boolean) =>
  fc
    .record({
      service: fc.constantFrom('salt', 'salt', 'nd', 'asd', 'ehcna'),
      referredDaysBefore: days([allowLater ? -5 : 0, 30], [allowLater ? -20 : 0, 900]),
      triageLag: fc.option(days([12, 16], [0, 40])),
      // Lags of exactly a target (18, 20 or 52 weeks) and a day either side.
      seenLag: fc.option(
        fc.oneof(days([0, 30], [0, 500]), fc.constantFrom(125, 126, 127, 139, 140, 141, 363, 364, 365)),
      ),
      closedLag: fc.option(days([0, 30], [0, 500])),
    })
    .map(({ service, referredDaysBefore, triageLag, seenLag, closedLag }) => {
      const referredOn = addDays(asOf, -referredDaysBefore);
      const ref: Referral = { referralId: 'x', service, referredOn };
      const at = (lag: number | null) => (lag === null ? undefined : addDays(referredOn, lag));
      const keep = (date: string | undefined) =>
        date !== undefined && (allowLater || date <= asOf) ? date : undefined;
      const triagedOn = keep(at(triageLag));
      const firstSeenOn = keep(at(seenLag));
      const closedOn = keep(at(closedLag));
      if (triagedOn) ref.triagedOn = triagedOn;
      if (firstSeenOn) ref.firstSeenOn = firstSeenOn;
      if (closedOn) ref.closedOn = closedOn;
      return ref;
    });

/** Terms as windows around asOf (some overlapping, some before, some after); the query picks one. */
const termsArb = (asOf: string) =>
  fc.array(
    fc
      .record({ startDaysBefore: days([-10, 40], [-120, 900]), length: days([0, 30], [0, 200]) })
      .map(({ startDaysBefore, length }) => {
        const start = addDays(asOf, -startDaysBefore);
        return { start, end: addDays(start, length) };
      }),
    { minLength: 1, maxLength: 4 },
  );

const scenarioArb = (allowLater: boolean) =>
  fc.integer({ min: 0, max: 1600 }).chain((asOfOffset) => {
    const asOf = addDays('2023-01-01', asOfOffset); // crosses the 2024 leap day
    return fc.record({
      asOf: fc.constant(asOf),
      service: fc.constantFrom<Service>(salt, salt, ...services),
      referrals: fc.array(referralArb(asOf, allowLater), { maxLength: 150, size: 'large' }),
      terms: termsArb(asOf),
      daysAfter: days([0, 20], [0, 800]),
      termIndex: fc.nat(),
      futureTermStart: fc.integer({ min: 1, max: 400 }),
      askFutureTerm: fc.boolean(),
    });
  });

const pickTerm = (s: {
  terms: TermWindow[];
  termIndex: number;
  askFutureTerm: boolean;
  futureTermStart: number;
  asOf: string;
}): TermWindow =>
  s.askFutureTerm
    ? { start: addDays(s.asOf, s.futureTermStart), end: addDays(s.asOf, s.futureTermStart + 90) }
    : s.terms[s.termIndex % s.terms.length];

/** What was known on asOf: later referrals and events have not happened yet. */
function knownOn(referrals: Referral[], asOf: string): Referral[] {
  return referrals
    .filter((x) => x.referredOn <= asOf)
    .map((x) => {
      const k: Referral = { referralId: x.referralId, service: x.service, referredOn: x.referredOn };
      if (x.triagedOn && x.triagedOn <= asOf) k.triagedOn = x.triagedOn;
      if (x.firstSeenOn && x.firstSeenOn <= asOf) k.firstSeenOn = x.firstSeenOn;
      if (x.closedOn && x.closedOn <= asOf) k.closedOn = x.closedOn;
      return k;
    });
}

describe('service summary (bounded storage for waiting-list figures)', () => {
  it('gives exactly the figures of the full referral list for every date on or after its "as of" (property)', () => {
    fc.assert(
      fc.property(scenarioArb(false), (s) => {
        const onDate = addDays(s.asOf, s.daysAfter);
        const term = pickTerm(s);
        const summary = stored(buildServiceSummary(s.referrals, s.service, s.asOf, s.terms));
        expect(statsFromSummary(summary, s.service, onDate, term)).to.deep.equal(
          waitingListStats(s.referrals, s.service, onDate, term),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('treats events dated after its "as of" as not yet known (property)', () => {
    fc.assert(
      fc.property(scenarioArb(true), (s) => {
        const onDate = addDays(s.asOf, s.daysAfter);
        const term = pickTerm(s);
        const summary = buildServiceSummary(s.referrals, s.service, s.asOf, s.terms);
        expect(statsFromSummary(summary, s.service, onDate, term)).to.deep.equal(
          waitingListStats(knownOn(s.referrals, s.asOf), s.service, onDate, term),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with a literal reading of the SPEC definitions on any date (property)', () => {
    fc.assert(
      fc.property(scenarioArb(true), days([-20, 20], [-900, 400]), (s, shift) => {
        const onDate = addDays(s.asOf, shift);
        const term = pickTerm(s);
        expect(waitingListStats(s.referrals, s.service, onDate, term)).to.deep.equal(
          naiveStats(s.referrals, s.service, onDate, term),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('keeps hand-computed figures as the days pass: waits grow, the waiting set does not change', () => {
    const refs = [
      r('a', '2026-07-01'),
      r('b', '2026-11-15'),
      r('c', '2026-09-01', { triagedOn: '2026-09-03', firstSeenOn: '2026-10-01' }),
      r('d', '2026-11-20', { triagedOn: '2026-11-21' }),
    ];
    const summary = stored(buildServiceSummary(refs, salt, '2026-11-22', [autumn, spring]));
    const now = statsFromSummary(summary, salt, '2026-11-22', autumn);
    expect(now).to.include({ waiting: 3, longestWeeks: 20.6, referralsToDate: 4 }); // a: 144 days
    expect(now.triagedWithinTarget).to.include({ numerator: 2, denominator: 2 }); // b is 7 days in: not due yet
    const later = statsFromSummary(summary, salt, '2026-12-01', autumn);
    expect(later).to.include({ waiting: 3, longestWeeks: 21.9 }); // 153 days
    expect(later.triagedWithinTarget).to.include({ numerator: 2, denominator: 3 }); // b: 16 days, untriaged
    expect(later.bands.map((b) => b.count)).to.deep.equal([0, 1, 1, 0, 0, 1, 0]); // d 11 days, b 16, a 153
    // A new term with nothing known in it yet: no data, not 0%.
    const spring1 = statsFromSummary(summary, salt, '2027-01-10', { start: '2027-01-01', end: '2027-03-31' });
    expect(spring1.seenWithinTargetThisTerm.share).to.equal(null);
    expect(spring1.triagedWithinTarget!.share).to.equal(null);
  });

  it('counts an untriaged referral exactly 2 weeks old on its "as of" as due from the next day only', () => {
    const summary = buildServiceSummary(
      [r('a', '2026-11-08'), r('b', '2026-11-01', { triagedOn: '2026-11-02' })],
      salt,
      '2026-11-22',
      [autumn],
    );
    expect(statsFromSummary(summary, salt, '2026-11-22', autumn).triagedWithinTarget).to.include({
      numerator: 1,
      denominator: 1,
    });
    expect(statsFromSummary(summary, salt, '2026-11-23', autumn).triagedWithinTarget).to.include({
      numerator: 1,
      denominator: 2,
    });
  });

  it('refuses a date before its "as of", a term it has no counts for, and stale targets', () => {
    const summary = buildServiceSummary([r('a', '2026-07-01')], salt, '2026-11-22', [autumn]);
    expect(() => statsFromSummary(summary, salt, '2026-11-21', autumn)).to.throw(
      /as of 2026-11-22; it cannot answer for the earlier date 2026-11-21/,
    );
    expect(() => statsFromSummary(summary, salt, '2026-11-22', { start: '2026-04-01', end: '2026-08-31' })).to.throw(
      /no counts for the term 2026-04-01 to 2026-08-31/,
    );
    const changed: Service = { ...salt, targets: { ...salt.targets, seen: { ...salt.targets.seen, weeks: 16 } } };
    expect(() => statsFromSummary(summary, changed, '2026-11-22', autumn)).to.throw(/other targets/);
    expect(() =>
      statsFromSummary(
        summary,
        services.find((s) => s.id === 'nd')!,
        '2026-11-22',
        autumn,
      ),
    ).to.throw(/for service "salt"/);
  });

  it('refuses a damaged stored summary', () => {
    const summary = JSON.parse(
      JSON.stringify(buildServiceSummary([r('a', '2026-07-01')], salt, '2026-11-22', [autumn])),
    ) as Record<string, unknown>;
    expect(() => parseServiceSummary({ ...summary, waitingRuns: [0] })).to.throw(/pairs/);
    expect(() => parseServiceSummary({ ...summary, asOf: '2026-02-30' })).to.throw(/real date/);
  });

  it('stays small enough for one Azure Table string property with 100k referrals, 30k waiting, over 3 years', function () {
    this.timeout(30_000);
    const asOf = '2026-11-22';
    const referrals: Referral[] = [];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 100_000; i++) {
      const age = Math.floor(next() * 3 * 365);
      const referredOn = addDays(asOf, -age);
      const ref = r(`SALT-${i}`, referredOn, {
        triagedOn: addDays(referredOn, Math.min(age, Math.floor(next() * 20))),
      });
      if (i % 10 >= 3 && age > 0) ref.firstSeenOn = addDays(referredOn, Math.floor(next() * age));
      referrals.push(ref);
    }
    const terms = Array.from({ length: 4 }, (_, y) => 2023 + y).flatMap((y) => [
      { start: `${y}-01-01`, end: `${y}-03-31` },
      { start: `${y}-04-01`, end: `${y}-08-31` },
      { start: `${y}-09-01`, end: `${y}-12-31` },
    ]);
    const summary = buildServiceSummary(referrals, salt, asOf, terms);
    const json = JSON.stringify(summary);
    expect(statsFromSummary(summary, salt, asOf, terms[11]).waiting).to.be.within(29_000, 31_000);
    expect(json.length).to.be.lessThan(32_000);
  });
});
