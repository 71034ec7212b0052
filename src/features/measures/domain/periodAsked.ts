import type { PeriodAsk } from '../../../understanding/periodAsk.js';
import { TermCalendar } from '../../../domain/terms/termCalendar.js';
import type { Measure } from './measureCatalogue.js';
import { periodStart, previousPeriod, sameLastYear, type Frequency } from './period.js';

/**
 * A period asked for, settled against a measure's frequency and what is held:
 *  - held: the period whose figure answers it, with `scope` when that is not what was asked ("recorded
 *    termly; October 2025 is in the autumn term 2025-26");
 *  - notHeld: nothing held for it, with the nearest period that is held (if any) to offer by name.
 */
export type PeriodResolution =
  | { kind: 'held'; period: string; asked: string; scope?: string }
  | { kind: 'notHeld'; asked: string; nearest?: string };

const HOW_OFTEN: Record<Frequency, string> = { term: 'termly', month: 'monthly', year: 'yearly' };
const yearLabel = TermCalendar.academicYearLabel;
const pad = (n: number) => String(n).padStart(2, '0');

/** The academic year (Sept to Aug) and term (SPEC "Terms": Sep–Dec, Jan–Mar, Apr–Aug) of a day or month. */
function yearOf(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return yearLabel(m >= 9 ? y : y - 1);
}
function termOf(date: string): string {
  const m = Number(date.slice(5, 7));
  return `${yearOf(date)}-${m >= 9 ? 'autumn' : m <= 3 ? 'spring' : 'summer'}`;
}

/** "the autumn term 2025-26", "October 2025", "2025-26": a period in a sentence. */
export function periodName(period: string, frequency: Frequency): string {
  if (frequency === 'term') return `the ${period.slice(8)} term ${period.slice(0, 7)}`;
  if (frequency === 'year') return period;
  const [y, m] = period.split('-').map(Number) as [number, number];
  const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
  return `${month} ${y}`;
}

/** What the person asked for, as a period of its own kind (a term, a month or an academic year). */
function concrete(ask: PeriodAsk, frequency: Frequency, today: string): { period: string; unit: Frequency } {
  switch (ask.kind) {
    case 'relative': {
      const now = ask.unit === 'term' ? termOf(today) : ask.unit === 'year' ? yearOf(today) : today.slice(0, 7);
      return { period: ask.which === 'current' ? now : previousPeriod(now, ask.unit), unit: ask.unit };
    }
    case 'yearAgo': {
      const now = frequency === 'term' ? termOf(today) : frequency === 'year' ? yearOf(today) : today.slice(0, 7);
      return { period: sameLastYear(now, frequency), unit: frequency };
    }
    case 'yearsAgo': {
      let period = frequency === 'term' ? termOf(today) : frequency === 'year' ? yearOf(today) : today.slice(0, 7);
      for (let n = 0; n < ask.years; n++) period = sameLastYear(period, frequency);
      return { period, unit: frequency };
    }
    case 'term': {
      if (ask.academicYear) return { period: `${ask.academicYear}-${ask.season}`, unit: 'term' };
      // No year: the latest such term that has begun.
      const thisYear = `${yearOf(today)}-${ask.season}`;
      const period = periodStart(thisYear, 'term') <= today ? thisYear : sameLastYear(thisYear, 'term');
      return { period, unit: 'term' };
    }
    case 'month': {
      const thisYear = Number(today.slice(0, 4));
      const year = ask.year ?? (`${thisYear}-${pad(ask.month)}` <= today.slice(0, 7) ? thisYear : thisYear - 1);
      return { period: `${year}-${pad(ask.month)}`, unit: 'month' };
    }
    case 'year':
      return { period: ask.academicYear, unit: 'year' };
  }
}

/** The academic year or term a measure's own period falls in (for "the latest month of the autumn term"). */
function within(period: string, frequency: Frequency, unit: Frequency): string {
  if (frequency === 'month') return unit === 'year' ? yearOf(`${period}-01`) : termOf(`${period}-01`);
  return period.slice(0, 7); // a term's academic year
}

/**
 * Settles `ask` for `measure`, given the periods `held` (in its frequency's form) and today. A coarser ask
 * than the measure's frequency (a year of a termly measure, a term of a monthly one) is answered with the
 * latest period held within it, said so; a finer one (a month of a termly measure, a term of a yearly one)
 * with the period containing it, said so.
 */
export function resolvePeriodAsk(
  ask: PeriodAsk,
  measure: Measure,
  held: readonly string[],
  today: string,
): PeriodResolution {
  const r = settle(ask, measure, held, today);
  if (r.kind !== 'notHeld' || ask.kind !== 'relative' || ask.which !== 'current') return r;
  // "this year", "this term": the period is not over and has no figure yet, so the latest held before it is
  // the answer, said first ("… is not held yet for 2026-27, which is not over; the latest full year is 2025-26").
  // Period ids sort in time order (academic years, months, and autumn < spring < summer within a year).
  const f = measure.frequency;
  const latest = [...held].sort().at(-1);
  if (!latest) return r;
  const which =
    f === 'year'
      ? `the latest full year is ${latest}`
      : `the latest ${f === 'term' ? 'term' : 'month'} held is ${periodName(latest, f)}`;
  return {
    kind: 'held',
    period: latest,
    asked: r.asked,
    scope: `not held yet for ${r.asked}, which is not over; ${which}`,
  };
}

/** `resolvePeriodAsk` before an unfinished period with no figure yet is answered by the latest held. */
function settle(ask: PeriodAsk, measure: Measure, held: readonly string[], today: string): PeriodResolution {
  const f = measure.frequency;
  const want = concrete(ask, f, today);
  const asked = periodName(want.period, want.unit);
  const recorded = `recorded ${HOW_OFTEN[f]}`;
  const found = (period: string, scope?: string): PeriodResolution =>
    held.includes(period)
      ? { kind: 'held', period, asked, ...(scope ? { scope } : {}) }
      : notHeld(asked, held, period, f);

  if (want.unit === f) return found(want.period);
  const coarser = rank(want.unit) > rank(f);
  if (coarser) {
    const inside = held.filter((p) => within(p, f, want.unit) === want.period).sort();
    const latest = inside.at(-1);
    if (!latest) return notHeld(asked, held, firstOf(want.period, want.unit, f), f);
    const unit = f === 'term' ? 'term' : 'month';
    return found(latest, `${recorded}; for ${asked} this is the latest ${unit} held, ${periodName(latest, f)}`);
  }
  // Finer: the measure's period that contains the one asked.
  const date = want.unit === 'month' ? `${want.period}-01` : periodStart(want.period, 'term');
  const containing = f === 'year' ? yearOf(date) : termOf(date);
  return found(containing, `${recorded}; ${asked} is in ${periodName(containing, f)}`);
}

const rank = (f: Frequency) => ({ month: 0, term: 1, year: 2 })[f];

/** The first of a measure's periods inside a coarser one: where "nearest" is measured from. */
function firstOf(period: string, unit: Frequency, f: Frequency): string {
  if (f === 'term') return `${period}-autumn`;
  const start = Number(period.slice(0, 4));
  return unit === 'year' ? `${start}-09` : periodStart(period, 'term').slice(0, 7);
}

function notHeld(asked: string, held: readonly string[], period: string, f: Frequency): PeriodResolution {
  const at = Date.parse(periodStart(period, f));
  const distance = (p: string) => Math.abs(Date.parse(periodStart(p, f)) - at);
  const nearest = [...held].sort((p, q) => distance(p) - distance(q) || (p < q ? 1 : -1))[0];
  return { kind: 'notHeld', asked, ...(nearest ? { nearest: periodName(nearest, f) } : {}) };
}

/** A measure's name inside a sentence: "attendance of pupils with an EHC plan"; "EHC plans …" keeps its capitals. */
export function nameInSentence(m: Measure): string {
  return /^[A-Z][a-z]/.test(m.name) ? m.name.charAt(0).toLowerCase() + m.name.slice(1) : m.name;
}
