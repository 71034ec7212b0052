import { expect } from 'chai';
import fc from 'fast-check';
import { discloseFigure, discloseParts, MIN_RESPONDENTS } from '../../../src/domain/disclosure/disclosure.js';

describe('disclosure control', () => {
  it('hides a figure from fewer than 5 respondents and shows 5 or more', () => {
    expect(discloseFigure({ value: 3.2, basis: 4 })).to.deep.equal({ shown: false, reason: 'suppressed' });
    expect(discloseFigure({ value: 3.2, basis: 5 })).to.deep.equal({ shown: true, value: 3.2, basis: 5 });
  });

  it('hides a second part when one part alone is hidden beside a total', () => {
    const r = discloseParts({ value: 20, basis: 20 }, [
      { value: 3, basis: 3 },
      { value: 17, basis: 17 },
    ]);
    expect(r.total.shown).to.equal(true);
    expect(r.parts.map((p) => p.shown)).to.deep.equal([false, false]);
  });

  it('hides the smallest other part, not the largest', () => {
    const r = discloseParts({ value: 30, basis: 30 }, [
      { value: 2, basis: 2 },
      { value: 8, basis: 8 },
      { value: 20, basis: 20 },
    ]);
    expect(r.parts.map((p) => p.shown)).to.deep.equal([false, false, true]);
  });

  it('keeps hiding while the hidden parts together come from fewer than 5', () => {
    const r = discloseParts({ value: 40, basis: 40 }, [
      { value: 1, basis: 1 },
      { value: 2, basis: 2 },
      { value: 6, basis: 6 },
      { value: 31, basis: 31 },
    ]);
    expect(r.parts.map((p) => p.shown)).to.deep.equal([false, false, false, true]);
  });

  it('never lets a hidden part be worked out from the total and the shown parts (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 2, maxLength: 6 }), (counts) => {
        const total = counts.reduce((a, b) => a + b, 0);
        const r = discloseParts(
          { value: total, basis: total },
          counts.map((c) => ({ value: c, basis: c })),
        );
        // Every shown figure rests on 0 or at least 5 respondents.
        for (const [i, p] of r.parts.entries())
          if (p.shown) expect(counts[i] === 0 || counts[i] >= MIN_RESPONDENTS).to.equal(true);
        if (r.total.shown) {
          const hidden = r.parts
            .map((p, i) => (p.shown ? undefined : counts[i]))
            .filter((c): c is number => c !== undefined);
          const nonZeroHidden = hidden.filter((c) => c > 0);
          // What subtraction reveals is the sum of the hidden parts: never one small part alone,
          // and never a sum from 1–4 people.
          if (nonZeroHidden.length > 0) {
            expect(hidden.length, `counts ${counts}`).to.be.greaterThan(1);
            const sum = hidden.reduce((a, b) => a + b, 0);
            expect(sum === 0 || sum >= MIN_RESPONDENTS, `counts ${counts}`).to.equal(true);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
