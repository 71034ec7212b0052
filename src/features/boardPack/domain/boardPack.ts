import type { Disclosed } from '../../../domain/disclosure/disclosure.js';
import type { OutcomeId, RespondentRole } from '../../../domain/survey/questionBank.js';
import type { TermDigest } from '../../digests/domain/termDigest.js';
import type { Measure } from '../../measures/domain/measureCatalogue.js';
import type { DisclosedValue } from '../../measures/domain/measureFigures.js';
import type { ExceptionNote } from '../../exceptions/domain/exceptionNote.js';
import type { ExceptionReason } from '../../exceptions/domain/needsCommentary.js';

/**
 * The partnership board's pack as data: every figure already through disclosure control (the digest's
 * figures, the measures' disclosed values, the scores' disclosed means), so the page and the PDF that
 * show it cannot show a figure from fewer than 5 people. No HTML, no PDF.
 */

/** One outcome's mean score for one role in one term (disclosed), for a trend over terms. */
export type ScorePoint = { term: string; termId: string; role: RespondentRole; mean: Disclosed; respondents: number };
export type ScoreTrend = { outcome: OutcomeId; name: string; points: ScorePoint[] };

/**
 * A published comparator beside a local figure (England, the region, statistical neighbours). Public
 * figures, never suppressed; filled when the measures' comparators are loaded (issue #26), absent until then.
 */
export type ComparatorFigure = {
  comparator: 'england' | 'region' | 'statistical_neighbours';
  period: string;
  value: number;
};

/** A measure's figures over every period held (each disclosed), with its comparators where loaded. */
export type MeasureTrend = { measure: Measure; points: DisclosedValue[]; comparators: ComparatorFigure[] };

export type ExceptionEntry = {
  measure: Measure;
  latest: DisclosedValue;
  why: ExceptionReason;
  note?: ExceptionNote;
};

/** What the pack covers: a term, or the last few weeks (the survey is termly: the term they end in). */
export type PackPeriod =
  { kind: 'term'; termId: string } | { kind: 'weeks'; weeks: number; from: string; to: string; termId: string };

export type BoardPack = {
  period: PackPeriod;
  /** "2026-27 Autumn", or "The six weeks to 7 December 2026". */
  title: string;
  /** How the period is covered, said plainly (only for a span of weeks). */
  periodNote?: string;
  digest: TermDigest;
  scoreTrends: ScoreTrend[];
  measureTrends: MeasureTrend[];
  exceptions: ExceptionEntry[];
};
