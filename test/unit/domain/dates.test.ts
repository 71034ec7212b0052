import { expect } from 'chai';
import fc from 'fast-check';
import { addDays, daysBetween, isRealIsoDate, parseIsoDate } from '../../../src/domain/dates.js';

/**
 * src/domain/dates.ts does its arithmetic on numbers (the waits figures call it millions of times); these hold it
 * to a plain reading through Date, as the module itself was written before: same answers, same refusals.
 */
const DAY = 86_400_000;
const byDate = {
  isReal(value: string): boolean {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return (
      d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
    );
  },
  epochDay(value: string): number {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d) / DAY;
  },
  addDays(value: string, days: number): string {
    return new Date((byDate.epochDay(value) + days) * DAY).toISOString().slice(0, 10);
  },
};
const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('calendar dates (src/domain/dates.ts)', () => {
  it('knows a real date as Date does: leap years, month lengths, years before 100 never real', () => {
    const wrong: string[] = [];
    for (const year of [0, 1, 99, 100, 400, 1600, 1700, 1800, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let month = 0; month <= 13; month++)
        for (const day of [0, 1, 28, 29, 30, 31, 32]) {
          const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          if (isRealIsoDate(value) !== byDate.isReal(value)) wrong.push(value);
        }
    expect(wrong).to.deep.equal([]);
    for (const value of [
      '2026-1-01',
      ' 2026-01-01',
      '2026-01-01 ',
      '2026-01-01\n',
      '２０２６-01-01',
      '2026/01/01',
      '',
    ]) {
      expect(isRealIsoDate(value), value).to.equal(false);
      expect(() => parseIsoDate(value), value).to.throw(`not a date: ${value}`);
    }
    expect(parseIsoDate('2024-02-29')).to.deep.equal({ year: 2024, month: 2, day: 29 });
  });

  it('adds days and counts days between as Date does, every day of 2019-2031 and around three century ends', () => {
    const wrong: string[] = [];
    for (const [from, to] of [
      ['1899-12-01', '1900-03-31'],
      ['1999-12-01', '2000-03-31'],
      ['2019-01-01', '2031-12-31'],
      ['2099-12-01', '2100-03-31'],
    ] as const)
      for (let day: string = from; day <= to; day = byDate.addDays(day, 1)) {
        for (const n of [1, -1, 366, -1461])
          if (addDays(day, n) !== byDate.addDays(day, n)) wrong.push(`${day} ${n}: ${addDays(day, n)}`);
        if (daysBetween('1970-01-01', day) !== byDate.epochDay(day))
          wrong.push(`${day}: ${daysBetween('1970-01-01', day)}`);
      }
    expect(wrong).to.deep.equal([]);
  });

  it('agrees with Date on any four-digit year, far jumps included (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: -4_000_000, max: 4_000_000 }),
        (date, n) => {
          const day = date.toISOString().slice(0, 10);
          // Beyond four-digit years Date writes '+010000-…' and the next reading refuses it: the same either way.
          const expected = (() => {
            try {
              return byDate.addDays(day, n);
            } catch (e) {
              return String(e);
            }
          })();
          const got = (() => {
            try {
              return addDays(day, n);
            } catch (e) {
              return String(e);
            }
          })();
          expect(got).to.equal(expected);
          expect(daysBetween(day, '2026-11-22')).to.equal(byDate.epochDay('2026-11-22') - byDate.epochDay(day));
        },
      ),
      { numRuns: 500 },
    );
  });
});
