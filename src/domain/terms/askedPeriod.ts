import type { PeriodAsk } from '../../understanding/periodAsk.js';
import { addDays, isoDate, longDate, MONTH_NAMES, parseIsoDate } from '../dates.js';
import type { Term, TermCalendar } from './termCalendar.js';

/**
 * A period someone asked for, placed on the calendar: its first and last day and how it is said back
 * ("October 2026", "the spring term 2025-26", "2025-26", "this time last year (7 December 2025)").
 * `day`: one date ("this time last year" of a waiting list, which is a list on a date).
 */
export type AskedPeriod = { unit: 'day' | 'month' | 'term' | 'year'; start: string; end: string; name: string };

/** "the autumn term 2025-26": a term in a sentence. */
export function termName(t: Term): string {
  return `the ${t.season} term ${t.academicYear}`;
}

function month(year: number, m: number): AskedPeriod {
  const start = isoDate(year, m, 1);
  const end = addDays(m === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, m + 1, 1), -1);
  return { unit: 'month', start, end, name: `${MONTH_NAMES[m - 1]} ${year}` };
}

function term(t: Term): AskedPeriod {
  return { unit: 'term', start: t.start, end: t.end, name: termName(t) };
}

function year(calendar: TermCalendar, startYear: number): AskedPeriod {
  const terms = calendar.termsOfAcademicYear(startYear);
  return {
    unit: 'year',
    start: terms[0]!.start,
    end: terms.at(-1)!.end,
    name: terms[0]!.academicYear,
  };
}

/**
 * Places `ask` on the calendar as of `today`. A month or season without a year is its latest occurrence that
 * has begun; undefined only for a term the calendar does not have.
 */
export function askedPeriod(ask: PeriodAsk, calendar: TermCalendar, today: string): AskedPeriod | undefined {
  const now = parseIsoDate(today);
  const current = calendar.termOf(today);
  const thisYear = Number(current.academicYear.slice(0, 4));
  switch (ask.kind) {
    case 'relative':
      if (ask.unit === 'term') return term(ask.which === 'current' ? current : calendar.previous(current));
      if (ask.unit === 'year') return year(calendar, ask.which === 'current' ? thisYear : thisYear - 1);
      if (ask.which === 'current') return month(now.year, now.month);
      return now.month === 1 ? month(now.year - 1, 12) : month(now.year, now.month - 1);
    case 'yearAgo':
    case 'yearsAgo': {
      const back = ask.kind === 'yearAgo' ? 1 : ask.years;
      // 29 February in another year is the 28th.
      const day = isoDate(now.year - back, now.month, now.month === 2 ? Math.min(now.day, 28) : now.day);
      const when = back === 1 ? 'this time last year' : `this time ${back} years ago`;
      return { unit: 'day', start: day, end: day, name: `${when} (${longDate(day)})` };
    }
    case 'term': {
      const t = ask.academicYear
        ? calendar.byId(`${ask.academicYear}-${ask.season}`)
        : calendar.latestOfSeason(ask.season, today);
      return t ? term(t) : undefined;
    }
    case 'month': {
      const y = ask.year ?? (ask.month <= now.month ? now.year : now.year - 1);
      return month(y, ask.month);
    }
    case 'year':
      return year(calendar, Number(ask.academicYear.slice(0, 4)));
  }
}
