import { Cron } from 'croner';
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

/**
 * Checks every hour (at minute 7, spread away from the hour) whether a term-end digest is due and runs it.
 * Running it again is harmless: the send ledger lets each subscriber have each term's digest once, so
 * every instance may run this schedule, and a run cut short by a restart is finished by the next one.
 */
export function scheduleTermEndDigests(
  run: () => Promise<unknown>,
  onError: (error: unknown) => void,
): { stop(): void } {
  const job = new Cron('7 * * * *', { protect: true, timezone: 'UTC' }, async () => {
    try {
      await run();
    } catch (error) {
      onError(error);
    }
  });
  return { stop: () => job.stop() };
}
