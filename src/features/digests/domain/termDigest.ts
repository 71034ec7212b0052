import type { PromptThemes } from '../../themes/domain/themeFigures.js';
import type { YouSaidEntry } from '../../youSaid/domain/youSaidEntry.js';
import { change, type OutcomeScore, type ResponseRate } from '../../scores/domain/outcomeFigures.js';
import type { Disclosed } from '../../../domain/disclosure/disclosure.js';
import type { OutcomeId, QuestionBank, RespondentRole } from '../../../domain/survey/questionBank.js';
import type { Term } from '../../../domain/terms/termCalendar.js';
import type { Service } from '../../waits/domain/serviceCatalogue.js';
import type { DisclosedChange, DisclosedSnapshot, DisclosedWaits } from '../../waits/domain/disclosedWaits.js';
import type { MeasureAnswer } from '../../measures/domain/measureFigures.js';
import type { ExceptionNote } from '../../exceptions/domain/exceptionNote.js';

/**
 * A term's digest as data: every figure already through disclosure control, so whatever shows it (card,
 * text, CSV) cannot show a figure from fewer than 5 people. No Teams, no formatting.
 */
export const FALL_THRESHOLD = 0.2; // on the 1–5 scale: smaller moves are within term-to-term noise for groups this size

export type RoleFigures = { respondents: number; mean: Disclosed; positive: Disclosed; change: number | undefined };
export type OutcomeLine = { outcome: OutcomeId; name: string; roles: Record<RespondentRole, RoleFigures> };
/** `change`: the number waiting then and now, each disclosed as its own extract was, when both are loaded. */
export type WaitLine = {
  service: Service;
  figures: DisclosedWaits | null;
  change?: { then: DisclosedSnapshot; now: DisclosedSnapshot };
};
export type Attention =
  | { kind: 'fell'; outcome: string; role: RespondentRole; from: number; to: number }
  | { kind: 'red'; service: Service }
  | { kind: 'amber'; service: Service }
  /** A framework measure below its numeric target, or clearly worse than a year before. */
  | { kind: 'measure'; line: MeasureAnswer; why: 'red' | 'amber' | 'worse'; note?: ExceptionNote };

export type TermDigest = {
  term: Term;
  previousTerm: Term;
  generatedOn: string;
  hasAnswers: boolean;
  outcomes: OutcomeLine[];
  waits: WaitLine[];
  rates: ResponseRate[];
  /** Every framework measure (the scorecard), with its latest figures where any are loaded. */
  measures: MeasureAnswer[];
  /** "You said, we did": what changed because of what families said. */
  youSaid: YouSaidEntry[];
  /** Prompts with 10 or more comments, with their counted themes (never the words). */
  themes: PromptThemes[];
  attention: Attention[];
};

/** Everything a term's digest is made from, read from the aggregates and the waiting-list summaries. */
export type TermDigestInput = {
  term: Term;
  previousTerm: Term;
  bank: QuestionBank;
  scores: OutcomeScore[];
  previousScores: OutcomeScore[];
  rates: ResponseRate[];
  /**
   * Each service's figures as WaitsService hands them out (already through disclosure control; null with no
   * data), and `change`: the latest extract against the last of the term before (absent in older callers).
   */
  waits: { service: Service; figures: DisclosedWaits | null; change?: DisclosedChange | null }[];
  measures: MeasureAnswer[];
  /** "You said, we did" entries, newest first (absent in older callers). */
  youSaid?: YouSaidEntry[];
  /** Counted themes of the term's comments (absent in older callers). */
  themes?: PromptThemes[];
  /** Managers' commentary on exceptions: the note for a measure's latest period is shown beside it. */
  exceptionNotes?: ExceptionNote[];
  generatedOn: string;
};

export function buildTermDigest(input: TermDigestInput): TermDigest {
  const find = (list: OutcomeScore[], o: OutcomeId, r: RespondentRole) =>
    list.find((s) => s.outcome === o && s.role === r);
  const attention: Attention[] = [];
  const outcomes = input.bank.outcomes.map((o): OutcomeLine => {
    const roles = {} as Record<RespondentRole, RoleFigures>;
    for (const role of ['cyp', 'pc'] as const) {
      const now = find(input.scores, o.id, role);
      const before = find(input.previousScores, o.id, role);
      const figures: RoleFigures = now
        ? {
            respondents: now.respondents,
            mean: now.mean,
            positive: now.positive,
            change: change(now.mean, before?.mean),
          }
        : {
            respondents: 0,
            mean: { shown: true, value: 0, basis: 0 },
            positive: { shown: true, value: 0, basis: 0 },
            change: undefined,
          };
      roles[role] = figures;
      if (figures.change !== undefined && figures.change <= -FALL_THRESHOLD && now?.mean.shown && before?.mean.shown) {
        attention.push({ kind: 'fell', outcome: o.shortName, role, from: before.mean.value, to: now.mean.value });
      }
    }
    return { outcome: o.id, name: o.shortName, roles };
  });
  const waits: WaitLine[] = input.waits.map((w) => ({
    service: w.service,
    figures: w.figures,
    ...(w.change?.kind === 'compared' ? { change: { then: w.change.then, now: w.change.now } } : {}),
  }));
  for (const w of waits) if (w.figures?.rag === 'red') attention.push({ kind: 'red', service: w.service });
  for (const w of waits) if (w.figures?.rag === 'amber') attention.push({ kind: 'amber', service: w.service });
  for (const line of input.measures) {
    const why =
      line.figures?.rag === 'red' || line.figures?.rag === 'amber'
        ? line.figures.rag
        : worse(line)
          ? 'worse'
          : undefined;
    const note = input.exceptionNotes?.find(
      (n) => n.measureId === line.measure.id && n.period === line.figures?.latest.period,
    );
    if (why) attention.push({ kind: 'measure', line, why, ...(note ? { note } : {}) });
  }
  const hasAnswers = input.scores.some((s) => s.respondents > 0);
  return {
    term: input.term,
    previousTerm: input.previousTerm,
    generatedOn: input.generatedOn,
    hasAnswers,
    outcomes,
    waits,
    rates: input.rates,
    measures: input.measures,
    youSaid: input.youSaid ?? [],
    themes: (input.themes ?? []).filter((p) => p.shown && p.themes.length > 0),
    attention,
  };
}

/**
 * Clearly worse than the same period a year before (the period before, for a yearly measure): by 5
 * percentage points for a share, by a tenth for a count or a rate. Smaller moves are noise at these sizes.
 */
export function worse(line: MeasureAnswer): boolean {
  const f = line.figures;
  if (!f) return false;
  const change = f.yearBefore?.change;
  const then = f.yearBefore?.then;
  if (change === undefined || !then?.value.shown) return false;
  const worseBy = line.measure.better === 'higher' ? -change : change;
  return line.measure.unit === 'percent' ? worseBy >= 0.05 : then.value.value > 0 && worseBy >= 0.1 * then.value.value;
}
