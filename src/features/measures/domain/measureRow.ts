import type { Measure } from './measureCatalogue.js';
import { periodProblem, periodStart } from './period.js';

export const MEASURE_COLUMNS = ['measure_id', 'period', 'numerator', 'denominator', 'value'] as const;

/** One figure of one measure for one period, as stored. `value` is the share (0–1) for a percent. */
export type MeasureValue = {
  measureId: string;
  period: string;
  numerator?: number;
  denominator?: number;
  value: number;
};

export type CheckedRow = { ok: true; row: MeasureValue } | { ok: false; errors: string[] };

const WHOLE = /^\d+$/;
const NUMBER = /^\d+(\.\d+)?$/;

/**
 * Checks one CSV row against the catalogue (SPEC.md "Framework measures"), every problem in plain words:
 * an unknown measure, a period not of the measure's frequency, a percent without its numerator and
 * denominator or with a numerator above it, a count that is not a whole number, negative figures.
 */
export function checkMeasureRow(
  values: Record<string, string>,
  byId: ReadonlyMap<string, Measure>,
  today: string,
): CheckedRow {
  const errors: string[] = [];
  const id = (values['measure_id'] ?? '').trim();
  const period = (values['period'] ?? '').trim();
  const measure = byId.get(id);
  if (!id) errors.push('measure_id is empty');
  else if (!measure) errors.push(`measure_id "${id.slice(0, 40)}" is not a measure in seeds/measures.json`);
  if (!period) errors.push('period is empty');
  else if (measure) {
    const problem = periodProblem(period, measure.frequency);
    if (problem) errors.push(problem);
    else if (periodStart(period, measure.frequency) > today)
      errors.push(`period "${period}" has not begun yet (today is ${today})`);
  }
  const field = (name: 'numerator' | 'denominator' | 'value', pattern: RegExp, what: string) => {
    const raw = (values[name] ?? '').trim();
    if (raw === '') return undefined;
    if (raw.startsWith('-')) {
      errors.push(`${name} is negative (${raw.slice(0, 20)}): figures count people or events`);
      return undefined;
    }
    if (!pattern.test(raw)) {
      errors.push(`${name} "${raw.slice(0, 20)}" is not ${what}`);
      return undefined;
    }
    return Number(raw);
  };
  const numerator = field('numerator', WHOLE, 'a whole number');
  const denominator = field('denominator', WHOLE, 'a whole number');
  const value = field(
    'value',
    measure?.unit === 'count' ? WHOLE : NUMBER,
    measure?.unit === 'count' ? 'a whole number' : 'a number',
  );
  if (!measure || errors.length > 0) return { ok: false, errors };

  const given = (v: number | undefined) => v !== undefined;
  if (measure.unit === 'percent') {
    if (!given(numerator) || !given(denominator))
      errors.push('a percent needs its numerator and denominator (the value is worked out from them)');
    else if (denominator === 0) errors.push('denominator is 0: a percent of nobody has no value');
    else if (numerator! > denominator!)
      errors.push(`numerator (${numerator}) is more than the denominator (${denominator})`);
    else if (given(value) && Math.abs(value! - (100 * numerator!) / denominator!) > 0.05)
      errors.push(
        `value ${value} does not match ${numerator} of ${denominator} (${((100 * numerator!) / denominator!).toFixed(1)}%): leave value empty or give the same figure`,
      );
    if (errors.length) return { ok: false, errors };
    return { ok: true, row: { measureId: id, period, numerator, denominator, value: numerator! / denominator! } };
  }
  if (!given(value)) errors.push(`a ${measure.unit} needs its value`);
  if (measure.unit === 'count' && (given(numerator) || given(denominator)))
    errors.push('a count has only a value: leave numerator and denominator empty');
  if (measure.unit === 'rate' && given(numerator) !== given(denominator))
    errors.push('a rate gives both numerator and denominator, or neither');
  if (measure.unit === 'rate' && denominator === 0) errors.push('denominator is 0');
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    row: { measureId: id, period, value: value!, ...(given(numerator) ? { numerator, denominator } : {}) },
  };
}

export const measureKey = (v: { measureId: string; period: string }) => `${v.measureId}|${v.period}`;

export function sameValue(a: MeasureValue, b: MeasureValue): boolean {
  return a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator;
}
