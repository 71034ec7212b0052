import { tagged, type Analysis } from './analysis.js';
import { findYears, readTerms, yearsWithNoNumber, type Located } from './termSlot.js';
import type { PeriodAsk } from './periodAsk.js';
import { TermCalendar } from '../domain/terms/termCalendar.js';

export type { PeriodAsk };

export type PeriodReading =
  | { kind: 'none' }
  | { kind: 'one'; ask: PeriodAsk }
  /** A calendar year alone ("in 2025"): the academic year ending or starting in it? Asked back. */
  | { kind: 'calendarYear'; year: number };

// "since October", "compared with last term": a comparison, which every measure answer shows anyway.
const COMPARING = new Set(['since', 'vs', 'versus', 'than', 'compared', 'against']);

/**
 * Reads the period a measure is asked for: a term ("last term", "in the spring term", "summer 2025"), a
 * month ("in October", "October 2025", "last month"), an academic year ("2024-25", "last year") or "this
 * time last year". The first one said wins. "Now", "currently" and comparisons ask for no period: the
 * latest, with its comparisons, is the answer.
 */
export function readPeriod(a: Analysis): PeriodReading {
  const found: Located<PeriodAsk>[] = [];
  const comparing = (at: number) => COMPARING.has(a.tokens[at - 1] ?? '') || COMPARING.has(a.tokens[at - 2] ?? '');
  const words = (m: { start: number; end: number }) => a.tokens.slice(m.start, m.end);

  for (const { tag, match } of tagged(a, 'term')) {
    if (match.tags.some((t) => t.kind === 'compare') || comparing(match.start)) continue;
    if (tag.term === 'yearAgo' && yearsWithNoNumber(a, match)) continue;
    if (tag.term === 'yearAgo') found.push({ at: match.start, value: { kind: 'yearAgo' } });
    else if (tag.term === 'yearsAgo') found.push({ at: match.start, value: { kind: 'yearsAgo', years: tag.years } });
    // Only "this term", "last term" and the like: "now" and "currently" mean the latest held.
    else if (words(match).includes('term'))
      found.push({ at: match.start, value: { kind: 'relative', unit: 'term', which: tag.term } });
  }
  for (const { match } of tagged(a, 'vagueTime')) {
    const w = words(match);
    const unit = w.includes('year') ? 'year' : w.includes('month') ? 'month' : undefined;
    const which = w.includes('this')
      ? 'current'
      : w.includes('last') || w.includes('previous')
        ? 'previous'
        : undefined;
    if (unit && which && !comparing(match.start))
      found.push({ at: match.start, value: { kind: 'relative', unit, which } });
  }

  const years = findYears(a.tokens);
  const used = new Set<number>();
  const seasons = tagged(a, 'season').filter(({ match }) => !comparing(match.start));
  const named = readTerms(a).terms.find((t) => t.kind === 'named');
  if (seasons[0] && named?.kind === 'named') {
    found.push({
      at: seasons[0].match.start,
      value: {
        kind: 'term',
        season: named.season,
        ...(named.academicYear ? { academicYear: named.academicYear } : {}),
      },
    });
    // readTerms gave every year said to a season.
    for (const y of years) used.add(y.at);
  }
  for (const { tag, match } of tagged(a, 'month')) {
    if (comparing(match.start) || words(match).includes('since')) continue;
    const after = years.find((y) => y.at === match.end || (y.at === match.end + 1 && a.tokens[match.end] === 'of'));
    let year: number | undefined;
    if (after) {
      used.add(after.at);
      const v = after.value;
      year = 'calendar' in v ? v.calendar : Number(v.academic.slice(0, 4)) + (tag.month >= 9 ? 0 : 1);
    }
    found.push({ at: match.start, value: { kind: 'month', month: tag.month, ...(year ? { year } : {}) } });
  }
  for (const y of years) {
    if (used.has(y.at) || comparing(y.at)) continue;
    if ('academic' in y.value) found.push({ at: y.at, value: { kind: 'year', academicYear: y.value.academic } });
    else if (found.length === 0) return { kind: 'calendarYear', year: y.value.calendar };
  }
  const first = found.sort((p, q) => p.at - q.at)[0];
  return first ? { kind: 'one', ask: first.value } : { kind: 'none' };
}

/** The two academic years a calendar year falls in: 2025 → 2024-25 and 2025-26. */
export function academicYearsAround(year: number): string[] {
  return [TermCalendar.academicYearLabel(year - 1), TermCalendar.academicYearLabel(year)];
}

/**
 * The period a termly figure (survey scores, response rate, themes) is asked for when it is not a term: a
 * month ("in October", "last month") or an academic year ("2024-25", "last year"). Terms are read as terms.
 */
export function readNonTermPeriod(a: Analysis): PeriodAsk | undefined {
  const p = readPeriod(a);
  if (p.kind !== 'one') return undefined;
  const ask = p.ask;
  return ask.kind === 'month' || ask.kind === 'year' || (ask.kind === 'relative' && ask.unit !== 'term')
    ? ask
    : undefined;
}

/**
 * The period a waiting list is asked for ("at the end of October", "last term", "in 2025-26"): none when the
 * message compares ("since September", "shorter than in the spring"), which is a change question, or asks
 * for now ("this term").
 */
export function readWaitsPeriod(a: Analysis): PeriodReading {
  const comparing = tagged(a, 'compare').length > 0 || a.tokens.some((t) => COMPARING.has(t));
  if (comparing) return { kind: 'none' };
  const p = readPeriod(a);
  // "this term", "this month": the latest extract is the answer, in its own full card.
  return p.kind === 'one' && p.ask.kind === 'relative' && p.ask.which === 'current' ? { kind: 'none' } : p;
}
