import type { Season } from '../domain/terms/termRef.js';
import { MONTH_NAMES } from '../domain/dates.js';

/**
 * The period a figure is asked for, as the person said it; what it is for a given measure is settled
 * where its frequency is known (a term of a yearly measure is that term's academic year). Absent: the
 * latest held.
 */
export type PeriodAsk =
  /** "this term", "last month", "last academic year": counted back from today. */
  | { kind: 'relative'; unit: 'term' | 'month' | 'year'; which: 'current' | 'previous' }
  /** "this time last year": the period we are in, a year before. */
  | { kind: 'yearAgo' }
  /** "two years ago", "the year before last": the period we are in, that many years before (2 or more). */
  | { kind: 'yearsAgo'; years: number }
  /** "spring", "in the summer term", "summer 2025", "autumn term 2024-25" (no year: its latest occurrence). */
  | { kind: 'term'; season: Season; academicYear?: string }
  /** "October", "in May", "October 2025" (no year: its latest occurrence). */
  | { kind: 'month'; month: number; year?: number }
  /** "2024-25", "2024/25", "2024 to 2025". */
  | { kind: 'year'; academicYear: string };

/** "ten years ago" at most: the furthest back the understanding names, and the routes accept. */
export const MOST_YEARS_AGO = 10;

/** How a period asked is said back, in words the understanding reads again ("last term", "October 2025", "2024-25"). */
export function periodAskPhrase(p: PeriodAsk): string {
  switch (p.kind) {
    case 'relative':
      return `${p.which === 'current' ? 'this' : 'last'} ${p.unit}`;
    case 'yearAgo':
      return 'this time last year';
    case 'yearsAgo':
      return `${p.years} years ago`;
    case 'term':
      return p.academicYear ? `${p.season} ${p.academicYear}` : `${p.season} term`;
    case 'month':
      return p.year ? `${MONTH_NAMES[p.month - 1]} ${p.year}` : `in ${MONTH_NAMES[p.month - 1]}`;
    case 'year':
      return p.academicYear;
  }
}
