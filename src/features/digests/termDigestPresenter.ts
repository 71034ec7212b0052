import { themesLine } from '../themes/themesPresenter.js';
import { youSaidLine } from '../youSaid/youSaidPresenter.js';
import type { Reply } from '../../ports/messages.js';
import { cardReply } from '../../cards/cardReply.js';
import type { TermDigestCard } from './digestCardModels.js';
import {
  FALL_THRESHOLD,
  type Attention,
  type RoleFigures,
  type TermDigest,
  type WaitLine,
} from './domain/termDigest.js';
import type { RespondentRole } from '../../domain/survey/questionBank.js';
import { WAITS_SUPPRESSED_TEXT } from '../waits/domain/hiddenText.js';
import {
  arrow,
  figureText,
  longDate,
  oneDecimal,
  percent,
  ROLE_LABEL,
  SUPPRESSED_TEXT,
  serviceTitle,
  nowrap,
  wholeNumber,
} from '../../cards/format.js';
import { decidingMeasure, RAG_WORDS, ratingFor, ratingOf, targetText } from '../waits/waitsPresenter.js';
import { targetText as measureTargetText, valueText } from '../measures/measuresPresenter.js';
import { periodLabel } from '../measures/domain/period.js';
import { commentaryText } from '../exceptions/exceptionsPresenter.js';

const ROLE_WORDS: Record<RespondentRole, string> = { cyp: 'children and young people', pc: 'parent carers' };

function cell(f: RoleFigures): string {
  if (f.respondents === 0) return 'no answers';
  if (!f.mean.shown) return SUPPRESSED_TEXT;
  const delta = arrow(f.change);
  return `${oneDecimal(f.mean.value)}${delta ? ` ${delta}` : ''} · ${figureText(f.positive, percent)} positive · ${nowrap(`n ${f.respondents}`)}`;
}

function attentionText(a: Attention, d: TermDigest): string {
  if (a.kind === 'fell')
    return `▼ ${a.outcome} (${ROLE_WORDS[a.role]}) fell from ${oneDecimal(a.from)} to ${oneDecimal(a.to)} since ${d.previousTerm.label}.`;
  if (a.kind === 'measure') {
    const m = a.line.measure;
    const f = a.line.figures!;
    const icon = a.why === 'worse' ? '▼' : ratingOf(a.why).icon;
    const what =
      a.why === 'worse'
        ? 'is worse than a year before'
        : `is ${a.why} against its target (${measureTargetText(m, d.generatedOn)})`;
    const said = a.why === 'amber' && !a.note ? '' : ` ${commentaryText(a.note, { forChat: true })}`;
    return `${icon} ${m.name} ${what}: ${valueText(m, f.latest)}, ${periodLabel(f.latest.period, m.frequency)}.${said}`;
  }
  const w = d.waits.find((x) => x.service.id === a.service.id)!;
  const r = ratingOf(a.kind);
  return `${r.icon} ${a.service.name} is ${a.kind}: ${decidingMeasure(a.service, w.figures!)}.`;
}

/** How many of the things needing attention the digest leads with; the rest are one press away. */
export const LEAD_LINES = 5;
const LEAD_ORDER = { red: 0, fell: 1, worse: 1, amber: 2 } as const;

/** Worst first: red, then what fell or got worse, then amber (each in the digest's own order). */
function leadOrder(a: Attention): number {
  if (a.kind === 'measure') return LEAD_ORDER[a.why];
  return LEAD_ORDER[a.kind];
}

/** One short line for the top of the digest: what, its figure, and whether a decision is written down. */
function leadText(a: Attention, d: TermDigest): string {
  if (a.kind === 'fell')
    return `▼ ${a.outcome} (${ROLE_WORDS[a.role]}) fell from ${oneDecimal(a.from)} to ${oneDecimal(a.to)}`;
  if (a.kind === 'measure') {
    const m = a.line.measure;
    const f = a.line.figures!;
    const icon = a.why === 'worse' ? '▼' : ratingOf(a.why).icon;
    const what = a.why === 'worse' ? 'worse than a year before' : `${a.why} against its target`;
    const commentary = a.why === 'amber' ? '' : a.note ? ' · commentary written' : ' · no commentary yet';
    return `${icon} ${m.name}: ${valueText(m, f.latest)}, ${periodLabel(f.latest.period, m.frequency)} (${what})${commentary}`;
  }
  const w = d.waits.find((x) => x.service.id === a.service.id)!;
  return `${ratingOf(a.kind).icon} ${serviceTitle(a.service)}: ${decidingMeasure(a.service, w.figures!)}`;
}

/** Exceptions (red, or worse than a year before) with no commentary written for their latest figure. */
function withoutCommentary(d: TermDigest): number {
  return d.attention.filter((a) => a.kind === 'measure' && a.why !== 'amber' && !a.note).length;
}

/** The digest as the card's data, the same as plain text, and a one-line summary for notifications. */
export function presentTermDigest(
  d: TermDigest,
  opts: { csvUrl?: string; csvExpiresOn?: string } = {},
): { card: TermDigestCard; text: string; summary: string } {
  const attention = d.attention.map((a) => attentionText(a, d));
  const attentionTitle = attention.length ? `Needs attention (${attention.length})` : 'Nothing needs attention';
  const ranked = d.attention.map((a, i) => ({ a, i })).sort((x, y) => leadOrder(x.a) - leadOrder(y.a) || x.i - y.i);
  const lead = ranked.slice(0, LEAD_LINES).map(({ a }) => leadText(a, d));
  const hidden = d.attention.length - lead.length;
  const leadMore = hidden > 0 ? `and ${hidden} more: press "Needs attention".` : '';
  if (!attention.length)
    lead.push(
      `No outcome fell by ${oneDecimal(FALL_THRESHOLD)} or more since ${d.previousTerm.label}, and no service or measure is below its target.`,
    );
  const missing = withoutCommentary(d);
  const decisions = [
    ...(missing
      ? [
          `${missing} exception${missing === 1 ? ' has' : 's have'} no commentary yet (what is being done, by when) for the board pack.`,
        ]
      : []),
  ];

  const bars = chartBars(d);
  const hasChart = bars.some((b) => b.value !== 'not shown');

  const outcomes = d.outcomes.map((o) => ({ label: o.name, cyp: cell(o.roles.cyp), pc: cell(o.roles.pc) }));
  const waits = d.waits.map((w) => {
    if (!w.figures) return { label: serviceTitle(w.service), rating: 'No data', detail: 'no referrals loaded' };
    const r = ratingFor(w.service, w.figures.rag, d.generatedOn);
    const longest = w.figures.longestWeeks.shown
      ? `${oneDecimal(w.figures.longestWeeks.value)} weeks`
      : WAITS_SUPPRESSED_TEXT;
    const count = w.figures.waiting.shown ? wholeNumber(w.figures.waiting.value) : WAITS_SUPPRESSED_TEXT;
    return {
      label: serviceTitle(w.service),
      rating: `${r.icon} ${r.words.split(':')[0]}`,
      detail: `${decidingMeasure(w.service, w.figures)}; ${count} ${w.service.headline === 'seen-this-term' ? 'in progress' : 'waiting'}, longest ${longest}${changeText(w)}`,
    };
  });
  // The framework's scorecard, one row per outcome: its measures (each under the first outcome it evidences)
  // with their latest figure and rating colour, and those with no figures yet by name. About 40 measures a
  // row each would take the card past what Teams accepts in one message; the board pack has them in full.
  const measures = d.outcomes.flatMap((o) => {
    const lines = d.measures.filter((line) => line.measure.outcomes[0] === o.outcome);
    if (lines.length === 0) return [];
    const loaded = lines.filter((line) => line.figures);
    const unloaded = lines.filter((line) => !line.figures);
    const rags = (['red', 'amber', 'green'] as const)
      .map((rag) => [rag, loaded.filter((line) => line.figures!.rag === rag).length] as const)
      .filter(([, n]) => n > 0);
    const figures = loaded.map(
      (line) =>
        `${line.measure.name} ${valueText(line.measure, line.figures!.latest)}${line.figures!.rag ? ` ${RAG_WORDS[line.figures!.rag].icon}` : ''}`,
    );
    return [
      {
        outcome: o.name,
        label: `${lines.length} measure${lines.length === 1 ? '' : 's'}`,
        rating: rags.length ? rags.map(([rag, n]) => `${RAG_WORDS[rag].icon} ${n}`).join(' · ') : 'Not rated',
        detail: [
          ...figures,
          ...(unloaded.length ? [`no figures loaded: ${unloaded.map((line) => line.measure.name).join(', ')}`] : []),
        ].join('; '),
      },
    ];
  });
  const rates = d.rates.map((r) => {
    const title = r.role === 'all' ? 'All' : ROLE_LABEL[r.role];
    if (r.sent.shown && r.sent.value === 0) return { title, value: 'no invitations this term' };
    const of =
      r.sent.shown && r.completed.shown
        ? ` (${wholeNumber(r.completed.value)} of ${wholeNumber(r.sent.value)} invited completed)`
        : '';
    return { title, value: `${figureText(r.rate, percent)}${of}` };
  });
  // Who has not answered, in one line: the whole area's rate (each group's in the section).
  const all = d.rates.find((r) => r.role === 'all');
  if (all && !(all.sent.shown && all.sent.value === 0))
    decisions.push(`Survey responses this term: ${rates[d.rates.indexOf(all)]!.value}.`);
  const notes = [
    `Scores: mean from 1 (strongly disagree) to 5 (strongly agree) with the change since ${d.previousTerm.label} (▲ ▼), % positive = answers of 4 or 5, n = respondents.`,
    `Waiting times as of ${longDate(d.generatedOn)}; ratings: green at or above target, amber up to 5 points below, red further below, and only against a target set by statute or the framework's documents.`,
    `Targets: ${d.waits.map((w) => `${w.service.shortName}: ${targetText(w.service, d.generatedOn)}`).join('. ')}.`,
    'Figures from fewer than 5 people are never shown, nor any figure that would reveal one by subtraction.',
    ...(measures.length
      ? [
          "Each measure's target, where it comes from, and England and neighbour figures are in the board pack and in the answer when you ask about the measure.",
        ]
      : []),
  ];
  if (!d.hasAnswers) notes.unshift(`No survey answers have been recorded for ${d.term.label} yet.`);
  if (opts.csvUrl)
    notes.push(`The download link works until ${opts.csvExpiresOn ? longDate(opts.csvExpiresOn) : 'it expires'}.`);

  const title = `Termly digest: ${d.term.label}`;
  const subtitle = `SEND and AP Outcomes Framework · compared with ${d.previousTerm.label} · prepared ${longDate(d.generatedOn)}`;
  const card: TermDigestCard = {
    title,
    subtitle,
    attentionTitle,
    attentionStyle: d.attention.length ? 'attention' : 'good',
    lead,
    leadMore,
    decisions,
    attention,
    hasChart,
    chartTitle: `Mean outcome scores, ${d.term.label}`,
    chartNote: CHART_NOTE,
    bars,
    themes: d.themes.slice(0, 8).map((p) => ({
      label: `${ROLE_LABEL[p.role]}: "${p.prompt}…" (${p.comments} comments)`,
      detail: themesLine(p),
    })),
    youSaid: d.youSaid
      .slice(0, 6)
      .map((e) => youSaidLine(e, d.outcomes.find((o) => o.outcome === e.outcome)?.name ?? e.outcome)),
    outcomes,
    waits,
    measures,
    rates,
    notes,
    csvUrl: opts.csvUrl ?? '',
    buttons: [
      ...(missing ? [{ title: 'Write commentary', text: 'exceptions' }] : []),
      { title: 'Board pack', text: 'board pack for this term' },
    ],
  };
  const text = [
    `${title} (${subtitle})`,
    `${attentionTitle}:`,
    ...(attention.length ? attention : lead).map((a) => `- ${a}`),
    ...decisions,
    'Outcomes (children and young people | parent carers):',
    ...outcomes.map((o) => `- ${o.label}: ${o.cyp} | ${o.pc}`),
    'Waiting times:',
    ...waits.map((w) => `- ${w.label}: ${w.rating}; ${w.detail}`),
    'Response rate:',
    ...rates.map((r) => `- ${r.title}: ${r.value}`),
    ...(card.themes.length
      ? ['What families are saying (counted themes):', ...card.themes.map((t) => `- ${t.label}: ${t.detail}`)]
      : []),
    ...(card.youSaid.length
      ? ['You said, we did:', ...card.youSaid.map((y) => `- ${y.outcome}: you said ${y.youSaid}; we did ${y.weDid}`)]
      : []),
    ...notes,
    ...(opts.csvUrl ? [`Figures as CSV: ${opts.csvUrl}`] : []),
  ].join('\n');
  const summary = `${title}: ${d.attention.length ? `${d.attention.length} thing${d.attention.length === 1 ? '' : 's'} need${d.attention.length === 1 ? 's' : ''} attention` : 'nothing needs attention'}.`;
  return { card, text, summary };
}

/** The digest as a reply (card, summary and full text), with its download link. */
export function termDigestReply(d: TermDigest, link: { csvUrl: string; csvExpiresOn: string }): Reply {
  return cardReply('termDigest', presentTermDigest(d, link));
}

/** "; 12 more than at the extract of 15 July 2026": only between two shown counts. */
function changeText(w: WaitLine): string {
  const c = w.change;
  if (!c || !c.then.waiting.shown || !c.now.waiting.shown) return '';
  const d = c.now.waiting.value - c.then.waiting.value;
  const at = `at the extract of ${longDate(c.then.asOf)}`;
  return `; ${d === 0 ? `the same as ${at}` : `${wholeNumber(Math.abs(d))} ${d > 0 ? 'more' : 'fewer'} than ${at} (${wholeNumber(c.then.waiting.value)})`}`;
}

const CHART_NOTE =
  'Each bar runs from 1 (strongly disagree) to the mean score, on the whole 1 to 5 scale. Groups of fewer than 5 are not shown.';

/**
 * The chart as rows of bars drawn in the card's own columns, so every client draws it on the 1 to 5 scale
 * (Teams' chart elements choose their own axis: 0 to the largest bar, with ticks like 1.03 and 2.05).
 * Widths are hundredths of the scale; the shown value is the one in the tables (1 decimal).
 */
function chartBars(d: TermDigest): TermDigestCard['bars'] {
  const roles = [
    // One colour: 'emphasis' (the only other neutral style) is near-white grey in Teams and can hardly be
    // seen; each bar's label says who answered, so colour carries nothing the words do not.
    { role: 'cyp' as const, short: 'CYP', style: 'accent' },
    { role: 'pc' as const, short: 'parent carers', style: 'accent' },
  ];
  return d.outcomes.flatMap((o) =>
    roles.map(({ role, short, style }) => {
      const f = o.roles[role];
      const label = `${o.name} · ${short}`;
      if (!(f.respondents > 0 && f.mean.shown)) return { label, filled: 0, empty: 100, value: 'not shown', style };
      const shown = Math.round(f.mean.value * 10) / 10;
      const filled = Math.round(((shown - 1) / 4) * 100);
      return { label, filled, empty: 100 - filled, value: oneDecimal(shown), style };
    }),
  );
}
