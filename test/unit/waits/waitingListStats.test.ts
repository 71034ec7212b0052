import { expect } from 'chai';
import type { Referral } from '../../../src/features/waits/domain/referral.js';
import { loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { isWaiting, waitingListStats } from '../../../src/features/waits/domain/waitingListStats.js';

const services = loadServiceCatalogue();
const service = (id: string) => services.find((s) => s.id === id)!;
const salt = service('salt');
const autumn = { start: '2026-09-01', end: '2026-12-31' };
const r = (id: string, referredOn: string, more: Partial<Referral> = {}): Referral => ({
  referralId: id,
  service: 'salt',
  referredOn,
  ...more,
});
const band = (s: ReturnType<typeof waitingListStats>, label: string) => s.bands.find((b) => b.label === label)!.count;

describe('waiting-list statistics (hand-computed)', () => {
  it('counts a referral seen on its referral day as not waiting, and as seen within target', () => {
    const s = waitingListStats([r('a', '2026-10-01', { firstSeenOn: '2026-10-01' })], salt, '2026-10-01', autumn);
    expect(s).to.include({ referralsToDate: 1, waiting: 0, longestWeeks: null });
    expect(s.seenWithinTargetThisTerm).to.include({ numerator: 1, denominator: 1, share: 1, rag: 'green' });
  });

  it('counts a referral closed without being seen as waiting until the day it closed, and never as seen', () => {
    const closed = r('a', '2026-09-01', { closedOn: '2026-10-01' });
    expect(isWaiting(closed, '2026-09-30')).to.equal(true);
    expect(isWaiting(closed, '2026-10-01')).to.equal(false);
    const s = waitingListStats([closed], salt, '2026-11-01', autumn);
    expect(s.waiting).to.equal(0);
    expect(s.seenWithinTargetThisTerm).to.include({ denominator: 0, share: null, rag: null });
  });

  it('counts the first and last day of term in the term, and the day before or after not', () => {
    const list = [
      r('start', '2026-05-01', { firstSeenOn: '2026-09-01' }),
      r('before', '2026-05-01', { firstSeenOn: '2026-08-31' }),
      r('end', '2026-12-01', { firstSeenOn: '2026-12-31' }),
      r('after', '2026-12-01', { firstSeenOn: '2027-01-01' }),
    ];
    const s = waitingListStats(list, salt, '2027-01-05', autumn);
    // 2026-05-01 → 2026-09-01 is 123 days (in time); 2026-12-01 → 2026-12-31 is 30 days.
    expect(s.seenWithinTargetThisTerm).to.include({ numerator: 2, denominator: 2, share: 1 });
  });

  it("counts a referral made on the first day of term in that term's triage", () => {
    const s = waitingListStats(
      [r('a', '2026-09-01', { triagedOn: '2026-09-10' }), r('b', '2026-08-31', { triagedOn: '2026-09-30' })],
      salt,
      '2026-10-01',
      autumn,
    );
    expect(s.triagedWithinTarget).to.include({ numerator: 1, denominator: 1, share: 1, rag: 'green' });
  });

  it('counts days across 29 February exactly', () => {
    // 2024-02-28 → 2024-03-13 is 14 days with the leap day: triaged on the last in-time day.
    const s = waitingListStats([r('a', '2024-02-28', { triagedOn: '2024-03-13' })], salt, '2024-03-20', {
      start: '2024-01-01',
      end: '2024-03-31',
    });
    expect(s.triagedWithinTarget).to.include({ numerator: 1, denominator: 1 });
    expect(s.longestWeeks).to.equal(3); // 21 days
  });

  it('puts a wait of exactly 52 weeks from a leap-day referral in "52 and over" only', () => {
    const leap = [r('a', '2024-02-29')];
    const at363 = waitingListStats(leap, salt, '2025-02-26', autumn); // 363 days
    const at364 = waitingListStats(leap, salt, '2025-02-27', autumn); // 364 days = 52 weeks
    expect([band(at363, '18–52'), band(at363, '52 and over')]).to.deep.equal([1, 0]);
    expect([band(at364, '18–52'), band(at364, '52 and over')]).to.deep.equal([0, 1]);
    expect(at364.longestWeeks).to.equal(52);
  });

  it('reports an empty service as no data (nulls), not as zero per cent', () => {
    const s = waitingListStats([r('x', '2026-09-01')], service('nd'), '2026-10-01', autumn); // a SALT referral only
    expect(s).to.include({
      referralsToDate: 0,
      waiting: 0,
      medianWeeks: null,
      p92Weeks: null,
      longestWeeks: null,
      rag: null,
    });
    expect(s.bands.every((b) => b.count === 0)).to.equal(true);
    expect(s.waitingUnderTarget.share).to.equal(null);
    expect(s.seenWithinTargetThisTerm.share).to.equal(null);
    expect(s.triagedWithinTarget).to.equal(null); // ND has no triage target
  });

  it('computes median, 92nd percentile, longest and bands when every referral is still waiting', () => {
    // Waits on 2026-12-01: 0, 7, 20, 84, 126, 130, 400 days.
    const refs = ['2026-12-01', '2026-11-24', '2026-11-11', '2026-09-08', '2026-07-28', '2026-07-24', '2025-10-27'].map(
      (d, i) => r(`w${i}`, d),
    );
    const s = waitingListStats(refs, salt, '2026-12-01', autumn);
    expect(s.waiting).to.equal(7);
    expect(s.medianWeeks).to.equal(12); // rank ⌈3.5⌉ = 4: 84 days
    expect(s.p92Weeks).to.equal(57.1); // rank ⌈6.44⌉ = 7: 400 days
    expect(s.longestWeeks).to.equal(57.1);
    expect(s.bands.map((b) => b.count)).to.deep.equal([1, 1, 1, 0, 1, 2, 1]); // 0 | 7 | 20 | — | 84 | 126, 130 | 400
    expect(s.waitingUnderTarget).to.include({ numerator: 4, denominator: 7 }); // under 126 days
    expect(s.rag, 'decided by triage (below), not by the share waiting').to.equal('red');
    // Referred this term: 12-01 and 11-24 are inside their 2 weeks; 11-11 and 09-08 are past them, untriaged.
    expect(s.triagedWithinTarget).to.include({ numerator: 0, denominator: 2, share: 0, rag: 'red' });
    expect(s.seenWithinTargetThisTerm.share).to.equal(null);
    expect(s.rag).to.equal('red');
  });

  it('moves a wait of exactly 18 weeks from 12–18 into 18–52, and out of "under target", as today moves on', () => {
    const ref = [r('a', '2026-07-01')];
    const day125 = waitingListStats(ref, salt, '2026-11-03', autumn);
    const day126 = waitingListStats(ref, salt, '2026-11-04', autumn);
    expect([band(day125, '12–18'), band(day125, '18–52')]).to.deep.equal([1, 0]);
    expect([band(day126, '12–18'), band(day126, '18–52')]).to.deep.equal([0, 1]);
    expect(day125.waitingUnderTarget.numerator).to.equal(1);
    expect(day126.waitingUnderTarget.numerator).to.equal(0);
    expect(day126.longestWeeks).to.equal(18);
  });

  it('counts a child seen on the 126th day as seen within 18 weeks, and on the 127th as late', () => {
    const s = waitingListStats(
      [r('a', '2026-07-01', { firstSeenOn: '2026-11-04' }), r('b', '2026-07-01', { firstSeenOn: '2026-11-05' })],
      salt,
      '2026-11-22',
      autumn,
    );
    expect(s.seenWithinTargetThisTerm).to.include({ numerator: 1, denominator: 2, share: 0.5 });
  });

  it('leaves an untriaged referral out of the triage share until its 2 weeks are over', () => {
    const list = [
      r('a', '2026-10-01'), // 14 days on 10-15: may still be triaged in time
      r('b', '2026-09-30'), // 15 days: missed
      r('c', '2026-10-10', { triagedOn: '2026-10-12' }), // in time
      r('d', '2026-08-20', { triagedOn: '2026-09-20' }), // referred last term
      r('e', '2026-09-05', { triagedOn: '2026-09-25' }), // 20 days: late
    ];
    expect(waitingListStats(list, salt, '2026-10-15', autumn).triagedWithinTarget).to.include({
      numerator: 1,
      denominator: 3,
    });
    expect(waitingListStats(list, salt, '2026-10-16', autumn).triagedWithinTarget).to.include({
      numerator: 1,
      denominator: 4,
    });
  });

  it('rates the service by its worst target', () => {
    // Seen in time (green), nobody waiting (no data), but triaged late (red).
    const s = waitingListStats(
      [r('a', '2026-09-01', { triagedOn: '2026-09-30', firstSeenOn: '2026-10-01' })],
      salt,
      '2026-10-15',
      autumn,
    );
    expect(s.seenWithinTargetThisTerm.rag).to.equal('green');
    expect(s.waitingUnderTarget, 'information, never rated').not.to.have.property('rag');
    expect(s.triagedWithinTarget?.rag).to.equal('red');
    expect(s.rag).to.equal('red');
  });

  it('rates 23 of 25 seen in time (exactly 92%) green, and 87 of 100 (5 points below) amber', () => {
    const seen = (inTime: number, late: number) => [
      ...Array.from({ length: inTime }, (_, i) =>
        r(`ok${i}`, '2026-08-01', { triagedOn: '2026-08-02', firstSeenOn: '2026-09-15' }),
      ),
      ...Array.from({ length: late }, (_, i) =>
        r(`late${i}`, '2026-01-01', { triagedOn: '2026-01-02', firstSeenOn: '2026-09-15' }),
      ),
    ];
    expect(waitingListStats(seen(23, 2), salt, '2026-10-01', autumn).seenWithinTargetThisTerm).to.include({
      share: 0.92,
      rag: 'green',
    });
    expect(waitingListStats(seen(87, 13), salt, '2026-10-01', autumn).seenWithinTargetThisTerm).to.include({
      share: 0.87,
      rag: 'amber',
    });
    expect(waitingListStats(seen(86, 14), salt, '2026-10-01', autumn).seenWithinTargetThisTerm).to.include({
      share: 0.86,
      rag: 'red',
    });
  });

  it('ignores events after the date asked about', () => {
    const s = waitingListStats(
      [r('a', '2026-09-01', { firstSeenOn: '2026-11-01' }), r('b', '2026-10-02')],
      salt,
      '2026-10-01',
      autumn,
    );
    expect(s).to.include({ referralsToDate: 1, waiting: 1 });
    expect(s.seenWithinTargetThisTerm.denominator).to.equal(0);
  });

  it('reports autism waits against the 12-month target and the 18-week aim', () => {
    const asd = service('asd');
    const refs = ['2026-11-01', '2026-05-01', '2025-09-01'].map((d, i) => r(`a${i}`, d, { service: 'asd' }));
    const s = waitingListStats(refs, asd, '2026-11-22', autumn); // waits of 21, 205 and 447 days
    expect(s.waitingUnderTarget).to.deep.equal({ numerator: 2, denominator: 3, share: 2 / 3, withinWeeks: 52 });
    expect(s.waitingUnderAim).to.deep.equal({ numerator: 1, denominator: 3, share: 1 / 3, withinWeeks: 18 });
    expect(s.triagedWithinTarget).to.equal(null);
  });

  it('gives EHC needs assessments as plans issued within 20 weeks this term, number in progress and longest', () => {
    const ehcna = service('ehcna');
    const refs = [
      r('on-time', '2026-04-23', { service: 'ehcna', firstSeenOn: '2026-09-10' }), // 140 days: exactly 20 weeks
      r('late', '2026-04-22', { service: 'ehcna', firstSeenOn: '2026-09-10' }), // 141 days
      r('open', '2026-06-01', { service: 'ehcna' }), // 174 days on 11-22
      r('not-assessed', '2026-06-01', { service: 'ehcna', closedOn: '2026-07-13' }),
    ];
    const s = waitingListStats(refs, ehcna, '2026-11-22', autumn);
    expect(s.seenWithinTargetThisTerm).to.include({
      numerator: 1,
      denominator: 2,
      share: 0.5,
      withinWeeks: 20,
      rag: 'red',
    });
    expect(s).to.include({ waiting: 1, longestWeeks: 24.9 });
  });
});
