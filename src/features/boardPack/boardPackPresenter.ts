import { longDate, oneDecimal, ROLE_LABEL } from '../../cards/format.js';
import type { Disclosed } from '../../domain/disclosure/disclosure.js';
import { presentTermDigest } from '../digests/termDigestPresenter.js';
import { commentaryText } from '../exceptions/exceptionsPresenter.js';
import type { Measure } from '../measures/domain/measureCatalogue.js';
import type { DisclosedValue } from '../measures/domain/measureFigures.js';
import { periodLabel } from '../measures/domain/period.js';
import {
  COMPARATOR_NAMES,
  comparatorsText,
  MEASURE_SUPPRESSED_TEXT,
  measureRow,
  unitText,
  valueText,
} from '../measures/measuresPresenter.js';
import type { BoardPack, ComparatorFigure, ExceptionEntry, MeasureTrend, ScoreTrend } from './domain/boardPack.js';
import { trendChartSvg, type TrendChart } from './trendChart.js';

/**
 * The board pack as one view model, laid out once and drawn twice (the HTML page and the PDF), so both
 * say the same. Every figure comes already disclosed; the words reuse the digest's and the measures' own.
 */
export type PackTable = { caption: string; headers: string[]; rows: string[][] };
export type PackBlock =
  | { kind: 'para'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; table: PackTable }
  | { kind: 'chart'; title: string; svg: string; table: PackTable };
export type PackSection = { id: string; heading: string; blocks: PackBlock[] };
export type PackView = { title: string; subtitle: string; sections: PackSection[]; notes: string[] };

const NOT_SHOWN = 'not shown (fewer than 5)';

/** Figures for people: en-GB digit grouping ("671,799"). */
const grouped = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
/** A rating without its coloured circle (the PDF's font has none; the word carries it). */
const plain = (s: string) => s.replace(/^[^\p{L}]+/u, '');

function chartValue(m: Measure, v: number): number {
  return m.unit === 'percent' ? Math.round(v * 1000) / 10 : v;
}
const unitTitle = (m: Measure) => (m.unit === 'percent' ? '%' : m.unit === 'rate' ? 'per 100' : 'number');

/** "England 8.2%, neighbours 7.9%" (the measures' own words) for the latest period in the list, or ''. */
export function comparatorText(m: Measure, list: readonly ComparatorFigure[]): string {
  if (!list.length) return '';
  const latest = list.reduce((a, c) => (c.period > a ? c.period : a), '');
  return list
    .filter((c) => c.period === latest)
    .map((c) => `${COMPARATOR_NAMES[c.comparator]} ${unitText(m, c.value)}`)
    .join(', ');
}

function scoreCell(d: Disclosed, respondents: number): string {
  if (respondents === 0) return 'no answers';
  return d.shown ? `${oneDecimal(d.value)} (n ${grouped(respondents)})` : NOT_SHOWN;
}

async function scoreTrendBlock(t: ScoreTrend, i: number): Promise<PackBlock> {
  const periods = [...new Set(t.points.map((p) => p.term))];
  const series = (['cyp', 'pc'] as const).map((role) => ({
    name: ROLE_LABEL[role],
    values: periods.map((term) => {
      const p = t.points.find((x) => x.term === term && x.role === role);
      return p && p.respondents > 0 && p.mean.shown ? Math.round(p.mean.value * 10) / 10 : null;
    }),
  }));
  const chart: TrendChart = {
    id: `score-${i}`,
    title: `${t.name}: mean score by term`,
    description: `Mean score from 1 to 5 of children and young people and of parent carers, ${periods[0]} to ${periods.at(-1)}. Every figure is in the table below.`,
    periods,
    series,
    yTitle: 'mean score (1 to 5)',
    yDomain: [1, 5],
  };
  const rows = periods.map((term) => [
    term,
    ...(['cyp', 'pc'] as const).map((role) => {
      const p = t.points.find((x) => x.term === term && x.role === role);
      return p ? scoreCell(p.mean, p.respondents) : 'no answers';
    }),
  ]);
  return {
    kind: 'chart',
    title: chart.title,
    svg: await trendChartSvg(chart),
    table: { caption: `${t.name}: the figures`, headers: ['Term', ROLE_LABEL.cyp, ROLE_LABEL.pc], rows },
  };
}

async function measureTrendBlock(t: MeasureTrend, i: number): Promise<PackBlock | undefined> {
  const m = t.measure;
  if (!t.points.length) return undefined;
  const periods = t.points.map((p) => periodLabel(p.period, m.frequency));
  const chart: TrendChart = {
    id: `measure-${i}`,
    title: `${m.name} (${unitTitle(m)})`,
    description: `${m.name}, ${periods[0]} to ${periods.at(-1)}; ${m.better} is better. Every figure is in the table below.`,
    periods,
    series: [{ name: 'Local', values: t.points.map((p) => (p.value.shown ? chartValue(m, p.value.value) : null)) }],
    yTitle: unitTitle(m),
    ...(m.unit === 'percent' ? { yDomain: [0, 100] as [number, number] } : {}),
  };
  const compared = (p: DisclosedValue) =>
    comparatorText(
      m,
      t.comparators.filter((c) => c.period === p.period),
    );
  const withComparators = t.comparators.length > 0;
  return {
    kind: 'chart',
    title: chart.title,
    svg: await trendChartSvg(chart),
    table: {
      caption: `${m.name}: the figures`,
      headers: ['Period', 'Figure', ...(withComparators ? ['Compared with'] : [])],
      rows: t.points.map((p, j) => [
        periods[j],
        p.value.shown ? grouping(valueText(m, p)) : MEASURE_SUPPRESSED_TEXT,
        ...(withComparators ? [compared(p) || 'none loaded'] : []),
      ]),
    },
  };
}

/**
 * "46 of 671799" → "46 of 671,799": the measures' words, with the counts of "x of y" grouped for reading
 * (years and periods such as "2026-27" are left alone).
 */
export function grouping(text: string): string {
  return text.replace(/\b\d{4,}(?= of \d)|(?<=\d of )\d{4,}\b/g, (d) => grouped(Number(d)));
}

function exceptionRows(list: readonly ExceptionEntry[]): string[][] {
  return list.map((e) => [
    e.measure.name,
    `${grouping(valueText(e.measure, e.latest))}, ${periodLabel(e.latest.period, e.measure.frequency)}`,
    e.why === 'red' ? 'Red against its target' : 'Worse than a year before',
    e.note ? e.note.action : 'No commentary written yet',
    e.note ? longDate(e.note.due) : '',
  ]);
}

export async function presentBoardPack(pack: BoardPack): Promise<PackView> {
  const d = pack.digest;
  const digest = presentTermDigest(d);
  const today = d.generatedOn;
  const noteOf = (id: string) => pack.exceptions.find((e) => e.measure.id === id);

  // The scorecard by outcome: the survey's scores, then every measure seed 004 lists under the outcome.
  const scorecard: PackBlock[] = d.outcomes.flatMap((o) => {
    const evidencing = d.measures.filter((l) => l.measure.outcomes.includes(o.outcome));
    const lines = evidencing.filter((l) => l.figures);
    const none = evidencing.filter((l) => !l.figures).map((l) => l.measure.name);
    const rows = lines.map((l) => {
      const row = measureRow(l, today);
      const e = noteOf(l.measure.id);
      const compared = l.figures ? comparatorsText(l.figures) : undefined;
      return [
        row.label,
        plain(row.rating),
        grouping(row.detail) + (compared ? `; ${compared}` : ''),
        e ? commentaryText(e.note, { forChat: false }) : '',
      ];
    });
    return [
      {
        kind: 'table',
        table: {
          caption: `${o.name}`,
          headers: ['Measure', 'Rating', 'Latest, change on a year before, target', 'What is being done'],
          rows: [
            [
              'Survey: mean score (children and young people | parent carers)',
              '',
              `${scoreCell(o.roles.cyp.mean, o.roles.cyp.respondents)} | ${scoreCell(o.roles.pc.mean, o.roles.pc.respondents)}`,
              '',
            ],
            ...rows,
          ],
        },
      },
      ...(none.length ? [{ kind: 'para' as const, text: `No figures loaded yet for: ${none.join('; ')}.` }] : []),
    ];
  });

  const scoreCharts = await Promise.all(pack.scoreTrends.map(scoreTrendBlock));
  const measureCharts = (await Promise.all(pack.measureTrends.map(measureTrendBlock))).filter(
    (b): b is PackBlock => b !== undefined,
  );
  const noFigures = pack.measureTrends.filter((t) => !t.points.length).map((t) => t.measure.name);

  const sections: PackSection[] = [
    {
      id: 'decisions',
      heading: 'What needs a decision',
      blocks: [
        ...(pack.periodNote ? [{ kind: 'para' as const, text: pack.periodNote }] : []),
        { kind: 'para', text: digest.card.attentionTitle },
        { kind: 'list', items: digest.card.attention.map(plain) },
      ],
    },
    {
      id: 'exceptions',
      heading: 'Exceptions, with what is being done',
      blocks: pack.exceptions.length
        ? [
            {
              kind: 'table',
              table: {
                caption: 'Measures red against their target or worse than a year before',
                headers: ['Measure', 'Figure', 'Why', 'What is being done', 'By when'],
                rows: exceptionRows(pack.exceptions),
              },
            },
          ]
        : [{ kind: 'para', text: 'No measure is red against its target or worse than a year before.' }],
    },
    { id: 'scorecard', heading: 'Scorecard by outcome', blocks: scorecard },
    {
      id: 'waits',
      heading: 'Waiting times against targets',
      blocks: [
        {
          kind: 'table',
          table: {
            caption: `Waiting lists as of ${longDate(today)}`,
            headers: ['Service', 'Rating', 'Detail'],
            rows: digest.card.waits.map((w) => [w.label, plain(w.rating), grouping(w.detail)]),
          },
        },
      ],
    },
    {
      id: 'score-trends',
      heading: 'Outcome scores over time',
      blocks: scoreCharts,
    },
    {
      id: 'measure-trends',
      heading: 'Measures over time',
      blocks: [
        ...measureCharts,
        ...(noFigures.length
          ? [{ kind: 'para' as const, text: `No figures are loaded yet for: ${noFigures.join('; ')}.` }]
          : []),
      ],
    },
    {
      id: 'responses',
      heading: 'Response rates and what families are saying',
      blocks: [
        {
          kind: 'table',
          table: {
            caption: `Response rate, ${d.term.label}`,
            headers: ['Who', 'Completed of those invited'],
            rows: digest.card.rates.map((r) => [r.title, grouping(r.value)]),
          },
        },
        ...(d.themes.length
          ? [
              {
                kind: 'table' as const,
                table: {
                  caption: 'Themes in families’ comments (counted, never quoted; prompts with 10 or more comments)',
                  headers: ['Prompt', 'Themes'],
                  rows: digest.card.themes.map((t) => [t.label, t.detail]),
                },
              },
            ]
          : [{ kind: 'para' as const, text: 'No prompt has 10 or more comments this term, so no themes are shown.' }]),
      ],
    },
    {
      id: 'you-said',
      heading: 'You said, we did',
      blocks: d.youSaid.length
        ? [
            {
              kind: 'table',
              table: {
                caption: 'What changed because of what families told us',
                headers: ['Outcome', 'You said', 'We did'],
                rows: d.youSaid.map((e) => [
                  d.outcomes.find((o) => o.outcome === e.outcome)?.name ?? e.outcome,
                  e.youSaid,
                  e.weDid,
                ]),
              },
            },
          ]
        : [{ kind: 'para', text: 'No entries yet.' }],
    },
  ];
  return {
    title: `Partnership board pack: ${pack.title}`,
    subtitle: `SEND and AP Outcomes Framework · prepared ${longDate(today)} · compared with ${d.previousTerm.label}`,
    sections,
    notes: digest.card.notes.filter((n) => !n.startsWith('The download link')),
  };
}
