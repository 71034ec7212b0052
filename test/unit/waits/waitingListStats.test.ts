import { expect } from 'chai';
import { loadServiceCatalogue } from '../../../src/domain/waits/serviceCatalogue.js';
import { isWaiting, nearestRank, ragOf, waitingListStats } from '../../../src/domain/waits/waitingListStats.js';
import type { Referral } from '../../../src/domain/waits/referral.js';

const services = loadServiceCatalogue();
const salt = services.find((s) => s.id === 'salt')!;
const nd = services.find((s) => s.id === 'nd')!;
const autumn = { start: '2026-09-01', end: '2026-12-31' };
const r = (id: string, referredOn: string, more: Partial<Referral> = {}): Referral => ({ referralId: id, service: 'salt', referredOn, ...more });

describe('services catalogue', () => {
  it('holds the five services with the targets of the Written Statement of Action', () => {
    expect(services.map((s) => s.id)).to.deep.equal(['salt', 'asd', 'adhd', 'nd', 'ehcna']);
    expect(salt.seen).to.deep.equal({ weeks: 18, share: 0.92 });
    expect(salt.triage).to.deep.equal({ weeks: 2, share: 1 });
    expect(services.find((s) => s.id === 'asd')!.seen.weeks).to.equal(52);
    expect(services.find((s) => s.id === 'ehcna')!.seen.weeks).to.equal(20);
  });
});

describe('waiting-list statistics (hand-computed)', () => {
  it('does not count a referral seen on the day it was referred as waiting', () => {
    const s = waitingListStats([r('a', '2026-10-01', { firstSeenOn: '2026-10-01' })], salt, '2026-10-01', autumn);
    expect(s.waiting).to.equal(0);
    expect(s.seenWithinTargetThisTerm).to.include({ numerator: 1, denominator: 1, share: 1, rag: 'green' });
  });

  it('does not count a referral closed without being seen, and leaves it out of "seen"', () => {
    const s = waitingListStats([r('a', '2026-09-01', { closedOn: '2026-10-01' })], salt, '2026-11-01', autumn);
    expect(s.waiting).to.equal(0);
    expect(s.seenWithinTargetThisTerm.share).to.equal(null);
    expect(isWaiting(r('a', '2026-09-01', { closedOn: '2026-10-01' }), '2026-09-30')).to.equal(true);
  });

  it('counts a referral on the first day of term in that term, and one seen on the last day of the previous term not', () => {
    const list = [r('a', '2026-09-01', { triagedOn: '2026-09-10', firstSeenOn: '2026-09-01' }), r('b', '2026-06-01', { firstSeenOn: '2026-08-31' })];
    const s = waitingListStats(list, salt, '2026-10-01', autumn);
    expect(s.seenWithinTargetThisTerm).to.include({ numerator: 1, denominator: 1 });
    expect(s.triagedWithinTarget).to.include({ numerator: 1, denominator: 1, share: 1 });
  });

  it('counts days across a leap day exactly', () => {
    // 2024-02-28 → 2024-03-13 is 14 days (29 February included): triaged exactly on the 2-week limit.
    const s = waitingListStats([r('a', '2024-02-28', { triagedOn: '2024-03-13' })], salt, '2024-03-20', { start: '2024-01-01', end: '2024-03-31' });
    expect(s.triagedWithinTarget).to.include({ numerator: 1, denominator: 1 });
    expect(s.longestWeeks).to.equal(3); // 21 days: 28 Feb → 29 Feb → 20 Mar
  });

  it('reports an empty service as no data (nulls), not as zero per cent', () => {
    const s = waitingListStats([], nd, '2026-10-01', autumn);
    expect(s).to.include({ waiting: 0, medianWeeks: null, p92Weeks: null, longestWeeks: null, rag: null });
    expect(s.waitingUnderTarget.share).to.equal(null);
    expect(s.triagedWithinTarget).to.equal(null); // ND has no triage target
  });

  it('computes median, 92nd percentile, longest and bands when every referral is still waiting', () => {
    // Waits on 2026-12-01: 0, 7, 20, 84, 126, 130, 400 days.
    const refs = ['2026-12-01', '2026-11-24', '2026-11-11', '2026-09-08', '2026-07-28', '2026-07-24', '2025-10-27'].map((d, i) => r(`w${i}`, d));
    const s = waitingListStats(refs, salt, '2026-12-01', autumn);
    expect(s.waiting).to.equal(7);
    expect(s.medianWeeks).to.equal(12); // 4th of 7: 84 days
    expect(s.p92Weeks).to.equal(57.1); // rank ceil(6.44) = 7: 400 days
    expect(s.longestWeeks).to.equal(57.1);
    expect(s.bands.map((b) => b.count)).to.deep.equal([1, 1, 1, 0, 1, 2, 1]); // 0 | 7 | 20 | — | 84 | 126,130 | 400
    expect(s.waitingUnderTarget).to.include({ numerator: 4, denominator: 7 }); // under 126 days
  });

  it('moves a wait of exactly 18 weeks from 12–18 into 18–52 as today moves on', () => {
    const ref = [r('a', '2026-07-01')];
    const day125 = waitingListStats(ref, salt, '2026-11-03', autumn);
    const day126 = waitingListStats(ref, salt, '2026-11-04', autumn);
    expect(day125.bands.find((b) => b.label === '12–18')!.count).to.equal(1);
    expect(day126.bands.find((b) => b.label === '18–52')!.count).to.equal(1);
    expect(day125.waitingUnderTarget.numerator).to.equal(1);
    expect(day126.waitingUnderTarget.numerator).to.equal(0);
  });

  it('takes the nearest rank for percentiles', () => {
    expect(nearestRank([5], 92)).to.equal(5);
    expect(nearestRank([1, 2, 3, 4], 50)).to.equal(2);
    expect(nearestRank(Array.from({ length: 25 }, (_, i) => i + 1), 92)).to.equal(23);
    expect(nearestRank([], 50)).to.equal(null);
  });

  it('rates green at or above target, amber within 5 points below, red below that', () => {
    expect(ragOf(0.92, 0.92)).to.equal('green');
    expect(ragOf(0.87, 0.92)).to.equal('amber');
    expect(ragOf(0.869, 0.92)).to.equal('red');
    expect(ragOf(null, 0.92)).to.equal(null);
  });

  it('rates the service by its worst target (triage before seen)', () => {
    // Seen in time (green) but triaged late (red).
    const s = waitingListStats([r('a', '2026-09-01', { triagedOn: '2026-09-30', firstSeenOn: '2026-10-01' })], salt, '2026-10-15', autumn);
    expect(s.seenWithinTargetThisTerm.rag).to.equal('green');
    expect(s.triagedWithinTarget?.rag).to.equal('red');
    expect(s.rag).to.equal('red');
  });

  it('ignores events after the date asked about', () => {
    const s = waitingListStats([r('a', '2026-09-01', { firstSeenOn: '2026-11-01' })], salt, '2026-10-01', autumn);
    expect(s.waiting).to.equal(1);
    expect(s.seenWithinTargetThisTerm.denominator).to.equal(0);
  });
});
