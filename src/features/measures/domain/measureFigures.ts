import { discloseFigure, type Disclosed } from '../../../domain/disclosure/disclosure.js';
import { isRated } from '../../../domain/targets/targetProvenance.js';
import { ragOf, type Rag } from '../../waits/domain/statistics.js';
import type { Measure } from './measureCatalogue.js';
import type { MeasureValue } from './measureRow.js';
import { previousPeriod, sameLastYear } from './period.js';
import type { BenchmarkValue, Comparator } from './benchmarkRow.js';

/** A measure with its latest figures, or without when none are loaded. */
export type MeasureAnswer = { measure: Measure; figures?: MeasureFigures };

/** One period's figure after disclosure control, with what it rests on. */
export type DisclosedValue = {
  period: string;
  value: Disclosed;
  numerator?: Disclosed;
  denominator?: number;
};

/** An earlier period's figure, and the change from it to the latest when both are shown (percent: points). */
export type Comparison = { then: DisclosedValue; change?: number };

export type MeasureFigures = {
  measure: Measure;
  latest: DisclosedValue & { loadedAt: string; file: string };
  /** The period before. */
  previous?: Comparison;
  /** The same period a year before (for a yearly measure, the year before: the same as `previous`). */
  yearBefore?: Comparison;
  /**
   * Public comparators (England, region, statistical neighbours) for the same period as `latest`, as loaded
   * (never suppressed: they are published figures).
   */
  comparators: Partial<Record<Comparator, BenchmarkValue>>;
  /**
   * Against a `level` target set by statute or the framework's documents, or a `national` / `neighbours`
   * target when that comparator is loaded for the same period (see rateAgainstComparator).
   */
  rag: Rag | null;
};

/**
 * "In line with national" and "better than statistical neighbours", rated with the tolerance the catalogue
 * states for the target (in the measure's unit). `ahead` is how far the local figure is on the better side:
 * - national (in line or better): green when not worse by more than the tolerance; amber when worse by up to
 *   twice it; red beyond.
 * - neighbours (better than): green when better by more than the tolerance; amber when in line (within it
 *   either side); red when worse by more than it.
 */
export function rateAgainstComparator(
  kind: 'national' | 'neighbours',
  better: Measure['better'],
  local: number,
  comparator: number,
  tolerance: number,
): Rag {
  const ahead = (local - comparator) * (better === 'higher' ? 1 : -1);
  const eps = 1e-9;
  if (kind === 'national') return ahead >= -tolerance - eps ? 'green' : ahead >= -2 * tolerance - eps ? 'amber' : 'red';
  return ahead > tolerance + eps ? 'green' : ahead >= -tolerance - eps ? 'amber' : 'red';
}

/**
 * Disclosure for a measure's figure, under the rule every figure follows: nothing resting on 1–4 people
 * or events is shown (zero is). A share hides when its numerator, its complement or its denominator is
 * 1–4 (38 of 40 on time would say 2 were late); a count hides at 1–4; a rate hides when its numerator or
 * denominator does, and is shown as given when neither is known.
 */
export function discloseValue(measure: Measure, v: MeasureValue): DisclosedValue {
  const small = (n: number | undefined) => n !== undefined && n > 0 && n < 5;
  if (measure.unit === 'count') return { period: v.period, value: discloseFigure({ value: v.value, basis: v.value }) };
  const hide =
    small(v.numerator) ||
    (v.denominator !== undefined && v.denominator < 5) ||
    (measure.unit === 'percent' && small((v.denominator ?? 0) - (v.numerator ?? 0)));
  const value: Disclosed = hide
    ? { shown: false, reason: 'suppressed' }
    : { shown: true, value: v.value, basis: v.denominator ?? 0 };
  return {
    period: v.period,
    value,
    ...(v.numerator !== undefined
      ? {
          numerator: hide ? value : { shown: true, value: v.numerator, basis: v.denominator ?? 0 },
          denominator: v.denominator,
        }
      : {}),
  };
}

/**
 * The figures of a measure for `period` (default: the latest loaded), or undefined when none is loaded.
 * `benchmarks`: the measure's comparators as loaded (any periods); those for the figure's period are kept.
 */
export function measureFigures(
  measure: Measure,
  history: readonly (MeasureValue & { loadedAt: string; file: string })[],
  period?: string,
  benchmarks: readonly BenchmarkValue[] = [],
): MeasureFigures | undefined {
  const latest = period ? history.find((h) => h.period === period) : history.at(-1);
  if (!latest) return undefined;
  const find = (p: string) => history.find((h) => h.period === p);
  const prev = find(previousPeriod(latest.period, measure.frequency));
  const year = find(sameLastYear(latest.period, measure.frequency));
  const now = discloseValue(measure, latest);
  const compare = (row: MeasureValue | undefined): Comparison | undefined => {
    if (!row) return undefined;
    const then = discloseValue(measure, row);
    return now.value.shown && then.value.shown ? { then, change: now.value.value - then.value.value } : { then };
  };
  const previous = compare(prev);
  const yearBefore = compare(year);
  const target = measure.target;
  let rag: Rag | null = null;
  if (target?.kind === 'level' && isRated(target.provenance) && now.value.shown) {
    // ragOf rates "at least": for a lower-is-better measure compare the other way round.
    const v = now.value.value;
    if (measure.better === 'higher') rag = ragOf(v, target.value);
    else rag = v <= target.value ? 'green' : measure.unit === 'percent' && v <= target.value + 0.05 ? 'amber' : 'red';
  }
  const comparators: MeasureFigures['comparators'] = {};
  for (const b of benchmarks)
    if (b.measureId === measure.id && b.period === latest.period) comparators[b.comparator] = b;
  if ((target?.kind === 'national' || target?.kind === 'neighbours') && isRated(target.provenance) && now.value.shown) {
    const against = comparators[target.kind === 'national' ? 'england' : 'statistical_neighbours'];
    if (against)
      rag = rateAgainstComparator(target.kind, measure.better, now.value.value, against.value, target.tolerance);
  }
  return {
    measure,
    latest: { ...now, loadedAt: latest.loadedAt, file: latest.file },
    ...(previous ? { previous } : {}),
    ...(yearBefore ? { yearBefore } : {}),
    comparators,
    rag,
  };
}
