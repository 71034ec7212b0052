import { z } from 'zod';
import { validated } from '../../../domain/validated.js';
import { addDays, isoDate as isoDateOf, isRealIsoDate, parseIsoDate } from '../../../domain/dates.js';
import type { Term } from '../../../domain/terms/termCalendar.js';
import type { WaitingListStats } from './statistics.js';

/**
 * What one extract said about a service's waiting list, kept for every extract date so "has it changed
 * since September", "compared with last term" and "trend" are answered from the extracts loaded, never
 * reconstructed from today's list (a later extract may correct or drop referrals). It holds every count a
 * waits card shows (the number waiting, the bands, those under the target and the aim) so that an old
 * extract is disclosed exactly as its own card was: a figure hidden then stays hidden in a comparison.
 */
const isoDate = z.string().refine(isRealIsoDate, 'must be a real date written YYYY-MM-DD');
const count = z.number().int().nonnegative();
const countBelow = z.object({ withinWeeks: count, count });

export const extractSnapshotSchema = z.object({
  version: z.literal(1),
  serviceId: z.string().min(1),
  asOf: isoDate,
  waiting: count,
  medianWeeks: z.number().nonnegative().nullable(),
  bands: z.array(z.object({ label: z.string(), fromWeeks: count, toWeeks: count.nullable(), count })),
  underTarget: countBelow,
  underAim: countBelow.nullable(),
});
export type ExtractSnapshot = z.infer<typeof extractSnapshotSchema>;

export function snapshotOf(stats: WaitingListStats): ExtractSnapshot {
  return {
    version: 1,
    serviceId: stats.serviceId,
    asOf: stats.onDate,
    waiting: stats.waiting,
    medianWeeks: stats.medianWeeks,
    bands: stats.bands.map((b) => ({ label: b.label, fromWeeks: b.fromWeeks, toWeeks: b.toWeeks, count: b.count })),
    underTarget: { withinWeeks: stats.waitingUnderTarget.withinWeeks, count: stats.waitingUnderTarget.numerator },
    underAim: stats.waitingUnderAim
      ? { withinWeeks: stats.waitingUnderAim.withinWeeks, count: stats.waitingUnderAim.numerator }
      : null,
  };
}

/** Reads a stored snapshot back, naming the damaged field if it does not fit. */
export function parseExtractSnapshot(raw: unknown): ExtractSnapshot {
  return validated(extractSnapshotSchema, raw, 'stored extract snapshot is damaged at');
}

/** What a change question compares the latest extract with. */
export type WaitsChange =
  /** "since September": the list as it stood at the start of that month. */
  | { kind: 'sinceMonth'; month: number }
  /** "compared with last term": the list as it stood at the end of that term. */
  | { kind: 'sinceTerm'; term: Term }
  /** "trend", "has it changed": every extract loaded. */
  | { kind: 'trend' };

export type ChangeAnswer =
  | { kind: 'noData' }
  | { kind: 'compared'; then: ExtractSnapshot; now: ExtractSnapshot; since: string }
  /** Nothing loaded from that far back: the earliest extract there is, so the answer can say so. */
  | { kind: 'nothingThatOld'; since: string; earliest: ExtractSnapshot; now: ExtractSnapshot }
  | { kind: 'trend'; snapshots: ExtractSnapshot[] };

/** How many extracts a trend shows (the most recent). */
export const TREND_EXTRACTS = 8;

/**
 * Picks the extracts a change question is answered from. `today` places a month: "since September" is
 * the most recent 1 September on or before today. The baseline is the last extract on or before that
 * date (the list as it then stood); with none, the earliest extract within the month, said as such by
 * its date; with none of those either, the answer says how far back the extracts go.
 */
export function answerChange(snapshots: readonly ExtractSnapshot[], change: WaitsChange, today: string): ChangeAnswer {
  const sorted = [...snapshots].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const now = sorted.at(-1);
  if (!now) return { kind: 'noData' };
  if (change.kind === 'trend') return { kind: 'trend', snapshots: sorted.slice(-TREND_EXTRACTS) };
  const since = change.kind === 'sinceMonth' ? monthStart(change.month, today) : change.term.end;
  const before = sorted.filter((s) => s.asOf <= since && s.asOf < now.asOf).at(-1);
  const monthEnd = change.kind === 'sinceMonth' ? lastDayOfMonth(since) : since;
  const within = sorted.find((s) => s.asOf > since && s.asOf <= monthEnd && s.asOf < now.asOf);
  const then = before ?? within;
  if (then) return { kind: 'compared', then, now, since };
  return { kind: 'nothingThatOld', since, earliest: sorted[0]!, now };
}

function monthStart(month: number, today: string): string {
  const { year, month: thisMonth } = parseIsoDate(today);
  return isoDateOf(month <= thisMonth ? year : year - 1, month, 1);
}

function lastDayOfMonth(first: string): string {
  const { year, month } = parseIsoDate(first);
  return addDays(month === 12 ? isoDateOf(year + 1, 1, 1) : isoDateOf(year, month + 1, 1), -1);
}

/**
 * A waiting list asked for a period ("at the end of October", "last term", "in 2025-26") is the list as the
 * last extract on or before the period's end said it stood (`then`), beside the latest (`now`):
 *  - latest: the period runs up to the latest extract (this term, this month), so the latest answers it;
 *  - inPeriod: an extract loaded within the period;
 *  - before: none loaded within it, so the last before it (said so by its date);
 *  - nothingThatOld: every extract is later than the period, so the earliest, said so.
 */
export type AtAnswer =
  | { kind: 'noData' }
  | { kind: 'at'; then: ExtractSnapshot; now: ExtractSnapshot; when: 'latest' | 'inPeriod' | 'before' }
  | { kind: 'nothingThatOld'; earliest: ExtractSnapshot; now: ExtractSnapshot };

export function answerAt(snapshots: readonly ExtractSnapshot[], period: { start: string; end: string }): AtAnswer {
  const sorted = [...snapshots].sort((a, b) => a.asOf.localeCompare(b.asOf));
  const now = sorted.at(-1);
  if (!now) return { kind: 'noData' };
  if (period.end >= now.asOf)
    return { kind: 'at', then: now, now, when: now.asOf >= period.start ? 'latest' : 'before' };
  const then = sorted.filter((s) => s.asOf <= period.end).at(-1);
  if (!then) return { kind: 'nothingThatOld', earliest: sorted[0]!, now };
  return { kind: 'at', then, now, when: then.asOf >= period.start ? 'inPeriod' : 'before' };
}
