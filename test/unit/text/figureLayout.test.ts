import { expect } from 'chai';
import { change } from '../../../src/features/scores/domain/outcomeFigures.js';
import { arrow, nowrap, serviceTitle } from '../../../src/cards/format.js';

const mean = (value: number) => ({ shown: true as const, value, basis: 10 });

describe('figures as they are laid out', () => {
  it('gives the change between the means as shown, so 3.36 → 3.32 (3.4 → 3.3) is a fall, never "no change"', () => {
    expect(change(mean(3.32), mean(3.36))).to.equal(-0.1);
    expect(arrow(change(mean(3.32), mean(3.36)))).to.equal('▼\u00a00.1');
    expect(arrow(change(mean(3.31), mean(3.34)))).to.equal('►\u00a0no\u00a0change'); // both shown as 3.3
  });

  it('keeps a figure on one line: no break inside "n 22", "▼ 0.2" or "2026-27"', () => {
    expect(nowrap('n 22')).to.equal('n\u00a022');
    expect(nowrap('2026-27 Autumn')).to.equal('2026\u201127\u00a0Autumn');
  });

  it('names a service once: "Autism (ASD) assessment", not "Autism (ASD) assessment (ASD)"', () => {
    expect(serviceTitle({ name: 'Autism (ASD) assessment', shortName: 'ASD' })).to.equal('Autism (ASD) assessment');
    expect(serviceTitle({ name: 'Speech and language therapy', shortName: 'SALT' })).to.equal(
      'Speech and language therapy (SALT)',
    );
  });
});
