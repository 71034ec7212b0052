import type { Clock } from '../clock.js';
import { TermCalendar, type Term } from './termCalendar.js';

export type Season = 'autumn' | 'spring' | 'summer';
/**
 * A term as people name it: "this term", "last term", "this time last year" (the same term a year before:
 * the framework measures year on year), or "spring" / "spring 2025-26".
 */
export type TermRef =
  | { kind: 'current' }
  | { kind: 'previous' }
  | { kind: 'yearAgo' }
  /** "two years ago", "the year before last": the same term that many years before (2 or more). */
  | { kind: 'yearsAgo'; years: number }
  | { kind: 'named'; season: Season; academicYear?: string };

/** Turns "this term", "last term" or "spring 2025-26" into a concrete term of the calendar. */
export function resolveTerm(ref: TermRef, terms: TermCalendar, clock: Clock): Term | undefined {
  const current = terms.termOf(clock.today());
  if (ref.kind === 'current') return current;
  if (ref.kind === 'previous') return terms.previous(current);
  if (ref.kind === 'yearAgo' || ref.kind === 'yearsAgo') {
    const back = ref.kind === 'yearAgo' ? 1 : ref.years;
    const yearBefore = TermCalendar.academicYearLabel(Number(current.academicYear.slice(0, 4)) - back);
    return terms.byId(`${yearBefore}-${current.season}`);
  }
  if (ref.academicYear) return terms.byId(`${ref.academicYear}-${ref.season}`);
  return terms.latestOfSeason(ref.season, clock.today());
}
