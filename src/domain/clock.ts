/** "Today" for the whole product: the real UTC date unless BOT_TODAY fixes it (demos and tests). */
export interface Clock {
  today(): string;
  now(): Date;
}

/**
 * With BOT_TODAY, "now" is that day at the real time of day, so every date the product writes or checks
 * (a link's expiry, a lease, a code's lock) agrees with "today" instead of mixing two calendars.
 */
export function systemClock(fixedToday?: string): Clock {
  return {
    today: () => fixedToday ?? new Date().toISOString().slice(0, 10),
    now: () => (fixedToday ? new Date(`${fixedToday}T${new Date().toISOString().slice(11)}`) : new Date()),
  };
}
