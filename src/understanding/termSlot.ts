import { tagged, type Analysis } from './analysis.js';
import type { Season, TermRef } from './types.js';
import { MOST_YEARS_AGO } from './periodAsk.js';
import { TermCalendar } from '../domain/terms/termCalendar.js';

export type TermReading = {
  /** Terms in the order they were mentioned, without repeats. */
  terms: TermRef[];
  /** 'explicit': "compare", "vs" (which terms must be said); 'implicit': "trend", "since" (means vs last term). */
  compare?: 'explicit' | 'implicit';
  /** A year with no season to attach it to ("scores for 2025-26"): which term is meant is unclear. */
  yearWithoutSeason?: YearToken;
  /** A period that is not a term ("last year", "this month"). */
  vague: boolean;
  /**
   * "the year before" said after a period it cannot be counted back from as a term ("last year vs the year
   * before", "last term and the year before"): which terms are meant is asked, never guessed from today.
   */
  yearBeforeUnplaced?: boolean;
};

export type Located<T> = { at: number; value: T };

/**
 * Reads "this term", "last term", "autumn", "spring 2025-26", "2025/26 summer", "summer 2026" and
 * comparisons. A bare season means its most recent occurrence (academicYear left out): that is what a
 * colleague would assume, so it is not treated as ambiguous. One year said once applies to every
 * season in the message ("autumn and spring 2025-26").
 */
export function readTerms(a: Analysis): TermReading {
  const located: Located<TermRef>[] = [];
  const seasons: Located<{ season: Season; year?: string }>[] = [];
  /** Where "the year before" was said (a year before the period named just before it, if any). */
  const yearBefore = new Set<number>();
  for (const { tag, match } of tagged(a, 'term')) {
    if (tag.term === 'yearAgo' && yearsWithNoNumber(a, match)) continue;
    located.push({
      at: match.start,
      value: tag.term === 'yearsAgo' ? { kind: 'yearsAgo', years: tag.years } : { kind: tag.term },
    });
    if (tag.term === 'yearAgo' && a.tokens.slice(match.start, match.end).includes('before'))
      yearBefore.add(match.start);
  }
  for (const { tag, match } of tagged(a, 'season')) seasons.push({ at: match.start, value: { season: tag.season } });
  const years = findYears(a.tokens);

  const unattached: Located<YearToken>[] = [];
  for (const y of years) {
    const nearest = seasons
      .filter((s) => s.value.year === undefined)
      .sort((p, q) => Math.abs(p.at - y.at) - Math.abs(q.at - y.at))[0];
    if (nearest) nearest.value.year = academicYearFor(y.value, nearest.value.season);
    else unattached.push(y);
  }
  const distinctYears = [...new Set(seasons.map((s) => s.value.year).filter((y): y is string => y !== undefined))];
  for (const s of seasons)
    if (s.value.year === undefined && distinctYears.length === 1) s.value.year = distinctYears[0];
  for (const s of seasons) {
    located.push({
      at: s.at,
      value: s.value.year
        ? { kind: 'named', season: s.value.season, academicYear: s.value.year }
        : { kind: 'named', season: s.value.season },
    });
  }

  // "voice in spring 2024-25 compared with the year before": spring 2023-24, not this time last year.
  let yearBeforeUnplaced = false;
  located.sort((p, q) => p.at - q.at);
  for (const [i, l] of located.entries()) {
    if (!yearBefore.has(l.at)) continue;
    const earlier = located[i - 1]?.value;
    const vagueBefore = tagged(a, 'vagueTime').some(({ match }) => match.start < l.at);
    if (earlier) {
      const shifted = aYearBefore(earlier);
      if (shifted) l.value = shifted;
      else yearBeforeUnplaced = true;
    } else if (vagueBefore) yearBeforeUnplaced = true;
  }
  const terms = dedupe(located.map((l) => l.value));
  const compares = tagged(a, 'compare').map((c) => c.tag.explicit);
  const compare = compares.includes(true) ? 'explicit' : compares.length > 0 ? 'implicit' : undefined;
  const orphan = unattached[0];
  return {
    terms,
    vague:
      tagged(a, 'vagueTime').length > 0 ||
      tagged(a, 'term').some(({ tag, match }) => tag.term === 'yearAgo' && yearsWithNoNumber(a, match)),
    ...(yearBeforeUnplaced ? { yearBeforeUnplaced } : {}),
    ...(compare ? { compare } : {}),
    ...(orphan && seasons.length === 0 ? { yearWithoutSeason: orphan.value } : {}),
  };
}

/** An academic year ("2025-26") or a calendar year (2026), which needs a season to place. */
export type YearToken = { academic: string } | { calendar: number };

export function findYears(tokens: readonly string[]): Located<YearToken>[] {
  const found: Located<YearToken>[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const span = /^(\d{2}|\d{4})[-/](\d{2}|\d{4})$/.exec(t);
    if (span) {
      const academic = academicYear(span[1] ?? '', span[2] ?? '');
      if (academic) found.push({ at: i, value: { academic } });
      continue;
    }
    if (!/^20\d\d$/.test(t)) continue;
    // "2025 to 2026" is one academic year, written out.
    const next = tokens[i + 2] ?? '';
    const written = tokens[i + 1] === 'to' && /^(20)?\d\d$/.test(next) ? academicYear(t, next) : undefined;
    if (written) {
      found.push({ at: i, value: { academic: written } });
      i += 2;
    } else found.push({ at: i, value: { calendar: Number(t) } });
  }
  return found;
}

/** "2025" and "26", "25" and "26", "2025" and "2026" → "2025-26"; anything else is not a year span. */
function academicYear(from: string, to: string): string | undefined {
  const start = from.length === 2 ? 2000 + Number(from) : Number(from);
  const end = Number(to.slice(-2));
  if (start < 2000 || start > 2098 || (start + 1) % 100 !== end) return undefined;
  if (to.length === 4 && Number(to) !== start + 1) return undefined;
  return `${start}-${String(end).padStart(2, '0')}`;
}

/** The academic year starts in the autumn (SPEC "Terms"): autumn 2025 is 2025-26, spring 2026 is 2025-26. */
export function academicYearFor(y: YearToken, season: Season): string {
  if ('academic' in y) return y.academic;
  return TermCalendar.academicYearLabel(season === 'autumn' ? y.calendar : y.calendar - 1);
}

/**
 * "years ago" with no number: the "year ago" entry matches it too (words compare by stem), but it names no period
 * this can answer for. Both term readers (terms here, a measure's period in periodSlot) skip it.
 */
export function yearsWithNoNumber(a: Analysis, m: { start: number; end: number }): boolean {
  return a.tokens.slice(m.start, m.end).includes('years');
}

/**
 * The same term a year earlier, where it can be said without today's date; undefined for "last term" (and past
 * ten years back).
 */
export function aYearBefore(t: TermRef): TermRef | undefined {
  if (t.kind === 'current') return { kind: 'yearAgo' };
  if (t.kind === 'yearAgo') return { kind: 'yearsAgo', years: 2 };
  if (t.kind === 'yearsAgo') return t.years < MOST_YEARS_AGO ? { kind: 'yearsAgo', years: t.years + 1 } : undefined;
  if (t.kind === 'named' && t.academicYear)
    return { ...t, academicYear: TermCalendar.academicYearLabel(Number(t.academicYear.slice(0, 4)) - 1) };
  return undefined;
}

function dedupe(terms: TermRef[]): TermRef[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = JSON.stringify(t);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
