import { expect } from 'chai';
import { demoReferrals } from '../../../src/features/waits/domain/demoExtracts.js';
import type { Referral } from '../../../src/features/waits/domain/referral.js';
import { FakeTurn, fakeWorld, PRACTITIONER } from '../../support/fakes/fakeWorld.js';

/**
 * "Which services are missing their targets?" lists services worst first. A row hides any figure from 1–4
 * children, so the order must not depend on one: otherwise a service's place would give away a rating or a
 * share its own row says nothing about.
 */
describe('waits overview order', () => {
  const TODAY = '2026-11-22';
  const nd = (i: number, dates: Omit<Referral, 'referralId' | 'service'>): Referral => ({
    referralId: `N-${i}`,
    service: 'nd',
    ...dates,
  });
  const late = { referredOn: '2026-01-05', triagedOn: '2026-01-10', firstSeenOn: '2026-10-01' };
  const inTime = { referredOn: '2026-09-01', triagedOn: '2026-09-03', firstSeenOn: '2026-10-01' };
  // Three children on the ND pathway: every figure about them is hidden, whatever they are.
  const hiddenVariants: [string, Referral[]][] = [
    ['3 seen this term, all late (a red from 3 children)', [1, 2, 3].map((i) => nd(i, late))],
    ['3 seen this term, all in time (a green from 3 children)', [1, 2, 3].map((i) => nd(i, inTime))],
    ['3 waiting, all under 18 weeks', [1, 2, 3].map((i) => nd(i, { referredOn: '2026-11-01' }))],
    ['3 waiting, all over 18 weeks', [1, 2, 3].map((i) => nd(i, { referredOn: '2025-11-01' }))],
  ];

  async function overviewOrder(ndReferrals: Referral[]) {
    const w = fakeWorld({ today: TODAY });
    for (const id of ['salt', 'adhd']) {
      const service = w.catalogue.find((s) => s.id === id)!;
      await w.referrals.replaceAll(id, demoReferrals(id, service.shortName, TODAY));
      await w.waits.rebuildSummary(service);
    }
    await w.referrals.replaceAll('nd', ndReferrals);
    await w.waits.rebuildSummary(w.catalogue.find((s) => s.id === 'nd')!);
    const turn = new FakeTurn(PRACTITIONER, { text: 'which services are missing their targets?' });
    await w.router.routeText(turn);
    const text = turn.said[0]!.fullText!;
    return {
      order: [...text.matchAll(/^- \S+ (\w+) \(/gm)].map((m) => m[1]),
      ndRow: text.split('\n').find((l) => l.includes(' ND ('))!,
    };
  }

  it('is the same whatever the hidden figures of a service are (its row hides them all)', async () => {
    const seen = [];
    for (const [, referrals] of hiddenVariants) seen.push(await overviewOrder(referrals));
    for (const [i, [variant]] of hiddenVariants.entries()) {
      expect(seen[i]!.ndRow, variant).to.match(/⚪ ND \(Not rated\)/);
      expect(seen[i]!.order, variant).to.deep.equal(seen[0]!.order);
    }
    // SALT is amber on shown figures; ADHD, not rated, shows 88% waiting under 52 weeks; ND shows none.
    expect(seen[0]!.order.slice(0, 3)).to.deep.equal(['SALT', 'ADHD', 'ND']);
  });
});
