import { expect } from 'chai';
import { DIGEST_GRACE_DAYS, termDueOn } from '../../../src/features/digests/digestSchedule.js';
import { addDays } from '../../../src/domain/dates.js';
import { loadTermCalendar } from '../../../src/seeds/loadSeeds.js';

describe('when a term-end digest is due', () => {
  const terms = loadTermCalendar();
  const cases: [string, string | undefined][] = [
    ['2026-12-31', undefined], // the last day of autumn: the term is not over yet
    ['2027-01-01', '2026-27-autumn'], // the day after it ends
    [addDays('2026-12-31', DIGEST_GRACE_DAYS), '2026-27-autumn'],
    [addDays('2026-12-31', DIGEST_GRACE_DAYS + 1), undefined], // too late: a new deployment sends no stale digest
    ['2026-11-22', undefined], // mid-term
    ['2027-04-01', '2026-27-spring'],
    ['2026-09-01', '2025-26-summer'],
  ];
  for (const [today, expected] of cases) {
    it(`on ${today}: ${expected ?? 'none'}`, () => {
      expect(termDueOn(terms, today)?.id).to.equal(expected);
    });
  }
});
