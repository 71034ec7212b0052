/** Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so no local time zone can shift a day. */

/*
 * The date arithmetic is done on numbers, without Date objects: the waits figures call it millions of times over a
 * large extract. It gives what the Date-based reading gave (test/unit/domain/dates.test.ts holds it to that), years
 * before 100 included: those were never real here, as Date.UTC reads years 0-99 as 1900-1999.
 */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The number written in `length` digits (0-9 only) from `at` in `value`, or -1. */
function digits(value: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Year, month and day of a real date written YYYY-MM-DD, or undefined. */
function readIsoDate(value: string): { year: number; month: number; day: number } | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return undefined;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 2);
  const day = digits(value, 8, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  return { year, month, day };
}

export function isRealIsoDate(value: string): boolean {
  return readIsoDate(value) !== undefined;
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
  const date = readIsoDate(value);
  if (!date) throw new Error(`not a date: ${value}`);
  return date;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before), for the proleptic Gregorian calendar Date uses (H. Hinnant's days_from_civil). */
function toEpochDay(value: string): number {
  const { year, month, day } = parseIsoDate(value);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date `epochDay` days after 1970-01-01 (civil_from_days), written YYYY-MM-DD while the year has four digits. */
function fromEpochDay(epochDay: number): string | undefined {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * m + 2) / 5) + 1;
  const month = m < 10 ? m + 3 : m - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return year >= 0 && year <= 9999 ? isoDate(year, month, day) : undefined;
}

export function addDays(value: string, days: number): string {
  const epochDay = toEpochDay(value) + days;
  // Whole days within four-digit years; anything else as Date writes it (or refuses it).
  const written = Number.isInteger(epochDay) ? fromEpochDay(epochDay) : undefined;
  return written ?? new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
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
