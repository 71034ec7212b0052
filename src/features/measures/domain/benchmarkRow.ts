import { z } from 'zod';
import type { Measure } from './measureCatalogue.js';
import { periodProblem, periodStart } from './period.js';

export const BENCHMARK_COLUMNS = ['measure_id', 'period', 'comparator', 'numerator', 'denominator', 'value'] as const;
export const COMPARATORS = ['england', 'region', 'statistical_neighbours'] as const;
export type Comparator = (typeof COMPARATORS)[number];

/**
 * One public comparator figure (DfE statistics, LG Inform) for a measure and period, as stored. `value` is a
 * share (0–1) for a percent, per 100 for a rate, a number for a count, like the measure's own figures.
 */
export type BenchmarkValue = {
  measureId: string;
  period: string;
  comparator: Comparator;
  value: number;
  numerator?: number;
  denominator?: number;
};

/** Oldest period first, then England, region, neighbours: the order every reader gets. */
export function benchmarkOrder(
  a: Pick<BenchmarkValue, 'period' | 'comparator'>,
  b: Pick<BenchmarkValue, 'period' | 'comparator'>,
): number {
  if (a.period !== b.period) return a.period < b.period ? -1 : 1;
  return COMPARATORS.indexOf(a.comparator) - COMPARATORS.indexOf(b.comparator);
}

export type CheckedBenchmark = { ok: true; row: BenchmarkValue } | { ok: false; errors: string[] };

const cell = (name: string) => z.string().trim().max(200, `${name} is too long`);
const whole = (name: string) =>
  cell(name)
    .refine((s) => s === '' || !s.startsWith('-'), `${name} is negative: figures count people or events`)
    .refine((s) => s === '' || s.startsWith('-') || /^\d+$/.test(s), `${name} is not a whole number`)
    .transform((s) => (s === '' ? undefined : Number(s)));
const decimal = (name: string) =>
  cell(name)
    .refine((s) => s === '' || !s.startsWith('-'), `${name} is negative: figures count people or events`)
    .refine((s) => s === '' || s.startsWith('-') || /^\d+(\.\d+)?$/.test(s), `${name} is not a number`)
    .transform((s) => (s === '' ? undefined : Number(s)));

/** The row's cells, each checked on its own; the checks against the measure follow in checkBenchmarkRow. */
const rowSchema = z.object({
  measure_id: cell('measure_id').min(1, 'measure_id is empty'),
  period: cell('period').min(1, 'period is empty'),
  comparator: cell('comparator').pipe(
    z.enum(COMPARATORS, { message: `comparator must be one of ${COMPARATORS.join(', ')}` }),
  ),
  numerator: whole('numerator'),
  denominator: whole('denominator'),
  value: decimal('value'),
});

/**
 * Checks one row of a comparators CSV (SPEC.md "Framework measures"), every problem in plain words: the
 * cells (zod), then against the catalogue: an unknown measure, a period not of its frequency or not begun, and
 * the figures its unit needs. A percent gives numerator and denominator (the value is worked out) or, for an
 * average such as the statistical neighbours' that has no counts, its value as a percentage (0–100); a rate its
 * value and, where known, numerator and denominator. A count (the area's own number) takes no comparator.
 * Comparators are published figures and are never suppressed.
 */
export function checkBenchmarkRow(
  values: Record<string, string>,
  byId: ReadonlyMap<string, Measure>,
  today: string,
): CheckedBenchmark {
  const parsed = rowSchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => i.message) };
  const r = parsed.data;
  const errors: string[] = [];
  const measure = byId.get(r.measure_id);
  if (!measure)
    return { ok: false, errors: [`measure_id "${r.measure_id.slice(0, 40)}" is not a measure in seeds/measures.json`] };
  const problem = periodProblem(r.period, measure.frequency);
  if (problem) errors.push(problem);
  else if (periodStart(r.period, measure.frequency) > today)
    errors.push(`period "${r.period}" has not begun yet (today is ${today})`);
  const given = (v: number | undefined): v is number => v !== undefined;
  const base = { measureId: measure.id, period: r.period, comparator: r.comparator };
  if (given(r.numerator) !== given(r.denominator)) errors.push('give both numerator and denominator, or neither');
  else if (r.denominator === 0) errors.push('denominator is 0: a figure of nobody has no value');
  if (measure.unit === 'percent') {
    if (given(r.numerator) && given(r.denominator) && r.denominator > 0) {
      if (r.numerator > r.denominator)
        errors.push(`numerator (${r.numerator}) is more than the denominator (${r.denominator})`);
      else if (given(r.value) && Math.abs(r.value - (100 * r.numerator) / r.denominator) > 0.05)
        errors.push(
          `value ${r.value} does not match ${r.numerator} of ${r.denominator} (${((100 * r.numerator) / r.denominator).toFixed(1)}%): leave value empty or give the same figure`,
        );
      if (errors.length) return { ok: false, errors };
      return {
        ok: true,
        row: { ...base, value: r.numerator / r.denominator, numerator: r.numerator, denominator: r.denominator },
      };
    }
    if (!given(r.value)) errors.push('a percent needs its numerator and denominator, or its value (0 to 100)');
    else if (r.value > 100) errors.push(`value ${r.value} is more than 100%`);
    if (errors.length) return { ok: false, errors };
    return { ok: true, row: { ...base, value: r.value! / 100 } };
  }
  // A count is the area's own number: England's or another area's is not like for like with it (a share or a
  // rate is), so it would mislead beside the local figure.
  if (measure.unit === 'count')
    errors.push(
      `${measure.id} is a count of this area's own; comparators are for shares and rates, which are like for like between areas`,
    );
  if (!given(r.value)) errors.push(`a ${measure.unit} needs its value`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    row: {
      ...base,
      value: r.value!,
      ...(given(r.numerator) ? { numerator: r.numerator, denominator: r.denominator } : {}),
    },
  };
}

export const benchmarkKey = (v: { measureId: string; period: string; comparator: string }) =>
  `${v.measureId}|${v.period}|${v.comparator}`;

export function sameBenchmark(a: BenchmarkValue, b: BenchmarkValue): boolean {
  return a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator;
}
