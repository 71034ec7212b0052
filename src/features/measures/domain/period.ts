import type { Measure } from './measureCatalogue.js';
import { TermCalendar } from '../../../domain/terms/termCalendar.js';

/**
 * The period a measure's figure is for, in the form its frequency says: a term (`2025-26-spring`), a month
 * (`2026-03`) or an academic year (`2025-26`). Plain strings, so they sort and store as keys.
 */
export type Frequency = Measure['frequency'];

const SEASONS = ['autumn', 'spring', 'summer'] as const;
const TERM = /^(\d{4})-(\d{2})-(autumn|spring|summer)$/;
const YEAR = /^(\d{4})-(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;

/** Why `period` is not a period of this frequency, in words; undefined when it is one. */
export function periodProblem(period: string, frequency: Frequency): string | undefined {
  const expected = {
    term: 'a term such as 2025-26-spring',
    month: 'a month such as 2026-03',
    year: 'an academic year such as 2025-26',
  }[frequency];
  const bad = `period "${period.slice(0, 20)}" is not ${expected} (this measure is reported by ${frequency})`;
  if (frequency === 'term') {
    const m = TERM.exec(period);
    return m && consecutive(m[1], m[2]) ? undefined : bad;
  }
  if (frequency === 'year') {
    const m = YEAR.exec(period);
    return m && Number(m[2]) !== 0 && consecutive(m[1], m[2]) ? undefined : bad;
  }
  const m = MONTH.exec(period);
  return m && Number(m[2]) >= 1 && Number(m[2]) <= 12 ? undefined : bad;
}

function consecutive(start: string, end: string): boolean {
  return (Number(start) + 1) % 100 === Number(end);
}

const yearLabel = TermCalendar.academicYearLabel;

/**
 * The first day of a period, near enough to tell a period that has not begun: terms start on 1 September,
 * 1 January and 1 April (a term calendar's exact dates differ by days, not by a term).
 */
export function periodStart(period: string, frequency: Frequency): string {
  if (frequency === 'month') return `${period}-01`;
  const start = Number(period.slice(0, 4));
  if (frequency === 'year') return `${start}-09-01`;
  const season = period.slice(8);
  return season === 'autumn' ? `${start}-09-01` : `${start + 1}-${season === 'spring' ? '01' : '04'}-01`;
}

/** The period before (the previous term, month or year). */
export function previousPeriod(period: string, frequency: Frequency): string {
  if (frequency === 'month') {
    const [y, m] = period.split('-').map(Number);
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  const start = Number(period.slice(0, 4));
  if (frequency === 'year') return yearLabel(start - 1);
  const season = period.slice(8) as (typeof SEASONS)[number];
  const i = SEASONS.indexOf(season);
  return i === 0 ? `${yearLabel(start - 1)}-summer` : `${yearLabel(start)}-${SEASONS[i - 1]}`;
}

/** The same period a year before ("year on year"): for a yearly measure, the year before. */
export function sameLastYear(period: string, frequency: Frequency): string {
  if (frequency === 'month') return `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`;
  const start = Number(period.slice(0, 4));
  return frequency === 'year' ? yearLabel(start - 1) : `${yearLabel(start - 1)}${period.slice(7)}`;
}

/** "2025-26 Spring", "March 2026", "2025-26": how a period is said. */
export function periodLabel(period: string, frequency: Frequency): string {
  if (frequency === 'term') return `${period.slice(0, 7)} ${period.charAt(8).toUpperCase()}${period.slice(9)}`;
  if (frequency === 'year') return period;
  const [y, m] = period.split('-').map(Number);
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${month} ${y}`;
}
