import { expect } from 'chai';
import type { ExtractSnapshot } from '../../src/features/waits/domain/extractSnapshot.js';
import type { Referral } from '../../src/features/waits/domain/referral.js';
import type { ServiceSummary } from '../../src/features/waits/domain/serviceSummary.js';
import type { ReferralStore, WaitSummaryStore } from '../../src/features/waits/waitsStores.js';
import { eachTestGets, type StoreFactory } from './support/contract.js';

const referral = (id: string, over: Partial<Referral> = {}): Referral => ({
  referralId: id,
  service: 'salt',
  referredOn: '2026-01-05',
  ...over,
});
const byId = (list: Referral[]) => [...list].sort((a, b) => a.referralId.localeCompare(b.referralId));

export function describeReferralStoreContract(name: string, makeStore: StoreFactory<ReferralStore>) {
  describe(`ReferralStore contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('lists what was written for the service, with only the dates each referral has', async () => {
      expect(await store().listService('salt')).to.deep.equal([]);
      const written = [
        referral('R-1'),
        referral('R-2', { triagedOn: '2026-01-10', firstSeenOn: '2026-02-01', closedOn: '2026-03-01' }),
        referral('R-3', { triagedOn: '2026-01-12' }),
      ];
      await store().replaceAll('salt', written);
      expect(byId(await store().listService('salt'))).to.deep.equal(written);
      expect(await store().listService('ot'), 'another service').to.deep.equal([]);
    });

    it('a re-imported referral replaces the one with its id; referrals not in the new extract stay', async () => {
      await store().replaceAll('salt', [referral('R-1'), referral('R-2')]);
      await store().replaceAll('ot', [referral('R-1', { service: 'ot', referredOn: '2026-02-02' })]);
      await store().replaceAll('salt', [referral('R-1', { triagedOn: '2026-01-20' }), referral('R-4')]);
      expect(byId(await store().listService('salt'))).to.deep.equal([
        referral('R-1', { triagedOn: '2026-01-20' }),
        referral('R-2'),
        referral('R-4'),
      ]);
      expect(await store().listService('ot')).to.deep.equal([
        referral('R-1', { service: 'ot', referredOn: '2026-02-02' }),
      ]);
    });

    it('reports progress adding up to every referral written, for a large extract too', async () => {
      const many = Array.from({ length: 250 }, (_, i) => referral(`R-${String(i).padStart(4, '0')}`));
      const reported: number[] = [];
      await store().replaceAll('salt', many, (n) => reported.push(n));
      expect(reported.reduce((a, b) => a + b, 0)).to.equal(250);
      expect(byId(await store().listService('salt'))).to.deep.equal(many);
    });

    it("refuses a referral of another service in a service's extract", async () => {
      let refused: unknown;
      await store()
        .replaceAll('salt', [referral('R-1', { service: 'ot' })])
        .catch((e: unknown) => (refused = e));
      expect(refused).to.be.instanceOf(Error);
      expect(await store().listService('ot')).to.deep.equal([]);
    });
  });
}

const summary = (over: Partial<ServiceSummary> = {}): ServiceSummary => ({
  version: 1,
  serviceId: 'salt',
  asOf: '2026-10-31',
  seenWithinDays: 126,
  triageWithinDays: 42,
  referralsToDate: 10,
  waitingFrom: '2026-06-01',
  waitingRuns: [0, 2, 30, 1],
  terms: [
    {
      start: '2026-09-01',
      end: '2026-12-19',
      seen: 3,
      seenInTime: 2,
      triaged: 4,
      triagedInTime: 3,
      untriagedOverdue: 1,
      untriagedInWindow: [['2026-10-20', 1]],
    },
  ],
  ...over,
});

const snapshot = (asOf: string, waiting: number, serviceId = 'salt'): ExtractSnapshot => ({
  version: 1,
  serviceId,
  asOf,
  waiting,
  medianWeeks: 12.5,
  bands: [{ label: '0 to 18 weeks', fromWeeks: 0, toWeeks: 18, count: waiting }],
  underTarget: { withinWeeks: 18, count: waiting },
  underAim: null,
});

export function describeWaitSummaryStoreContract(name: string, makeStore: StoreFactory<WaitSummaryStore>) {
  describe(`WaitSummaryStore contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('knows nothing of a service never imported', async () => {
      expect(await store().get('salt')).to.equal(undefined);
      expect(await store().generation('salt')).to.equal(0);
      expect(await store().snapshots('salt')).to.deep.equal([]);
    });

    it('counts generations per service, one at a time even when bumped at once', async () => {
      expect(await store().bumpGeneration('salt')).to.equal(1);
      expect(await store().generation('salt')).to.equal(1);
      const at = await Promise.all([1, 2, 3, 4].map(() => store().bumpGeneration('salt')));
      expect([...at].sort()).to.deep.equal([2, 3, 4, 5]);
      expect(await store().generation('salt')).to.equal(5);
      expect(await store().generation('ot')).to.equal(0);
    });

    it('gives back the summary it saved', async () => {
      const g = await store().bumpGeneration('salt');
      expect(await store().save(summary(), g)).to.equal('saved');
      expect(await store().get('salt')).to.deep.equal(summary());
      expect(await store().get('ot')).to.equal(undefined);
    });

    it('a summary built from an earlier generation than the stored one is superseded and changes nothing', async () => {
      const older = await store().bumpGeneration('salt');
      const newer = await store().bumpGeneration('salt');
      expect(await store().save(summary({ referralsToDate: 12 }), newer)).to.equal('saved');
      expect(await store().save(summary({ referralsToDate: 10 }), older)).to.equal('superseded');
      expect((await store().get('salt'))?.referralsToDate).to.equal(12);
      expect(await store().save(summary({ referralsToDate: 13 }), newer), 'the same generation again').to.equal(
        'saved',
      );
      expect((await store().get('salt'))?.referralsToDate).to.equal(13);
    });

    it('a rebuild from an earlier generation saves while no later summary is stored, and the later one replaces it', async () => {
      const older = await store().bumpGeneration('salt');
      const newer = await store().bumpGeneration('salt');
      expect(await store().save(summary({ referralsToDate: 10 }), older)).to.equal('saved');
      expect((await store().get('salt'))?.referralsToDate).to.equal(10);
      expect(await store().save(summary({ referralsToDate: 12 }), newer)).to.equal('saved');
      expect((await store().get('salt'))?.referralsToDate).to.equal(12);
    });

    it('keeps one extract per date, oldest first, under the same generation rule', async () => {
      const g1 = await store().bumpGeneration('salt');
      const g2 = await store().bumpGeneration('salt');
      expect(await store().saveSnapshot(snapshot('2026-10-01', 7), g2)).to.equal('saved');
      expect(await store().saveSnapshot(snapshot('2026-09-01', 9), g1), 'no later one for that date').to.equal('saved');
      expect(await store().saveSnapshot(snapshot('2026-10-01', 8), g1), 'a later one for that date').to.equal(
        'superseded',
      );
      expect(await store().saveSnapshot(snapshot('2026-10-01', 6), g2), 'a later import that day').to.equal('saved');
      await store().saveSnapshot(snapshot('2026-10-01', 1, 'ot'), 1);
      expect(await store().snapshots('salt')).to.deep.equal([snapshot('2026-09-01', 9), snapshot('2026-10-01', 6)]);
    });
  });
}
