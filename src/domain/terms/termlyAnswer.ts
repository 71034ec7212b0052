import { daysBetween } from '../dates.js';
import { termName, type AskedPeriod } from './askedPeriod.js';
import type { Term, TermCalendar } from './termCalendar.js';

/**
 * Survey figures (scores, response rates, themes of comments) are counted by term. A period asked that is not
 * one term is answered honestly by a term, and the answer says which and why:
 *  - a month: the term it is in ("Survey figures are kept by term; October 2026 is in the autumn term 2026-27:");
 *  - an academic year: its latest term held ("… for 2025-26 the latest term held is the summer term 2025-26:");
 *  - a period with nothing held: said so by name, with the nearest term held ("No scores are held for October
 *    2024; the nearest term held is the autumn term 2025-26:"), never another term's figures unsaid.
 */
export type TermlyChoice =
  | { kind: 'held'; term: Term; lead?: string }
  | { kind: 'nearest'; term: Term; lead: string }
  | { kind: 'none'; text: string };

/** How many terms either side of the one asked are looked at for the nearest held (three academic years). */
const LOOK_AROUND = 9;

/** The terms a period asked covers that have begun by `today`, latest first. */
export function termsCovering(asked: AskedPeriod, calendar: TermCalendar, today: string): Term[] {
  const found: Term[] = [];
  const last = asked.end < today ? asked.end : today;
  if (asked.start > today) return found;
  for (let t = calendar.termOf(last); t.end >= asked.start; t = calendar.previous(t)) found.push(t);
  return found;
}

/**
 * The terms to look at for the nearest held: up to LOOK_AROUND either side of the period asked, none after
 * the current term (nothing is held for a term not begun).
 */
export function termsAround(asked: AskedPeriod, calendar: TermCalendar, today: string): Term[] {
  const current = calendar.termOf(today);
  const middle = calendar.termOf(asked.start < today ? asked.start : today);
  const around: Term[] = [middle];
  let before = middle;
  let after = middle;
  for (let i = 0; i < LOOK_AROUND; i++) {
    before = calendar.previous(before);
    around.push(before);
    if (after.id !== current.id) {
      after = calendar.next(after);
      around.push(after);
    }
  }
  return around;
}

/**
 * Chooses the term that answers `asked` (`covering`, latest first), given which terms hold figures.
 * `what` names the figures in a sentence ("scores", "response figures", "comments").
 */
export function chooseTerm(
  asked: AskedPeriod,
  covering: readonly Term[],
  around: readonly Term[],
  held: (t: Term) => boolean,
  what: string,
): TermlyChoice {
  const kept = 'Survey figures are kept by term';
  const found = covering.find(held);
  if (found) {
    if (asked.unit === 'term') return { kind: 'held', term: found };
    if (asked.unit === 'year')
      return {
        kind: 'held',
        term: found,
        lead: `${kept}; for ${asked.name} the latest term held is ${termName(found)}:`,
      };
    return { kind: 'held', term: found, lead: `${kept}; ${asked.name} is in ${termName(found)}:` };
  }
  const from = asked.start;
  const distance = (t: Term) => Math.abs(daysBetween(from, t.start));
  const nearest = around.filter(held).sort((p, q) => distance(p) - distance(q) || (p.start < q.start ? 1 : -1))[0];
  const none = `No ${what} are held for ${asked.name}`;
  if (!nearest) return { kind: 'none', text: `${none}, nor for any term near it.` };
  return { kind: 'nearest', term: nearest, lead: `${none}; the nearest term held is ${termName(nearest)}:` };
}

/**
 * The term that answers `asked`, reading only the terms that could answer it (covering and around) in one
 * call: `read` gives each term's counters, `held` says whether a term's counters hold the figures asked.
 */
export async function termForPeriod<C>(
  asked: AskedPeriod,
  calendar: TermCalendar,
  today: string,
  read: (termIds: string[]) => Promise<Map<string, C>>,
  held: (counters: C | undefined) => boolean,
  what: string,
): Promise<TermlyChoice> {
  const covering = termsCovering(asked, calendar, today);
  const around = termsAround(asked, calendar, today);
  const counters = await read([...new Set([...covering, ...around].map((t) => t.id))]);
  return chooseTerm(asked, covering, around, (t) => held(counters.get(t.id)), what);
}
