import { addDays } from '../../src/domain/dates.js';
import type { Clock } from '../../src/domain/clock.js';

/** A clock tests can move: "today" is a date; now() is noon UTC of it plus any extra minutes. */
export class TestClock implements Clock {
  private extraMs = 0;
  constructor(private day: string) {}
  today(): string {
    return this.day;
  }
  now(): Date {
    return new Date(Date.parse(`${this.day}T12:00:00.000Z`) + this.extraMs);
  }
  advanceDays(days: number): void {
    this.day = addDays(this.day, days);
  }
  advanceMinutes(minutes: number): void {
    this.extraMs += minutes * 60_000;
  }
  set(day: string): void {
    this.day = day;
    this.extraMs = 0;
  }
}
