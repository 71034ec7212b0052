import type { FigureTableCard } from '../../cards/cardModels.js';
import type { MeasureCard } from './measureCardModels.js';
import type { Measure } from './domain/measureCatalogue.js';
import type { Comparison, DisclosedValue, MeasureAnswer, MeasureFigures } from './domain/measureFigures.js';
import { COMPARATORS, type Comparator } from './domain/benchmarkRow.js';
import type { SurveyTargetRating, SurveyTargetsPicture } from './domain/surveyTargetRating.js';
import { periodLabel } from './domain/period.js';
import { nameInSentence } from './domain/periodAsked.js';
import { provenanceLabel } from '../../domain/targets/targetProvenance.js';
import { longDate, oneDecimal, ROLE_LABEL, wholeNumber } from '../../cards/format.js';
import { RAG_WORDS } from '../waits/waitsPresenter.js';

export const MEASURE_SUPPRESSED_TEXT = 'not shown: fewer than 5 people or events';
const IMPORT_HINT = 'An administrator loads them with "npm run import -- measures <file.csv>".';
const DISCLOSURE = 'Figures resting on 1 to 4 people or events are not shown, nor a share whose complement is 1 to 4.';

/** "77% (46 of 60)", "12", "5.3 per 100 (52 of 980)", or why it is not shown. */
export function valueText(m: Measure, v: DisclosedValue): string {
  if (!v.value.shown) return MEASURE_SUPPRESSED_TEXT;
  const of =
    v.numerator?.shown && v.denominator !== undefined
      ? ` (${wholeNumber(v.numerator.value)} of ${wholeNumber(v.denominator)})`
      : '';
  return `${unitText(m, v.value.value)}${m.unit === 'count' ? '' : of}`;
}

/** How a comparator is named beside the local figure. */
export const COMPARATOR_NAMES: Record<Comparator, string> = {
  england: 'England',
  region: 'region',
  statistical_neighbours: 'neighbours',
};

/** A figure in the measure's unit: "77.0%", "5.3 per 100", "12". */
export function unitText(m: Measure, value: number): string {
  if (m.unit === 'percent') return `${oneDecimal(value * 100)}%`;
  if (m.unit === 'rate') return `${oneDecimal(value)} per 100`;
  return wholeNumber(value);
}

/**
 * "England 8.2%, region 8.0%, neighbours 7.9%": the comparators loaded for the figure's period, or undefined
 * when none is. Public figures, so never suppressed; the local figure beside them still is.
 */
export function comparatorsText(f: MeasureFigures): string | undefined {
  const parts = COMPARATORS.flatMap((c) => {
    const b = f.comparators[c];
    return b ? [`${COMPARATOR_NAMES[c]} ${unitText(f.measure, b.value)}`] : [];
  });
  return parts.length ? parts.join(', ') : undefined;
}

/** "up 12.2 points on 2025-26 Autumn (64.5%): better", or why there is no change to show. */
function changeText(m: Measure, c: Comparison | undefined, none = 'no figure loaded for it'): string {
  if (!c) return none;
  const { then, change } = c;
  if (change === undefined)
    return then.value.shown
      ? `change not shown (the figure now rests on fewer than 5)`
      : `change not shown (${periodLabel(then.period, m.frequency)} rests on fewer than 5)`;
  const size = Math.abs(change);
  const shown =
    m.unit === 'percent' ? `${oneDecimal(size * 100)} points` : m.unit === 'count' ? String(size) : oneDecimal(size);
  if (size < 1e-9) return `no change on ${periodLabel(then.period, m.frequency)} (${valueText(m, then)})`;
  const better = change > 0 === (m.better === 'higher');
  return `${change > 0 ? 'up' : 'down'} ${shown} on ${periodLabel(then.period, m.frequency)} (${valueText(m, then)}): ${better ? 'better' : 'worse'}`;
}

/** The target as the source words it, with where it comes from and how old it is. */
export function targetText(m: Measure, today: string): string {
  const t = m.target;
  if (!t) return 'none set in the framework or its sources';
  return `${t.wording} [${provenanceLabel(t.provenance, today)}]`;
}

/** The rating line: a colour against a numeric level or a loaded comparator; otherwise why not. */
function ratingOf(f: MeasureFigures) {
  const t = f.measure.target;
  if (f.rag) {
    const against =
      t?.kind === 'national' ? 'england' : t?.kind === 'neighbours' ? 'statistical_neighbours' : undefined;
    const b = against ? f.comparators[against] : undefined;
    const r = RAG_WORDS[f.rag];
    return b ? { ...r, words: `${r.words} (${COMPARATOR_NAMES[b.comparator]} ${unitText(f.measure, b.value)})` } : r;
  }
  const period = periodLabel(f.latest.period, f.measure.frequency);
  const why = !t
    ? 'no target is set'
    : t.kind === 'direction'
      ? `the target is a direction (${t.direction === 'increase' ? 'up' : 'down'}), not a figure`
      : t.kind === 'change'
        ? 'the target is a change from a baseline that is not loaded'
        : t.kind === 'national' && f.latest.value.shown
          ? `no England figure is loaded for ${period}`
          : t.kind === 'neighbours' && f.latest.value.shown
            ? `no statistical neighbours' figure is loaded for ${period}`
            : 'the figure is not shown';
  return { icon: '⚪', words: `Not rated: ${why}`, style: 'default' };
}

/**
 * The comparison asked for, first: "England 88.1% in 2026-27 Autumn; here 88.0%: in line." (within the target's
 * tolerance when it has one, else by the figures alone), or that no such figure is loaded for the period.
 */
function comparisonLead(f: MeasureFigures, comparator: Comparator, period: string): string {
  const m = f.measure;
  const name = comparator === 'england' ? 'England' : comparator === 'region' ? 'the region' : 'statistical neighbours';
  const b = f.comparators[comparator];
  if (!b)
    return `No figure for ${name} is loaded for ${period} (an administrator loads them with "npm run import -- benchmarks <file.csv>").`;
  const theirs = `${name === 'the region' ? 'The region' : name === 'England' ? 'England' : 'Statistical neighbours'} ${unitText(m, b.value)} in ${period}`;
  if (!f.latest.value.shown) return `${theirs}; the local figure is not shown (fewer than 5 people or events).`;
  const t = m.target;
  const tolerance = t && (t.kind === 'national' || t.kind === 'neighbours') ? t.tolerance : 0;
  const ahead = (f.latest.value.value - b.value) * (m.better === 'higher' ? 1 : -1);
  const verdict =
    Math.abs(ahead) <= tolerance + 1e-9 ? (tolerance ? 'in line' : 'the same') : ahead > 0 ? 'better' : 'worse';
  return `${theirs}; here ${unitText(m, f.latest.value.value)}: ${verdict}${tolerance ? ` (in line means within ${unitText(m, tolerance).replace(/%$/, ' points')})` : ''}.`;
}

export function presentNoMeasureData(m: Measure): string {
  return `No figures are loaded for "${m.name}" yet. The framework measures it (${m.definition.replace(/\.$/, '')}); its figures come from ${m.source}. ${IMPORT_HINT} (measure id ${m.id}, one row per ${m.frequency}).`;
}

/**
 * Nothing held for the period asked: said by name, with the nearest period held to ask for instead, never
 * another period's figure in its place.
 */
export function presentPeriodNotHeld(m: Measure, asked: string, nearest?: string): string {
  const offer = nearest ? ` The nearest period with a figure is ${nearest}: ask for it by name.` : '';
  return `No figure is held for ${nameInSentence(m)} in ${asked}.${offer}`;
}

/**
 * One measure: its card, the same as text, and a one-line summary. `asked`: the figure answers a period
 * the person named, so it leads under that period's name (not "Latest"); `scope` says how the period shown
 * answers the one asked when they differ ("recorded termly; October 2025 is in the autumn term 2025-26").
 */
export function presentMeasure(
  f: MeasureFigures,
  today: string,
  asked: { scope?: string; comparator?: Comparator; latest?: boolean } | undefined = undefined,
): { card: MeasureCard; text: string; summary: string } {
  const m = f.measure;
  const rating = ratingOf(f);
  const period = periodLabel(f.latest.period, m.frequency);
  const plain = asked?.scope
    ? `${m.name} is ${asked.scope}: ${valueText(m, f.latest)}.`
    : `${valueText(m, f.latest)} in ${period}.`;
  const headline = asked?.comparator ? `${comparisonLead(f, asked.comparator, period)} ${plain}` : plain;
  const facts = [
    { title: asked && !asked.latest ? period : 'Latest', value: `${valueText(m, f.latest)}, ${period}` },
    { title: 'Since the period before', value: changeText(m, f.previous) },
  ];
  // For a yearly measure the year before is the period before: said once.
  if (m.frequency !== 'year') facts.push({ title: 'Same period last year', value: changeText(m, f.yearBefore) });
  const compared = comparatorsText(f);
  if (compared) facts.push({ title: 'Compared with', value: compared });
  facts.push({ title: 'Target', value: targetText(m, today) });
  facts.push({ title: 'Better is', value: m.better });
  const notes = [
    `What it counts: ${m.definition}`,
    `Source: ${m.source}; loaded ${longDate(f.latest.loadedAt.slice(0, 10))} from ${f.latest.file}.`,
    DISCLOSURE,
  ];
  const title = m.name;
  const asOf = `${period} · framework measure`;
  return {
    card: {
      title,
      asOf,
      ragStyle: rating.style,
      rating: `${rating.icon} ${rating.words}`,
      headline,
      facts,
      notes,
      buttons: [{ title: 'All measures', text: 'which measures are off target?' }],
    },
    text: [
      `${title}. ${asOf}.`,
      `${rating.icon} ${rating.words}. ${headline}`,
      ...facts.map((x) => `- ${x.title}: ${x.value}`),
      ...notes,
    ].join('\n'),
    // A scoped headline already names the measure.
    summary: asked?.scope ? headline : `${title}: ${headline}`,
  };
}

/** One measure as a scorecard row: its rating word, the latest figure (with its comparators), the change on a year before, its target. */
export function measureRow(a: MeasureAnswer, today: string): { label: string; rating: string; detail: string } {
  if (!a.figures) return { label: a.measure.name, rating: 'No data', detail: 'no figures loaded' };
  const r = ratingOf(a.figures);
  const compared = comparatorsText(a.figures);
  const latest = `${valueText(a.measure, a.figures.latest)}, ${periodLabel(a.figures.latest.period, a.measure.frequency)}${compared ? ` (${compared})` : ''}`;
  return {
    label: a.measure.name,
    rating: `${r.icon} ${r.words.split(':')[0]}`,
    detail: `${latest}; ${changeText(a.measure, a.figures.yearBefore, 'no figure a year before')}; target: ${targetText(a.measure, today)}`,
  };
}

const ORDER = { red: 0, amber: 1, green: 2 } as const;
const rank = (a: MeasureAnswer) => (!a.figures ? 5 : a.figures.rag ? ORDER[a.figures.rag] : 3);

const pct = (v: number) => `${oneDecimal(v * 100)}%`;

/** A survey question's share as shown, or why not. */
function shareText(d: SurveyTargetRating['questions'][number]['now']): string {
  if (!d) return 'no answers';
  return d.shown ? `${pct(d.value)} positive` : 'fewer than 5 answers';
}

/** One of seed 001's survey targets as a scorecard row: the questions that ask it, this term and a year before. */
function surveyTargetRow(
  t: SurveyTargetRating,
  picture: SurveyTargetsPicture,
  today: string,
  opts: { brief?: boolean } = {},
) {
  const role = (id: string) => ROLE_LABEL[id.split('.')[1] as 'cyp' | 'pc'].toLowerCase();
  const rating = t.rag
    ? `${RAG_WORDS[t.rag].icon} ${RAG_WORDS[t.rag].words.split(':')[0]}`
    : `⚪ Not rated (${t.questions.find((q) => q.unrated)?.unrated ?? 'no answers'})`;
  const now = t.questions.map((q) => `"${q.text}" (${role(q.id)}): ${shareText(q.now)}`).join('; ');
  const then =
    t.target.kind === 'yearlyIncrease'
      ? t.questions
          .map((q) =>
            q.yearBefore
              ? `${role(q.id)} ${shareText(q.yearBefore)} a year before${q.change !== undefined ? ` (${q.change >= 0 ? 'up' : 'down'} ${Math.round(Math.abs(q.change) * 100)}%)` : ''}`
              : `${role(q.id)}: no figure a year before`,
          )
          .join('; ')
      : `target ${pct(t.target.share!)}`;
  return {
    label: `Survey: ${t.target.wording}`,
    // Brief (the off-target answer): where the target comes from, without its full quotation.
    detail: `${opts.brief ? `[${provenanceLabel(t.target.provenance, today)}].` : targetWords(t, today)} The questions ask ${t.target.asks}.`,
    cells: [rating, `${now}${picture.term ? `, ${picture.term.label}` : ''}`, then],
  };
}

function targetWords(t: SurveyTargetRating, today: string): string {
  return `"${t.target.provenance.quote}" [${provenanceLabel(t.target.provenance, today)}].`;
}

/** Several measures as one table: rated ones worst first, then the unrated, then those with no data. */
export function presentMeasureTable(
  answers: readonly MeasureAnswer[],
  today: string,
  opts: { title: string; offTarget?: boolean; onlyBelow?: boolean; survey?: SurveyTargetsPicture },
): { card: FigureTableCard; text: string; summary: string } {
  const sorted = [...answers].sort((a, b) => rank(a) - rank(b));
  // "Which are off target?" leads with the few that need a decision; the rest are one line and a button away.
  const below = (rag: string | null | undefined) => rag === 'red' || rag === 'amber';
  const shown = opts.onlyBelow ? sorted.filter((a) => below(a.figures?.rag)) : sorted;
  const rows = shown.map((a) => {
    if (!a.figures)
      return {
        label: a.measure.name,
        detail: targetText(a.measure, today),
        cells: ['No data', 'no figures loaded', ''],
      };
    const r = ratingOf(a.figures);
    const yearBefore = a.figures.yearBefore;
    const compared = comparatorsText(a.figures);
    return {
      label: a.measure.name,
      detail: targetText(a.measure, today),
      cells: [
        `${r.icon} ${r.words.split(':')[0]}`,
        `${valueText(a.measure, a.figures.latest)}, ${periodLabel(a.figures.latest.period, a.measure.frequency)}${compared ? `; ${compared}` : ''}`,
        yearBefore ? `on a year before: ${changeText(a.measure, yearBefore)}` : 'no figure a year before',
      ],
    };
  });
  const survey = opts.survey?.ratings ?? [];
  const asked = survey.filter((t) => t.target.questions.length > 0);
  rows.push(
    ...asked
      .filter((t) => !opts.onlyBelow || below(t.rag))
      .map((t) => surveyTargetRow(t, opts.survey!, today, { brief: opts.onlyBelow })),
  );
  const rated = [
    ...answers.filter((a) => a.figures && a.figures.rag).map((a) => ({ name: a.measure.name, rag: a.figures!.rag })),
    ...asked.filter((t) => t.rag).map((t) => ({ name: `Survey: ${t.target.wording}`, rag: t.rag })),
  ];
  const behind = rated.filter((a) => a.rag === 'red' || a.rag === 'amber');
  const noData = answers.filter((a) => !a.figures).length;
  const headline = opts.offTarget
    ? rated.length === 0
      ? 'No measure with a numeric or comparator target has figures loaded, so none can be said to be on or off target.'
      : `${behind.length} of the ${rated.length} measures rated against a target ${behind.length === 1 ? 'is' : 'are'} below it${behind.length && !opts.onlyBelow ? `: ${behind.map((a) => a.name).join('; ')}` : ''}.`
    : `${answers.length - noData} of ${answers.length} measures have figures loaded.`;
  const unasked = survey.filter((t) => t.target.questions.length === 0);
  const onTarget = rated.length - behind.length;
  const unrated = answers.length - noData - answers.filter((a) => a.figures && a.figures.rag).length;
  const notes = [
    ...(opts.onlyBelow
      ? [
          [
            onTarget ? `${onTarget} more ${onTarget === 1 ? 'is' : 'are'} on target` : '',
            unrated ? `${unrated} ${unrated === 1 ? 'has' : 'have'} figures but no target to rate against` : '',
          ]
            .filter(Boolean)
            .join('; ')
            .replace(/^./, (c) => c.toUpperCase()),
        ].filter(Boolean)
      : []),
    'Rated only against a target set by the framework\'s sources: a number, or the England or statistical neighbours\' figure for the same period (within the tolerance the catalogue states); a direction ("more", "fewer") is shown with the change on a year before.',
    ...(noData ? [`${noData} measure${noData === 1 ? ' has' : 's have'} no figures loaded. ${IMPORT_HINT}`] : []),
    ...(unasked.length && opts.onlyBelow
      ? [
          `${unasked.length} survey target${unasked.length === 1 ? ' is' : 's are'} not rated, because the survey asks no question for ${unasked.length === 1 ? 'it' : 'them'} (listed under "All measures").`,
        ]
      : unasked.length
        ? [
            `Not rated, because the survey asks no question for ${unasked.length === 1 ? 'it' : 'them'}: ${unasked.map((t) => `${t.target.wording} [${provenanceLabel(t.target.provenance, today)}]`).join('; ')}.`,
          ]
        : []),
    DISCLOSURE,
  ];
  const card: FigureTableCard = {
    title: opts.title,
    subtitle: `Framework measures, as of ${longDate(today)}`,
    headline,
    headers: ['Rating', 'Latest', 'Change'],
    rows,
    notes,
    buttons: opts.onlyBelow
      ? [
          { title: 'All measures', text: 'framework measures' },
          { title: 'Board pack', text: 'board pack for this term' },
        ]
      : [],
  };
  return {
    card,
    text: [
      `${opts.title}. ${headline}`,
      ...rows.map((r) => `- ${r.label}: ${r.cells.filter(Boolean).join('; ')}`),
      ...notes,
    ].join('\n'),
    summary: `${opts.title}: ${headline}`,
  };
}
