import { expect } from 'chai';
import { loadTermCalendar } from '../../../src/seeds/loadSeeds.js';
import { parseTermCalendar } from '../../../src/domain/terms/termCalendar.js';

describe('term calendar', () => {
  const terms = loadTermCalendar();

  const cases: [string, string][] = [
    ['2025-09-01', '2025-26 Autumn'],
    ['2025-12-31', '2025-26 Autumn'],
    ['2026-01-01', '2025-26 Spring'],
    ['2026-03-31', '2025-26 Spring'],
    ['2026-04-01', '2025-26 Summer'],
    ['2026-08-31', '2025-26 Summer'],
    ['2024-02-29', '2023-24 Spring'],
    ['2026-11-22', '2026-27 Autumn'],
  ];
  for (const [date, label] of cases) {
    it(`puts ${date} in ${label}`, () => expect(terms.termOf(date).label).to.equal(label));
  }

  it('steps to the previous and next term across academic years', () => {
    const autumn = terms.termOf('2025-10-01');
    expect(terms.previous(autumn).label).to.equal('2024-25 Summer');
    expect(terms.next(autumn).label).to.equal('2025-26 Spring');
  });

  it('finds a term by id or label', () => {
    expect(terms.byId('2025-26-spring')?.start).to.equal('2026-01-01');
    expect(terms.byId('2025-26 Spring')?.end).to.equal('2026-03-31');
    expect(terms.byId('2025-27 Spring')).to.equal(undefined);
  });

  it('finds the latest term of a season on or before today', () => {
    expect(terms.latestOfSeason('spring', '2026-11-22')?.label).to.equal('2025-26 Spring');
    expect(terms.latestOfSeason('autumn', '2026-11-22')?.label).to.equal('2026-27 Autumn');
  });

  it('refuses a calendar with a gap', () => {
    expect(() =>
      parseTermCalendar({
        terms: [
          { season: 'autumn', name: 'Autumn', start: { month: 9, day: 1 }, end: { month: 12, day: 30 } },
          { season: 'spring', name: 'Spring', start: { month: 1, day: 1 }, end: { month: 8, day: 31 } },
        ],
      }),
    ).to.throw(/gap or overlap/);
  });
});
