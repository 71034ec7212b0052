/** "Today" for the whole product: the real UTC date unless BOT_TODAY or BOT_NOW fixes it (demos and tests). */
export interface Clock {
  today(): string;
  now(): Date;
}

/**
 * With BOT_NOW (an ISO date-time), the clock starts at that instant when it is made and runs on in real time:
 * a demo or a test can be at a given hour of a given day, while leases, lock-outs and pacing still see time
 * pass. "Today" is then the UTC date of that clock.
 *
 * With BOT_TODAY alone, "now" is that day at the real time of day, so every date the product writes or checks
 * (a link's expiry, a lease, a code's lock) agrees with "today" instead of mixing two calendars.
 *
 * Configuration refuses both set unless they agree (BOT_NOW's UTC date is BOT_TODAY); BOT_NOW decides.
 */
export function systemClock(fixedToday?: string, fixedNow?: string, realNow: () => number = Date.now): Clock {
  if (fixedNow !== undefined) {
    const offset = Date.parse(fixedNow) - realNow();
    if (Number.isNaN(offset)) throw new Error(`not a date-time: ${fixedNow}`);
    const now = () => new Date(realNow() + offset);
    return { now, today: () => now().toISOString().slice(0, 10) };
  }
  return {
    today: () => fixedToday ?? new Date(realNow()).toISOString().slice(0, 10),
    now: () =>
      fixedToday ? new Date(`${fixedToday}T${new Date(realNow()).toISOString().slice(11)}`) : new Date(realNow()),
  };
}
