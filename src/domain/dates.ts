/** Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so no local time zone can shift a day. */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealIsoDate(value: string): boolean {
  const m = ISO.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** A date and time with its zone, e.g. 2026-12-10T10:00:00Z or 2026-12-10T10:00+00:00 (seconds optional). */
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** A real instant written in ISO 8601 with its zone: a local time without one would mean a different hour on each machine. */
export function isRealIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME.exec(value);
  return Boolean(m && isRealIsoDate(m[1]!) && !Number.isNaN(Date.parse(value)));
}

export function parseIsoDate(value: string): { year: number; month: number; day: number } {
  if (!isRealIsoDate(value)) throw new Error(`not a date: ${value}`);
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return { year: y, month: m, day: d };
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toEpochDay(value: string): number {
  const { year, month, day } = parseIsoDate(value);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

export function addDays(value: string, days: number): string {
  return new Date((toEpochDay(value) + days) * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Month names, January first: "22 November 2026" on cards, "since September" read back by the understanding. */
export const MONTH_NAMES: readonly string[] = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2027-01-14 → "Thursday 14 January 2027": a meeting's day, as people say it. */
export function longWeekdayDate(iso: string): string {
  const weekday = new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' });
  return `${weekday} ${longDate(iso)}`;
}

/** 2026-11-22 → "22 November 2026": unambiguous for every reader, unlike 11/22 or 22/11. */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
}
