import { expect } from 'chai';
import fc from 'fast-check';
import {
  BANDS,
  histogramPercentile,
  nearestRank,
  ragOf,
  weeksOneDecimal,
  worstRag,
} from '../../../src/features/waits/domain/statistics.js';

describe('waiting-list conventions', () => {
  it('takes the nearest rank for percentiles on small lists', () => {
    expect(nearestRank([], 50)).to.equal(null);
    expect(nearestRank([5], 50)).to.equal(5);
    expect(nearestRank([5], 92)).to.equal(5);
    expect(nearestRank([3, 9], 50)).to.equal(3); // rank ⌈1⌉ = 1: the lower middle, a wait someone had
    expect(nearestRank([1, 2, 3], 50)).to.equal(2);
    expect(nearestRank([1, 2, 3, 4], 50)).to.equal(2);
    expect(nearestRank([1, 2, 3, 4], 92)).to.equal(4); // rank ⌈3.68⌉ = 4
    expect(
      nearestRank(
        Array.from({ length: 12 }, (_, i) => i + 1),
        92,
      ),
    ).to.equal(12); // ⌈11.04⌉
    expect(
      nearestRank(
        Array.from({ length: 25 }, (_, i) => i + 1),
        92,
      ),
    ).to.equal(23); // exactly 23
    expect(
      nearestRank(
        Array.from({ length: 50 }, (_, i) => i + 1),
        92,
      ),
    ).to.equal(46); // exactly 46, not 47
  });

  it('takes the same percentile from a histogram as from the list it summarises', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(60), { maxLength: 80 }), fc.integer({ min: 1, max: 100 }), (values, percent) => {
        const sorted = [...values].sort((a, b) => a - b);
        const counts = new Map<number, number>();
        for (const v of sorted) counts.set(v, (counts.get(v) ?? 0) + 1);
        expect(histogramPercentile([...counts], percent)).to.equal(nearestRank(sorted, percent));
      }),
    );
  });

  it('rates green at or above target, amber within 5 points below, red below that', () => {
    const cases: Array<[number | null, number, string | null]> = [
      [0.92, 0.92, 'green'],
      [1, 0.92, 'green'],
      [0.9199, 0.92, 'amber'],
      [0.87, 0.92, 'amber'], // exactly 5 points below
      [87 / 100, 0.92, 'amber'],
      [0.8699, 0.92, 'red'],
      [1, 1, 'green'],
      [0.95, 1, 'amber'],
      [19 / 20, 1, 'amber'],
      [0.9499, 1, 'red'],
      [0, 1, 'red'],
      [null, 0.92, null],
    ];
    for (const [share, target, rag] of cases) expect(ragOf(share, target), `${share} against ${target}`).to.equal(rag);
  });

  it('takes the worst rating, ignoring targets without data', () => {
    expect(worstRag(['green', null, 'amber'])).to.equal('amber');
    expect(worstRag(['green', 'red', 'amber'])).to.equal('red');
    expect(worstRag([null, null])).to.equal(null);
  });

  it('gives weeks to one decimal from whole days', () => {
    expect([0, 1, 6, 7, 126, 364, 400].map(weeksOneDecimal)).to.deep.equal([0, 0.1, 0.9, 1, 18, 52, 57.1]);
  });

  it('tiles the weeks with bands that meet edge to edge', () => {
    expect(BANDS.map((b) => b.label)).to.deep.equal(['0–1', '1–2', '2–4', '4–12', '12–18', '18–52', '52 and over']);
    BANDS.slice(1).forEach((b, i) => expect(b.fromWeeks).to.equal(BANDS[i].toWeeks));
    expect(BANDS[0].fromWeeks).to.equal(0);
    expect(BANDS[BANDS.length - 1].toWeeks).to.equal(null);
  });
});
