import { Cron } from 'croner';

/**
 * When a family may be sent a text or an email: 09:00 to 19:00, Monday to Friday, in England's own time
 * (Europe/London, so the hours hold across the clock changes). Bank holidays are not known here.
 * The zone's rules come from Intl and croner (the runtime's time-zone data), never from hand-written offsets.
 */
export const SENDING_ZONE = 'Europe/London';
export const FIRST_HOUR = 9;
/** Sending stops at 19:00: a message is sent at 18:59, never at 19:00. */
export const LAST_HOUR = 19;

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: SENDING_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
/** The first moment of each working day's sending hours. */
const OPENING = new Cron(`0 ${FIRST_HOUR} * * 1-5`, { timezone: SENDING_ZONE });
const NINE_EVERY_DAY = new Cron(`0 ${FIRST_HOUR} * * *`, { timezone: SENDING_ZONE });

/** The date (YYYY-MM-DD), ISO weekday (1 = Monday) and time of day in London at an instant. */
export function londonTime(at: Date): { date: string; weekday: number; hour: number; minute: number } {
  const part = Object.fromEntries(LONDON.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    date: `${part.year}-${part.month}-${part.day}`,
    weekday: WEEKDAYS[part.weekday ?? ''] ?? 0,
    hour: Number(part.hour),
    minute: Number(part.minute),
  };
}

export function isSendingTime(at: Date): boolean {
  const t = londonTime(at);
  return t.weekday >= 1 && t.weekday <= 5 && t.hour >= FIRST_HOUR && t.hour < LAST_HOUR;
}

/** The instant itself when a message may go then; otherwise the next 09:00 of a working day. */
export function nextSendingTime(at: Date): Date {
  if (isSendingTime(at)) return at;
  const next = OPENING.nextRun(at);
  if (!next) throw new Error('no next sending time'); // a fixed weekly pattern always has one
  return next;
}

/** 09:00 in London on a date (YYYY-MM-DD). */
export function nineOn(date: string): Date {
  // Midnight UTC is 00:00 or 01:00 in London on the same date, so the next 09:00 is that day's.
  const nine = NINE_EVERY_DAY.nextRun(new Date(`${date}T00:00:00Z`));
  if (!nine) throw new Error(`no 09:00 on ${date}`);
  return nine;
}

/** The date `days` working days (Monday to Friday) before a date: two before a Monday is the Thursday before. */
export function workingDaysBefore(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() - 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left--;
  }
  return d.toISOString().slice(0, 10);
}
