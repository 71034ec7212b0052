/** "Today" for the whole product: the real UTC date unless BOT_TODAY fixes it (demos and tests). */
export interface Clock {
  today(): string;
  now(): Date;
}

export function systemClock(fixedToday?: string): Clock {
  return {
    today: () => fixedToday ?? new Date().toISOString().slice(0, 10),
    now: () => new Date(),
  };
}
