import { expect } from 'chai';
import fc from 'fast-check';
import { discloseWaitCounts, type WaitCount } from '../../../src/features/waits/domain/waitsDisclosure.js';
import { discloseWaits } from '../../../src/features/waits/domain/disclosedWaits.js';
import { waitingListStats } from '../../../src/features/waits/domain/waitingListStats.js';
import { loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { BANDS } from '../../../src/features/waits/domain/statistics.js';

/**
 * An independent reader of an answer: from the counts shown (each the number of children between two
 * waits), every count that can be worked out — by solving the relations, here by relaxing cumulative
 * counts from 0 until nothing new is learned. Shares no code with the product.
 */
function derivable(shown: { from: number; to: number; count: number }[]): Map<string, number> {
  const edges = [...new Set(shown.flatMap((c) => [c.from, c.to]))].sort((a, b) => a - b);
  const known = new Map<string, number>(); // "a|b" → children between a and b
  for (const root of edges) {
    const cum = new Map<number, number>([[root, 0]]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of shown) {
        if (cum.has(c.from) && !cum.has(c.to)) (cum.set(c.to, cum.get(c.from)! + c.count), (grew = true));
        if (cum.has(c.to) && !cum.has(c.from)) (cum.set(c.from, cum.get(c.to)! - c.count), (grew = true));
      }
    }
    for (const [e, v] of cum) if (e > root) known.set(`${root}|${e}`, v);
  }
  return known;
}

const INF = 1e9;
const band = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 }));

describe('waiting-list disclosure over the whole answer', () => {
  it('no count that can be worked out from what is shown is 1 to 4, and no hidden count can be worked out', () => {
    fc.assert(
      fc.property(
        fc.array(band, { minLength: 7, maxLength: 7 }),
        fc.constantFrom(18, 52, 20),
        fc.option(fc.constantFrom(18), { nil: undefined }),
        fc.integer({ min: 0, max: 10 }),
        (bands, target, aim, splitSeed) => {
          // "Under 20 weeks" splits the 18–52 band: some of its children wait under 20.
          const split = Math.min(bands[5]!, splitSeed);
          const cum = (weeks: number) =>
            BANDS.reduce((sum, b, i) => sum + ((b.toWeeks ?? INF) <= weeks ? bands[i]! : 0), 0) +
            (weeks === 20 ? split : 0);
          const total = bands.reduce((a, b) => a + b, 0);
          const counts: WaitCount[] = [
            { key: 'waiting', from: 0, to: null, count: total },
            ...BANDS.map((b, i) => ({ key: `band${i}`, from: b.fromWeeks, to: b.toWeeks, count: bands[i]! })),
            { key: 'under', from: 0, to: target, count: cum(target), summary: true },
            ...(aim ? [{ key: 'aim', from: 0, to: aim, count: cum(aim), summary: true }] : []),
          ];
          const disclosed = discloseWaitCounts(counts);
          const shown = counts
            .filter((c) => disclosed.get(c.key)!.shown)
            .map((c) => ({ from: c.from, to: c.to ?? INF, count: c.count }));
          const known = derivable(shown);
          for (const [span, n] of known) expect(n === 0 || n >= 5, `${span} = ${n} can be worked out`).to.equal(true);
          // One known span less another inside it: what is left is known too.
          for (const [outer, n] of known)
            for (const [inner, m] of known) {
              const [a, b] = outer.split('|').map(Number);
              const [c, d] = inner.split('|').map(Number);
              if (outer === inner || c! < a! || d! > b!) continue;
              expect(n - m === 0 || n - m >= 5, `${outer} less ${inner} = ${n - m} can be worked out`).to.equal(true);
            }
          for (const c of counts.filter((x) => !disclosed.get(x.key)!.shown))
            expect(known.has(`${c.from}|${c.to ?? INF}`), `hidden ${c.key} can be worked out`).to.equal(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the SALT card no longer gives away the one child waiting 18–52 weeks through "131 of 132 under 18 weeks"', () => {
    const salt = loadServiceCatalogue().find((s) => s.id === 'salt')!;
    // 131 waiting under 18 weeks across the bands, 1 waiting 20 weeks, none over 52.
    const day = (weeksAgo: number, i: number) =>
      new Date(Date.UTC(2026, 10, 22) - (weeksAgo * 7 + (i % 5)) * 86_400_000).toISOString().slice(0, 10);
    const referrals = [
      ...Array.from({ length: 131 }, (_, i) => ({
        referralId: `u${i}`,
        service: 'salt',
        referredOn: day(1 + (i % 16), i),
      })),
      { referralId: 'long', service: 'salt', referredOn: day(20, 0) },
    ];
    const d = discloseWaits(
      waitingListStats(referrals, salt, '2026-11-22', { start: '2026-09-01', end: '2026-12-19' }),
    );
    expect(d.waiting).to.deep.include({ shown: true, value: 132 });
    expect(d.bands.find((b) => b.label === '18–52')!.count.shown).to.equal(false);
    expect(d.waitingUnderTarget.numerator.shown, '131 of 132 would give the 1 away').to.equal(false);
  });
});
