import type { OutcomeId, QuestionBank, RespondentRole } from '../../../domain/survey/questionBank.js';
import { outcomeRow, questionFields, rateRow } from './aggregateDelta.js';
import {
  discloseFigure,
  discloseParts,
  MIN_RESPONDENTS,
  type Disclosed,
} from '../../../domain/disclosure/disclosure.js';

export type Counters = Map<string, Record<string, number>>;

/** Raw counts for one outcome or question: n scored answers, their sum, the 1–5 distribution, skips. */
export type Tally = {
  respondents: number;
  n: number;
  sum: number;
  counts: [number, number, number, number, number];
  skips: number;
};

export type Figures = {
  respondents: number;
  mean: Disclosed;
  positive: Disclosed; // share of scored answers that are 4 or 5
};
/** Per question each respondent gives one answer, so the 1–5 counts are counts of people (shown with n). */
export type QuestionFigures = Figures & { id: string; text: string; n: Disclosed; distribution: Disclosed[] };

export type OutcomeScore = Figures & {
  outcome: OutcomeId;
  role: RespondentRole;
  questions: QuestionFigures[];
  /** Answers to questions answered by 1–4 respondents, left out of the outcome's pooled figures. */
  leftOut: number;
};

function tallyOf(fields: Record<string, number>, position: number): Tally {
  const f = questionFields(position);
  const counts = [1, 2, 3, 4, 5].map((s) => fields[f.count(s)] ?? 0) as Tally['counts'];
  const n = fields[f.n] ?? 0;
  return { respondents: n, n, sum: fields[f.sum] ?? 0, counts, skips: fields[f.skip] ?? 0 };
}

/** Every figure goes through disclosure control here, before anything can format it. */
export function figuresOf(t: Tally): Figures {
  return {
    respondents: t.respondents,
    mean: discloseFigure({ value: t.n ? t.sum / t.n : 0, basis: t.respondents }),
    positive: discloseFigure({ value: t.n ? (t.counts[3] + t.counts[4]) / t.n : 0, basis: t.respondents }),
  };
}

function questionFiguresOf(id: string, text: string, t: Tally): QuestionFigures {
  const distribution = discloseParts(
    { value: t.n, basis: t.n },
    t.counts.map((c) => ({ value: c, basis: c })),
  );
  return { id, text, ...figuresOf(t), n: distribution.total, distribution: distribution.parts };
}

export function outcomeScore(
  bank: QuestionBank,
  counters: Counters,
  outcome: OutcomeId,
  role: RespondentRole,
): OutcomeScore {
  const fields = counters.get(outcomeRow(role, outcome)) ?? {};
  const questions = bank.questionsFor(outcome, role).map((q) => ({ q, tally: tallyOf(fields, q.position) }));
  // The outcome's figures pool its questions' scored answers; they rest on the respondents who gave any score.
  // A question answered by 1–4 is left out of the pool: its own figures are hidden, and the pooled mean
  // beside the other questions' shown means would let a reader work its answers back.
  const pooled: Tally = { respondents: fields.resp ?? 0, n: 0, sum: 0, counts: [0, 0, 0, 0, 0], skips: 0 };
  let leftOut = 0;
  for (const { tally } of questions) {
    if (tally.n > 0 && tally.n < MIN_RESPONDENTS) {
      leftOut += tally.n;
      continue;
    }
    pooled.n += tally.n;
    pooled.sum += tally.sum;
    pooled.skips += tally.skips;
    tally.counts.forEach((c, i) => (pooled.counts[i] += c));
  }
  // No pooled 1–5 distribution: it would count answers, not people, and small cells could single someone out.
  const figures = figuresOf(pooled);
  // Every answer sits in a hidden question: there is no figure to show that does not come from them.
  const nothingLeft: Disclosed = { shown: false, reason: 'complementary' };
  return {
    outcome,
    role,
    ...(leftOut > 0 && pooled.n === 0 && figures.mean.shown
      ? { ...figures, mean: nothingLeft, positive: nothingLeft }
      : figures),
    leftOut,
    questions: questions.map(({ q, tally }) => questionFiguresOf(q.id, q.text, tally)),
  };
}

/** Change of a mean against the previous term: only when both means are shown. */
/**
 * The change between two means as they are shown (each to 1 decimal), so the arrow always agrees with the
 * figures beside it: 3.36 → 3.32 is shown as 3.4 → 3.3, a fall of 0.1, never "no change".
 */
export function change(current: Disclosed, previous: Disclosed | undefined): number | undefined {
  // A mean from nobody (basis 0) is shown as "no answers yet", never as a 0 to compare with.
  if (!current.shown || !previous?.shown || current.basis === 0 || previous.basis === 0) return undefined;
  const shown = (v: number) => Math.round(v * 10);
  return (shown(current.value) - shown(previous.value)) / 10;
}

export type ResponseRate = {
  role: RespondentRole | 'all';
  sent: Disclosed;
  started: Disclosed;
  completed: Disclosed;
  rate: Disclosed; // completed ÷ sent
};

/** Sent, started and completed by role with their total: parts beside a total, so complementary suppression applies. */
export function responseRates(counters: Counters): ResponseRate[] {
  const roles: RespondentRole[] = ['cyp', 'pc'];
  const get = (role: RespondentRole, f: string) => counters.get(rateRow(role))?.[f] ?? 0;
  const measures = ['sent', 'started', 'completed'] as const;
  const disclosed = Object.fromEntries(
    measures.map((m) => {
      const parts = roles.map((r) => get(r, m));
      const total = parts.reduce((a, b) => a + b, 0);
      return [
        m,
        discloseParts(
          { value: total, basis: total },
          parts.map((p) => ({ value: p, basis: p })),
        ),
      ];
    }),
  ) as Record<(typeof measures)[number], ReturnType<typeof discloseParts>>;
  const rows = roles.map((role) => ({ role, sent: get(role, 'sent'), completed: get(role, 'completed') }));
  const total = {
    role: 'all' as const,
    sent: rows.reduce((a, r) => a + r.sent, 0),
    completed: rows.reduce((a, r) => a + r.completed, 0),
  };
  const rateOf = (sent: number, completed: number, shown: boolean): Disclosed =>
    shown
      ? discloseFigure({ value: sent ? completed / sent : 0, basis: sent })
      : { shown: false, reason: 'complementary' };
  return [
    ...rows.map((r, i) => ({
      role: r.role,
      sent: disclosed.sent.parts[i],
      started: disclosed.started.parts[i],
      completed: disclosed.completed.parts[i],
      rate: rateOf(r.sent, r.completed, disclosed.sent.parts[i].shown && disclosed.completed.parts[i].shown),
    })),
    {
      role: 'all',
      sent: disclosed.sent.total,
      started: disclosed.started.total,
      completed: disclosed.completed.total,
      rate: rateOf(total.sent, total.completed, disclosed.sent.total.shown && disclosed.completed.total.shown),
    },
  ];
}
