import { expect } from 'chai';
import fc from 'fast-check';
import { answerChange, snapshotOf, type ExtractSnapshot } from '../../../src/features/waits/domain/extractSnapshot.js';
import { discloseSnapshot, discloseWaits } from '../../../src/features/waits/domain/disclosedWaits.js';
import { waitingListStats } from '../../../src/features/waits/domain/waitingListStats.js';
import { loadServiceCatalogue, loadTermCalendar } from '../../../src/seeds/loadSeeds.js';
import { addDays } from '../../../src/domain/dates.js';

const snap = (asOf: string, waiting: number): ExtractSnapshot => ({
  version: 1,
  serviceId: 'salt',
  asOf,
  waiting,
  medianWeeks: 3,
  bands: [],
  underTarget: { withinWeeks: 18, count: waiting },
  underAim: null,
});

describe('extract snapshots: which extracts a change question compares', () => {
  const kept = [snap('2026-07-15', 14), snap('2026-09-01', 20), snap('2026-09-20', 25), snap('2026-11-22', 30)];

  it('"since September" is the list as it stood on 1 September: the last extract on or before it', () => {
    const a = answerChange(kept, { kind: 'sinceMonth', month: 9 }, '2026-12-01');
    expect(a).to.deep.include({ kind: 'compared', since: '2026-09-01' });
    expect((a as { then: ExtractSnapshot }).then.asOf).to.equal('2026-09-01');
  });

  it('a month later in the year than today is last year\'s ("since December" asked in March)', () => {
    const a = answerChange(
      [snap('2025-11-30', 5), snap('2026-03-10', 9)],
      { kind: 'sinceMonth', month: 12 },
      '2026-03-10',
    );
    expect(a).to.deep.include({ kind: 'compared', since: '2025-12-01' });
  });

  it('with nothing on or before the date, the first extract within that month, said as such', () => {
    const a = answerChange(kept.slice(2), { kind: 'sinceMonth', month: 9 }, '2026-12-01');
    expect((a as { then: ExtractSnapshot }).then.asOf).to.equal('2026-09-20');
  });

  it('says so when nothing goes back that far, and never compares the latest with itself', () => {
    expect(answerChange(kept, { kind: 'sinceMonth', month: 3 }, '2026-12-01')).to.deep.include({
      kind: 'nothingThatOld',
      since: '2026-03-01',
    });
    expect(answerChange([snap('2026-11-22', 30)], { kind: 'sinceMonth', month: 11 }, '2026-12-01').kind).to.equal(
      'nothingThatOld',
    );
    expect(answerChange([], { kind: 'trend' }, '2026-12-01').kind).to.equal('noData');
  });

  it('"compared with last term" is the last extract on or before that term\'s end', () => {
    const terms = loadTermCalendar();
    const summer = terms.previous(terms.termOf('2026-11-22'));
    const a = answerChange(kept, { kind: 'sinceTerm', term: summer }, '2026-12-01');
    expect((a as { then: ExtractSnapshot }).then.asOf).to.equal('2026-07-15');
  });

  it("a comparison hides exactly what the extract's own card hid (property)", () => {
    const salt = loadServiceCatalogue().find((s) => s.id === 'salt')!;
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 80 }), { maxLength: 40 }), (weeksAgo) => {
        const referrals = weeksAgo.map((w, i) => ({
          referralId: `r${i}`,
          service: 'salt',
          referredOn: addDays('2026-11-22', -(w * 7 + (i % 7))),
        }));
        const stats = waitingListStats(referrals, salt, '2026-11-22', { start: '2026-09-01', end: '2026-12-31' });
        const card = discloseWaits(stats);
        const compared = discloseSnapshot(snapshotOf(stats));
        expect(compared.waiting).to.deep.equal(card.waiting);
        expect(compared.medianWeeks).to.deep.equal(card.medianWeeks);
        expect(compared.underTarget.count).to.deep.equal(card.waitingUnderTarget.numerator);
        expect(compared.underTarget.share.shown).to.equal(card.waitingUnderTarget.share.shown);
      }),
      { numRuns: 300 },
    );
  });
});
