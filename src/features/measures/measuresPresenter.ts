import type { FigureTableCard } from '../../cards/cardModels.js';
import type { MeasureCard } from './measureCardModels.js';
import type { Measure } from './domain/measureCatalogue.js';
import type { Comparison, DisclosedValue, MeasureAnswer, MeasureFigures } from './domain/measureFigures.js';
import { periodLabel } from './domain/period.js';
import { nameInSentence } from './domain/periodAsked.js';
import { provenanceLabel } from '../../domain/targets/targetProvenance.js';
import { longDate, oneDecimal } from '../../cards/format.js';
import { RAG_WORDS } from '../waits/waitsPresenter.js';

export const MEASURE_SUPPRESSED_TEXT = 'not shown: fewer than 5 people or events';
const IMPORT_HINT = 'An administrator loads them with "npm run import -- measures <file.csv>".';
const DISCLOSURE = 'Figures resting on 1 to 4 people or events are not shown, nor a share whose complement is 1 to 4.';

/** "77% (46 of 60)", "12", "5.3 per 100 (52 of 980)", or why it is not shown. */
export function valueText(m: Measure, v: DisclosedValue): string {
  if (!v.value.shown) return MEASURE_SUPPRESSED_TEXT;
  const of = v.numerator?.shown && v.denominator !== undefined ? ` (${v.numerator.value} of ${v.denominator})` : '';
  if (m.unit === 'percent') return `${oneDecimal(v.value.value * 100)}%${of}`;
  if (m.unit === 'rate') return `${oneDecimal(v.value.value)} per 100${of}`;
  return String(v.value.value);
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

/** The rating line: a colour only against a numeric level; otherwise why not. */
function ratingOf(f: MeasureFigures) {
  if (f.rag) return RAG_WORDS[f.rag];
  const t = f.measure.target;
  const why = !t
    ? 'no target is set'
    : t.kind === 'direction'
      ? `the target is a direction (${t.direction === 'increase' ? 'up' : 'down'}), not a figure`
      : t.kind === 'change'
        ? 'the target is a change from a baseline that is not loaded'
        : t.kind === 'national'
          ? 'the target is the national rate, which is not loaded'
          : 'the figure is not shown';
  return { icon: '⚪', words: `Not rated: ${why}`, style: 'default' };
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
  asked: { scope?: string } | undefined = undefined,
): { card: MeasureCard; text: string; summary: string } {
  const m = f.measure;
  const rating = ratingOf(f);
  const period = periodLabel(f.latest.period, m.frequency);
  const headline = asked?.scope
    ? `${m.name} is ${asked.scope}: ${valueText(m, f.latest)}.`
    : `${valueText(m, f.latest)} in ${period}.`;
  const facts = [
    { title: asked ? period : 'Latest', value: `${valueText(m, f.latest)}, ${period}` },
    { title: 'Since the period before', value: changeText(m, f.previous) },
  ];
  // For a yearly measure the year before is the period before: said once.
  if (m.frequency !== 'year') facts.push({ title: 'Same period last year', value: changeText(m, f.yearBefore) });
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

/** One measure as a scorecard row: its rating word, the latest figure and its change on a year before. */
export function measureRow(a: MeasureAnswer, today: string): { label: string; rating: string; detail: string } {
  if (!a.figures) return { label: a.measure.name, rating: 'No data', detail: 'no figures loaded' };
  const r = ratingOf(a.figures);
  const latest = `${valueText(a.measure, a.figures.latest)}, ${periodLabel(a.figures.latest.period, a.measure.frequency)}`;
  return {
    label: a.measure.name,
    rating: `${r.icon} ${r.words.split(':')[0]}`,
    detail: `${latest}; ${changeText(a.measure, a.figures.yearBefore, 'no figure a year before')}; target: ${targetText(a.measure, today)}`,
  };
}

const ORDER = { red: 0, amber: 1, green: 2 } as const;
const rank = (a: MeasureAnswer) => (!a.figures ? 5 : a.figures.rag ? ORDER[a.figures.rag] : 3);

/** Several measures as one table: rated ones worst first, then the unrated, then those with no data. */
export function presentMeasureTable(
  answers: readonly MeasureAnswer[],
  today: string,
  opts: { title: string; offTarget?: boolean },
): { card: FigureTableCard; text: string; summary: string } {
  const sorted = [...answers].sort((a, b) => rank(a) - rank(b));
  const rows = sorted.map((a) => {
    if (!a.figures)
      return {
        label: a.measure.name,
        detail: targetText(a.measure, today),
        cells: ['No data', 'no figures loaded', ''],
      };
    const r = ratingOf(a.figures);
    const yearBefore = a.figures.yearBefore;
    return {
      label: a.measure.name,
      detail: targetText(a.measure, today),
      cells: [
        `${r.icon} ${r.words.split(':')[0]}`,
        `${valueText(a.measure, a.figures.latest)}, ${periodLabel(a.figures.latest.period, a.measure.frequency)}`,
        yearBefore ? `on a year before: ${changeText(a.measure, yearBefore)}` : 'no figure a year before',
      ],
    };
  });
  const rated = answers.filter((a) => a.figures && a.figures.rag);
  const behind = rated.filter((a) => a.figures!.rag === 'red' || a.figures!.rag === 'amber');
  const noData = answers.filter((a) => !a.figures).length;
  const headline = opts.offTarget
    ? rated.length === 0
      ? 'No measure with a numeric target has figures loaded, so none can be said to be on or off target.'
      : `${behind.length} of the ${rated.length} measures rated against a numeric target ${behind.length === 1 ? 'is' : 'are'} below it${behind.length ? `: ${behind.map((a) => a.measure.name).join('; ')}` : ''}.`
    : `${answers.length - noData} of ${answers.length} measures have figures loaded.`;
  const notes = [
    'Rated only against a numeric target set by the framework\'s sources; a direction ("more", "fewer") is shown with the change on a year before.',
    `${noData} measure${noData === 1 ? ' has' : 's have'} no figures loaded. ${IMPORT_HINT}`,
    DISCLOSURE,
  ];
  const card: FigureTableCard = {
    title: opts.title,
    subtitle: `Framework measures, as of ${longDate(today)}`,
    headline,
    headers: ['Rating', 'Latest', 'Change'],
    rows,
    notes,
    buttons: [],
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
