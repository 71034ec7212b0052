import { z } from 'zod';
import { addDays, isoDate, parseIsoDate } from '../dates.js';

const monthDay = z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) });
const calendarSchema = z.object({
  description: z.string().optional(),
  terms: z
    .array(z.object({ season: z.string().regex(/^[a-z]+$/), name: z.string().min(1), start: monthDay, end: monthDay }))
    .min(1),
});
export type TermCalendarData = z.infer<typeof calendarSchema>;

/** A concrete term, e.g. 2025-26 Autumn. `id` is safe for table keys; `label` is what people read. */
export type Term = {
  id: string;
  label: string;
  season: string;
  academicYear: string;
  start: string;
  end: string;
};

/**
 * The term calendar. Terms are listed in academic-year order and must tile the year with no gaps,
 * so every date belongs to exactly one term (checked at load, not assumed).
 */
export class TermCalendar {
  constructor(private readonly data: TermCalendarData) {
    // Walk one (non-leap and leap) year term by term and check each ends the day before the next starts.
    for (const year of [2025, 2027]) {
      const terms = this.termsOfAcademicYear(year);
      for (let i = 1; i < terms.length; i++) {
        if (addDays(terms[i - 1].end, 1) !== terms[i].start) {
          throw new Error(`term calendar: ${terms[i - 1].label} and ${terms[i].label} leave a gap or overlap`);
        }
      }
      const last = terms[terms.length - 1];
      if (addDays(last.end, 1) !== this.termsOfAcademicYear(year + 1)[0].start) {
        throw new Error('term calendar: the terms do not cover the whole year');
      }
    }
  }

  get seasons(): string[] {
    return this.data.terms.map((t) => t.season);
  }

  /** Academic years are named by their first calendar year: 2025 -> "2025-26". */
  static academicYearLabel(startYear: number): string {
    return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
  }

  termsOfAcademicYear(startYear: number): Term[] {
    const first = this.data.terms[0];
    const label = TermCalendar.academicYearLabel(startYear);
    return this.data.terms.map((t) => {
      // A term whose start month is before the first term's start month falls in the next calendar year.
      const startYearOfTerm = t.start.month < first.start.month ? startYear + 1 : startYear;
      const endYearOfTerm = t.end.month < t.start.month ? startYearOfTerm + 1 : startYearOfTerm;
      const start = isoDate(startYearOfTerm, t.start.month, t.start.day);
      const end = isoDate(endYearOfTerm, t.end.month, Math.min(t.end.day, daysInMonth(endYearOfTerm, t.end.month)));
      return {
        id: `${label}-${t.season}`,
        label: `${label} ${t.name}`,
        season: t.season,
        academicYear: label,
        start,
        end,
      };
    });
  }

  termOf(date: string): Term {
    const { year } = parseIsoDate(date);
    for (const startYear of [year - 1, year]) {
      const found = this.termsOfAcademicYear(startYear).find((t) => t.start <= date && date <= t.end);
      if (found) return found;
    }
    throw new Error(`no term contains ${date}`);
  }

  previous(term: Term): Term {
    return this.termOf(addDays(term.start, -1));
  }

  next(term: Term): Term {
    return this.termOf(addDays(term.end, 1));
  }

  /** Parses a term id ("2025-26-autumn") or label ("2025-26 Autumn"), case-insensitively. */
  byId(idOrLabel: string): Term | undefined {
    const m = /^(\d{4})-(\d{2})[\s-]+([a-z]+)$/i.exec(idOrLabel.trim());
    if (!m) return undefined;
    const startYear = Number(m[1]);
    if (TermCalendar.academicYearLabel(startYear) !== `${m[1]}-${m[2]}`) return undefined;
    return this.termsOfAcademicYear(startYear).find((t) => t.season === m[3].toLowerCase());
  }

  /** The most recent term of that season that has started on or before `today`. */
  latestOfSeason(season: string, today: string): Term | undefined {
    const current = this.termOf(today);
    let t = current;
    for (let i = 0; i < this.data.terms.length; i++) {
      if (t.season === season) return t;
      t = this.previous(t);
    }
    return undefined;
  }
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseTermCalendar(raw: unknown): TermCalendar {
  const parsed = calendarSchema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`term calendar is invalid at ${first?.path.join('.') || '(root)'}: ${first?.message}`);
  }
  return new TermCalendar(parsed.data);
}
