import { TermCalendar } from '../domain/terms/termCalendar.js';
import { MOST_YEARS_AGO, type PeriodAsk } from './periodAsk.js';
import { aYearBefore } from './termSlot.js';
import type { Understanding } from './types.js';

/**
 * "and the year before?", "what about the previous year?", "the year before that?" after a question for a
 * period: that period a year earlier, not a year before today ("voice scores for 2024-25" → "and the year
 * before?" is 2023-24). "this time last year" and "a year ago" stay counted from today (periodSlot).
 */
const SAYS_YEAR_BEFORE =
  /\b(?:(?:the|a) year (?:before|earlier|prior)|(?:the )?previous year|(?:the )?year before that|one year earlier)\b/;

/**
 * The previous question a year earlier, when the message asks for "the year before" and the previous question
 * named its period. `undefined`: not such a message, or the previous question was for the latest figures (then
 * "the year before" is a year before today, as the message reads alone). `unknown` when the period named cannot
 * be moved without today's date ("October" with no year): asked to name it rather than guessed.
 */
export function yearBeforeAsked(tokens: readonly string[], previous: Understanding): Understanding | undefined {
  if (!SAYS_YEAR_BEFORE.test(tokens.join(' '))) return undefined;
  const unclear: Understanding = { intent: 'unknown', reason: 'unclear' };
  switch (previous.intent) {
    case 'scores':
    case 'responseRate':
    case 'themes': {
      if (previous.period) {
        const period = shiftPeriod(previous.period);
        return period ? { ...previous, period } : unclear;
      }
      const first = previous.terms[0];
      if (!first || first.kind === 'current') return undefined;
      if (previous.terms.length > 1) return unclear;
      const term = aYearBefore(first);
      return term ? { ...previous, terms: [term] } : unclear;
    }
    case 'measure':
    case 'waits': {
      if (!previous.period) return undefined;
      const period = shiftPeriod(previous.period);
      return period ? { ...previous, period } : unclear;
    }
    default:
      return undefined;
  }
}

/** "2024-25" → "2023-24". */
export function yearEarlier(academicYear: string): string {
  return TermCalendar.academicYearLabel(Number(academicYear.slice(0, 4)) - 1);
}

function shiftPeriod(p: PeriodAsk): PeriodAsk | undefined {
  switch (p.kind) {
    case 'year':
      return { kind: 'year', academicYear: yearEarlier(p.academicYear) };
    case 'term':
      return p.academicYear ? { ...p, academicYear: yearEarlier(p.academicYear) } : undefined;
    case 'month':
      return p.year !== undefined ? { ...p, year: p.year - 1 } : undefined;
    case 'relative':
      // This year, a year before, is last year; this term or month a year before is "this time last year".
      if (p.which === 'current') return p.unit === 'year' ? { ...p, which: 'previous' } : { kind: 'yearAgo' };
      return undefined;
    case 'yearAgo':
      return { kind: 'yearsAgo', years: 2 };
    case 'yearsAgo':
      return p.years < MOST_YEARS_AGO ? { kind: 'yearsAgo', years: p.years + 1 } : undefined;
  }
}
