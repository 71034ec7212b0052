import type { SurveyTarget } from '../measures/domain/measureCatalogue.js';
import { provenanceLabel } from '../../domain/targets/targetProvenance.js';
import type { TermScores } from './domain/termScores.js';
import type { FigureTableCard } from '../../cards/cardModels.js';
import type { ResponseRate } from './domain/outcomeFigures.js';
import { change, type OutcomeScore, type QuestionFigures } from './domain/outcomeFigures.js';
import type { OutcomeId, QuestionBank, RespondentRole } from '../../domain/survey/questionBank.js';
import type { Term } from '../../domain/terms/termCalendar.js';
import {
  arrow,
  figureText,
  oneDecimal,
  percent,
  ROLE_LABEL,
  ROLE_SHORT,
  SUPPRESSED_TEXT,
  nowrap,
} from '../../cards/format.js';

/** `summary` is one line beside the card; `text` is everything the card says, as plain text. */
export type Presented = { card: FigureTableCard; text: string; summary: string };

export const MEANING =
  'Mean score from 1 (strongly disagree) to 5 (strongly agree); % positive = share of answers that are 4 or 5; n = respondents who gave a score.';

const LEFT_OUT_TEXT = 'not shown: every answer is in a question answered by fewer than 5';
const LEFT_OUT_NOTE =
  "A question answered by fewer than 5 people is left out of its outcome's score, so the score cannot be used to work its answers out.";

function cell(score: OutcomeScore | undefined, previous: OutcomeScore | undefined): string {
  if (!score || score.respondents === 0) return 'no answers yet';
  if (!score.mean.shown) return score.mean.reason === 'complementary' ? LEFT_OUT_TEXT : SUPPRESSED_TEXT;
  const delta = arrow(change(score.mean, previous?.mean));
  return `${figureText(score.mean, oneDecimal)} · ${figureText(score.positive, percent)} positive · ${nowrap(`n ${score.respondents}`)}${delta ? ` · ${delta}` : ''}`;
}

export function questionCell(q: QuestionFigures, previous: QuestionFigures | undefined): string {
  if (q.respondents === 0) return 'no answers yet';
  if (!q.mean.shown) return SUPPRESSED_TEXT;
  const delta = arrow(change(q.mean, previous?.mean));
  return `${figureText(q.mean, oneDecimal)} · ${figureText(q.positive, percent)} positive · ${nowrap(`n ${q.respondents}`)}${delta ? ` · ${delta}` : ''}`;
}

/**
 * "Which voice question do parents score lowest on", "lowest scoring question overall": the questions of
 * one outcome (or of every outcome) for each role, ranked by their shown mean (ties said as ties). A question
 * whose figures are not shown is listed after the ranking and never placed in it: its position would say
 * something about a figure from fewer than 5.
 */
function rankQuestions(
  bank: QuestionBank,
  r: TermScores,
  roles: RespondentRole[],
  outcome: OutcomeId | undefined,
  rank: 'lowest' | 'highest',
): { headline: string; rows: FigureTableCard['rows'] } {
  const lines: string[] = [];
  const rows: FigureTableCard['rows'] = [];
  const outcomes = outcome ? [outcome] : bank.outcomes.map((o) => o.id);
  const name = outcome ? bank.outcome(outcome).shortName : 'survey';
  const outcomeOf = new Map(bank.allScored().map((q) => [q.id, bank.outcome(q.outcome).shortName]));
  // Across the survey each question says which outcome it belongs to.
  const where = (q: QuestionFigures) => (outcome ? '' : ` (${outcomeOf.get(q.id) ?? ''})`);
  const shownMean = (q: QuestionFigures) => Math.round((q.mean as { value: number }).value * 10);
  for (const role of roles) {
    const questions = outcomes.flatMap((o) => find(r.scores, o, role)?.questions ?? []);
    const before = outcomes.flatMap((o) => find(r.previousScores, o, role)?.questions ?? []);
    const previousOf = (q: QuestionFigures) => before.find((x) => x.id === q.id);
    const ranked = questions
      .filter((q) => q.respondents > 0 && q.mean.shown)
      .sort((a, b) => (shownMean(a) - shownMean(b)) * (rank === 'lowest' ? 1 : -1));
    const who = ROLE_LABEL[role].toLowerCase();
    const first = ranked[0];
    if (!first) lines.push(`No ${name} question has answers from 5 or more ${who} in ${r.term.label} yet.`);
    else {
      const tied = ranked.filter((q) => shownMean(q) === shownMean(first));
      const quoted = tied.map((q) => `"${q.text}"${where(q)}`).join(' and ');
      lines.push(
        `${rank === 'lowest' ? 'Lowest' : 'Highest'} for ${who}${tied.length > 1 ? ` (a tie at ${figureText(first.mean, oneDecimal)})` : ''}: ${quoted}${tied.length > 1 ? '' : ` (${figureText(first.mean, oneDecimal)})`}.`,
      );
    }
    let place = 0;
    let last: number | undefined;
    for (const [i, q] of ranked.entries()) {
      if (shownMean(q) !== last) place = i + 1;
      last = shownMean(q);
      // "1st", not "1.": a label starting "1." is a numbered list in Teams' markdown, and loses its number.
      rows.push({
        label: `${ordinal(place)}: ${q.text}${where(q)}`,
        detail: ROLE_SHORT[role],
        cells: [questionCell(q, previousOf(q))],
      });
    }
    for (const q of questions.filter((x) => !ranked.includes(x)))
      rows.push({
        label: `Not ranked: ${q.text}${where(q)}`,
        detail: ROLE_SHORT[role],
        cells: [questionCell(q, previousOf(q))],
      });
  }
  return { headline: lines.join(' '), rows };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function find(list: OutcomeScore[], outcome: OutcomeId, role: RespondentRole) {
  return list.find((s) => s.outcome === outcome && s.role === role);
}

/** One term: outcomes as rows, roles as columns; or one outcome's questions when asked per question. */
export function presentScores(
  bank: QuestionBank,
  r: TermScores,
  roles: RespondentRole[],
  opts: {
    outcome?: OutcomeId;
    perQuestion: boolean;
    rank?: 'lowest' | 'highest';
    /** Targets the sources set on what families report (seed 001), shown beside the outcome they are about. */
    targets?: readonly SurveyTarget[];
  },
): Presented {
  const outcomes = opts.outcome ? [opts.outcome] : bank.outcomes.map((o) => o.id);
  const subtitle = `${r.term.label} · ${roles.map((x) => ROLE_LABEL[x]).join(' and ')} · change against ${r.previous.label}`;
  const notes = [
    MEANING,
    'Groups of fewer than 5 people are never shown.',
    ...(r.scores.some((x) => x.leftOut > 0) ? [LEFT_OUT_NOTE] : []),
    ...surveyTargetNotes(bank, r, roles, outcomes, opts.targets ?? []),
  ];
  if (!r.hasData) {
    const text = `No answers yet for ${r.term.label}${opts.outcome ? ` on ${bank.outcome(opts.outcome).shortName}` : ''}.`;
    return {
      text,
      summary: text,
      card: {
        title: 'Outcome scores',
        subtitle,
        headline: text,
        headers: [],
        rows: [],
        notes: notes.slice(2),
        buttons: [{ title: 'Last term', text: `${opts.outcome ?? 'outcome'} scores last term` }],
      },
    };
  }
  let headline = '';
  let rows: FigureTableCard['rows'];
  let headers = roles.map((x) => ROLE_SHORT[x]);
  if (opts.rank && opts.perQuestion) {
    const ranked = rankQuestions(bank, r, roles, opts.outcome, opts.rank);
    headline = ranked.headline;
    rows = ranked.rows;
    headers = ['Score'];
  } else if (opts.rank) {
    const lines: string[] = [];
    rows = [];
    for (const role of roles) {
      const ranked = r.scores
        .filter((s) => s.role === role && s.mean.shown)
        .sort(
          (a, b) =>
            ((a.mean as { value: number }).value - (b.mean as { value: number }).value) *
            (opts.rank === 'lowest' ? 1 : -1),
        );
      const top = ranked[0];
      lines.push(
        top
          ? `${opts.rank === 'lowest' ? 'Lowest' : 'Highest'} for ${ROLE_LABEL[role].toLowerCase()}: ${bank.outcome(top.outcome).shortName} (${figureText(top.mean, oneDecimal)})`
          : `No outcome has 5 or more responses for ${ROLE_LABEL[role].toLowerCase()} yet.`,
      );
      for (const [i, s] of ranked.entries())
        rows.push({
          label: `${ordinal(i + 1)}: ${bank.outcome(s.outcome).shortName}`,
          detail: ROLE_LABEL[role],
          cells: [cell(s, find(r.previousScores, s.outcome, role))],
        });
    }
    headline = lines.join('. ') + '.';
    headers = ['Score'];
  } else if (opts.perQuestion && opts.outcome) {
    rows = roles.flatMap((role) => {
      const s = find(r.scores, opts.outcome!, role)!;
      const p = find(r.previousScores, opts.outcome!, role);
      return [
        { label: `${ROLE_LABEL[role]}: overall`, detail: '', cells: [cell(s, p)] },
        ...s.questions.map((q) => ({
          label: q.text,
          detail: ROLE_SHORT[role],
          cells: [
            questionCell(
              q,
              p?.questions.find((x) => x.id === q.id),
            ),
          ],
        })),
      ];
    });
    headers = ['Score'];
  } else {
    rows = outcomes.map((o) => ({
      label: bank.outcome(o).shortName,
      detail: bank.outcome(o).plainWords,
      cells: roles.map((role) => cell(find(r.scores, o, role), find(r.previousScores, o, role))),
    }));
  }
  const title = !opts.outcome
    ? opts.rank && opts.perQuestion
      ? `Survey questions ranked, ${opts.rank} first`
      : 'Outcome scores'
    : opts.rank && opts.perQuestion
      ? `${bank.outcome(opts.outcome).shortName}: questions ranked, ${opts.rank} first`
      : `${bank.outcome(opts.outcome).shortName}: outcome scores`;
  const card: FigureTableCard = {
    title,
    subtitle,
    headline,
    headers,
    rows,
    notes,
    buttons:
      opts.outcome && !opts.perQuestion
        ? [{ title: 'Per question', text: `${opts.outcome} scores per question ${r.term.label}` }]
        : [],
  };
  return { card, text: toText(card), summary: summaryOf(card) };
}

/**
 * Seed 001's targets on what families report, beside the questions that ask them (measures.json
 * `surveyTargets`): "Target [WSoA: set for 2020–22; no newer target]: "at least 70% … timely and joined up
 * way." Asked by "I have the help I need to take part and succeed" (children and young people): 64% positive
 * now, below it." Only a target attached to a question shown here; a yearly increase is rated against the
 * same term a year before on the scorecard ("which measures are off target?"). A target no question asks is
 * never set beside an outcome's score.
 */
function surveyTargetNotes(
  bank: QuestionBank,
  r: TermScores,
  roles: RespondentRole[],
  outcomes: OutcomeId[],
  targets: readonly SurveyTarget[],
): string[] {
  return targets.flatMap((t) => {
    const asked = t.questions
      .map((id) => bank.allScored().find((q) => q.id === id))
      .filter((q) => q !== undefined && outcomes.includes(q.outcome) && roles.includes(q.role));
    if (asked.length === 0) return [];
    const figures = asked.map((q) => {
      const s = find(r.scores, q!.outcome, q!.role)?.questions.find((x) => x.id === q!.id);
      const now =
        !s || s.respondents === 0
          ? 'no answers yet'
          : !s.positive.shown
            ? SUPPRESSED_TEXT
            : t.kind === 'level'
              ? `${percent(s.positive.value)} positive now, ${s.positive.value >= t.share! ? 'meeting it' : 'below it'}`
              : `${percent(s.positive.value)} positive now (rated on the same term a year before in "which measures are off target?")`;
      return `"${q!.text}" (${ROLE_LABEL[q!.role].toLowerCase()}): ${now}`;
    });
    return [
      `Target [${provenanceLabel(t.provenance, r.term.end)}]: "${t.provenance.quote}" Asked by ${figures.join('; ')}. The question${asked.length === 1 ? ' asks' : 's ask'} ${t.asks}.`,
    ];
  });
}

/** Two terms side by side for one or all outcomes. */
export function presentComparison(
  bank: QuestionBank,
  unordered: TermScores[],
  roles: RespondentRole[],
  outcome?: OutcomeId,
): Presented {
  // Earlier term first, so an arrow always reads forwards in time.
  const results = [...unordered].sort((a, b) => a.term.start.localeCompare(b.term.start));
  const outcomes = outcome ? [outcome] : bank.outcomes.map((o) => o.id);
  const headers = results.flatMap((r) => roles.map((role) => `${r.term.label} · ${ROLE_SHORT[role]}`));
  const rows = outcomes.map((o) => ({
    label: bank.outcome(o).shortName,
    detail: '',
    cells: results.flatMap((r) => roles.map((role) => cell(find(r.scores, o, role), undefined))),
  }));
  const [a, b] = results;
  const headline =
    a && b && roles.length
      ? roles
          .map((role) => {
            const x = find(a.scores, outcomes[0], role)?.mean;
            const y = find(b.scores, outcomes[0], role)?.mean;
            const d = x && y ? change(y, x) : undefined;
            return outcomes.length === 1 && d !== undefined
              ? `${ROLE_LABEL[role]}: ${arrow(d)} from ${a.term.label} to ${b.term.label}`
              : '';
          })
          .filter(Boolean)
          .join('. ')
      : '';
  const card: FigureTableCard = {
    title: `${outcome ? bank.outcome(outcome).shortName : 'Outcome'} scores compared`,
    subtitle: results.map((r) => r.term.label).join(' and '),
    headline,
    headers,
    rows,
    notes: [MEANING, 'Groups of fewer than 5 people are never shown.'],
    buttons: [],
  };
  return { card, text: toText(card), summary: summaryOf(card) };
}

export function presentResponseRates(term: Term, rates: ResponseRate[]): Presented {
  const label = (r: ResponseRate['role']) => (r === 'all' ? 'All' : ROLE_LABEL[r]);
  const rows = rates.map((r) => ({
    label: label(r.role),
    detail: '',
    cells: [
      figureText(r.sent, String),
      figureText(r.started, String),
      figureText(r.completed, String),
      figureText(r.rate, percent),
    ],
  }));
  const all = rates.find((r) => r.role === 'all')!;
  const headline =
    all.sent.shown && all.sent.value === 0
      ? `No invitations have been sent in ${term.label} yet.`
      : `Response rate in ${term.label}: ${figureText(all.rate, percent)} of invited respondents have completed the survey.`;
  const card: FigureTableCard = {
    title: 'Survey response rate',
    subtitle: `${term.label} · invitations made this term`,
    headline,
    headers: ['Invited', 'Started', 'Completed', 'Rate'],
    rows,
    notes: [
      'Rate = completed ÷ invited. Counts of fewer than 5 are not shown, nor a second count that would reveal one by subtraction.',
    ],
    buttons: [],
  };
  return { card, text: toText(card), summary: summaryOf(card) };
}

function summaryOf(card: FigureTableCard): string {
  return card.headline || `${card.title}: ${card.subtitle}.`;
}

export function toText(card: FigureTableCard): string {
  const lines = [`${card.title} (${card.subtitle})`];
  if (card.headline) lines.push(card.headline);
  for (const row of card.rows)
    lines.push(
      `- ${row.label}: ${row.cells.map((c, i) => (card.headers.length > 1 ? `${card.headers[i]} ${c}` : c)).join('; ')}`,
    );
  lines.push(...card.notes);
  return lines.join('\n');
}
