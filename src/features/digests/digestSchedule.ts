import { daysBetween } from '../../domain/dates.js';
import type { Term, TermCalendar } from '../../domain/terms/termCalendar.js';

/** After this many days a missed term-end digest is no longer sent (a bot deployed mid-year sends no stale ones). */
export const DIGEST_GRACE_DAYS = 21;

/** The term whose end-of-term digest is due on `today`, if any: the term just ended, within the grace period. */
export function termDueOn(terms: TermCalendar, today: string): Term | undefined {
  const ended = terms.previous(terms.termOf(today));
  const days = daysBetween(ended.end, today);
  return days >= 1 && days <= DIGEST_GRACE_DAYS ? ended : undefined;
}
