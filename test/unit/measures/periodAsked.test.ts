import { expect } from 'chai';
import { resolvePeriodAsk, type PeriodResolution } from '../../../src/features/measures/domain/periodAsked.js';
import type { PeriodAsk } from '../../../src/understanding/periodAsk.js';
import { loadMeasureCatalogue } from '../../../src/seeds/loadSeeds.js';

const catalogue = loadMeasureCatalogue().measures;
const measure = (id: string) => catalogue.find((m) => m.id === id)!;
const TODAY = '2026-11-02'; // the autumn term 2026-27

const TERMS = ['2024-25', '2025-26'].flatMap((y) => ['autumn', 'spring', 'summer'].map((s) => `${y}-${s}`));
const TERMLY = [...TERMS, '2026-27-autumn'];
const MONTHLY = Array.from({ length: 26 }, (_, i) => {
  const d = new Date(Date.UTC(2024, 8 + i, 1)); // September 2024 to October 2026
  return d.toISOString().slice(0, 7);
});
const YEARLY = ['2023-24', '2024-25', '2025-26'];

const rel = (unit: 'term' | 'month' | 'year', which: 'current' | 'previous'): PeriodAsk => ({
  kind: 'relative',
  unit,
  which,
});
const held = (period: string, asked: string, scope?: string): PeriodResolution => ({
  kind: 'held',
  period,
  asked,
  ...(scope ? { scope } : {}),
});
const none = (asked: string, nearest: string): PeriodResolution => ({ kind: 'notHeld', asked, nearest });

const ATT = 'recorded termly';
const EET = 'recorded monthly';
const TRIB = 'recorded yearly';

const CASES: [string, string[], PeriodAsk, PeriodResolution][] = [
  // A termly measure.
  ['attendance_ehcp', TERMLY, rel('term', 'previous'), held('2025-26-summer', 'the summer term 2025-26')],
  ['attendance_ehcp', TERMLY, rel('term', 'current'), held('2026-27-autumn', 'the autumn term 2026-27')],
  ['attendance_ehcp', TERMLY, { kind: 'term', season: 'spring' }, held('2025-26-spring', 'the spring term 2025-26')],
  [
    'attendance_ehcp',
    TERMLY,
    { kind: 'term', season: 'summer', academicYear: '2024-25' },
    held('2024-25-summer', 'the summer term 2024-25'),
  ],
  ['attendance_ehcp', TERMLY, { kind: 'yearAgo' }, held('2025-26-autumn', 'the autumn term 2025-26')],
  ['attendance_ehcp', TERMLY, { kind: 'yearsAgo', years: 2 }, held('2024-25-autumn', 'the autumn term 2024-25')],
  [
    'attendance_ehcp',
    TERMLY,
    { kind: 'yearsAgo', years: 3 },
    none('the autumn term 2023-24', 'the autumn term 2024-25'),
  ],
  [
    'attendance_ehcp',
    TERMLY,
    { kind: 'month', month: 10, year: 2025 },
    held('2025-26-autumn', 'October 2025', `${ATT}; October 2025 is in the autumn term 2025-26`),
  ],
  [
    'attendance_ehcp',
    TERMLY,
    rel('month', 'previous'),
    held('2026-27-autumn', 'October 2026', `${ATT}; October 2026 is in the autumn term 2026-27`),
  ],
  [
    'attendance_ehcp',
    TERMLY,
    { kind: 'year', academicYear: '2024-25' },
    held('2024-25-summer', '2024-25', `${ATT}; for 2024-25 this is the latest term held, the summer term 2024-25`),
  ],
  [
    'attendance_ehcp',
    TERMLY,
    rel('year', 'current'),
    held('2026-27-autumn', '2026-27', `${ATT}; for 2026-27 this is the latest term held, the autumn term 2026-27`),
  ],
  ['attendance_ehcp', TERMLY, { kind: 'year', academicYear: '2023-24' }, none('2023-24', 'the autumn term 2024-25')],
  [
    'attendance_ehcp',
    TERMLY,
    { kind: 'term', season: 'spring', academicYear: '2023-24' },
    none('the spring term 2023-24', 'the autumn term 2024-25'),
  ],
  // This term, not over and with no figure yet: the latest held, said first (issue #24, scope lines).
  [
    'attendance_ehcp',
    TERMS,
    rel('term', 'current'),
    held(
      '2025-26-summer',
      'the autumn term 2026-27',
      'not held yet for the autumn term 2026-27, which is not over; the latest term held is the summer term 2025-26',
    ),
  ],
  // A monthly measure.
  ['eet_16_25', MONTHLY, { kind: 'month', month: 10 }, held('2026-10', 'October 2026')],
  ['eet_16_25', MONTHLY, { kind: 'month', month: 3, year: 2025 }, held('2025-03', 'March 2025')],
  ['eet_16_25', MONTHLY, rel('month', 'previous'), held('2026-10', 'October 2026')],
  ['eet_16_25', MONTHLY, { kind: 'month', month: 11 }, none('November 2026', 'October 2026')],
  ['eet_16_25', MONTHLY, { kind: 'yearAgo' }, held('2025-11', 'November 2025')],
  [
    'eet_16_25',
    MONTHLY,
    { kind: 'term', season: 'autumn', academicYear: '2025-26' },
    held(
      '2025-12',
      'the autumn term 2025-26',
      `${EET}; for the autumn term 2025-26 this is the latest month held, December 2025`,
    ),
  ],
  [
    'eet_16_25',
    MONTHLY,
    rel('term', 'current'),
    held(
      '2026-10',
      'the autumn term 2026-27',
      `${EET}; for the autumn term 2026-27 this is the latest month held, October 2026`,
    ),
  ],
  [
    'eet_16_25',
    MONTHLY,
    { kind: 'year', academicYear: '2024-25' },
    held('2025-08', '2024-25', `${EET}; for 2024-25 this is the latest month held, August 2025`),
  ],
  ['eet_16_25', MONTHLY, { kind: 'year', academicYear: '2022-23' }, none('2022-23', 'September 2024')],
  // A yearly measure.
  ['tribunal_appeals', YEARLY, { kind: 'year', academicYear: '2024-25' }, held('2024-25', '2024-25')],
  ['tribunal_appeals', YEARLY, rel('year', 'previous'), held('2025-26', '2025-26')],
  ['tribunal_appeals', YEARLY, { kind: 'yearAgo' }, held('2025-26', '2025-26')],
  [
    'tribunal_appeals',
    YEARLY,
    rel('year', 'current'),
    held('2025-26', '2026-27', 'not held yet for 2026-27, which is not over; the latest full year is 2025-26'),
  ],
  [
    'tribunal_appeals',
    YEARLY,
    { kind: 'term', season: 'summer', academicYear: '2024-25' },
    held('2024-25', 'the summer term 2024-25', `${TRIB}; the summer term 2024-25 is in 2024-25`),
  ],
  [
    'tribunal_appeals',
    YEARLY,
    rel('term', 'previous'),
    held('2025-26', 'the summer term 2025-26', `${TRIB}; the summer term 2025-26 is in 2025-26`),
  ],
  [
    'tribunal_appeals',
    YEARLY,
    { kind: 'month', month: 10, year: 2025 },
    held('2025-26', 'October 2025', `${TRIB}; October 2025 is in 2025-26`),
  ],
  ['tribunal_appeals', YEARLY, { kind: 'year', academicYear: '2021-22' }, none('2021-22', '2023-24')],
  [
    'tribunal_appeals',
    YEARLY,
    { kind: 'term', season: 'spring', academicYear: '2022-23' },
    none('the spring term 2022-23', '2023-24'),
  ],
];

describe('a measure asked for a period, settled against its frequency', () => {
  for (const [id, periods, ask, want] of CASES)
    it(`${id} (${measure(id).frequency}) asked ${JSON.stringify(ask)} → ${want.kind === 'held' ? want.period : `none held; nearest ${want.nearest}`}`, () => {
      expect(resolvePeriodAsk(ask, measure(id), periods, TODAY)).to.deep.equal(want);
    });

  it('offers no nearest period when nothing is held at all', () => {
    expect(resolvePeriodAsk(rel('term', 'previous'), measure('complaints'), [], TODAY)).to.deep.equal({
      kind: 'notHeld',
      asked: 'the summer term 2025-26',
    });
  });
});
