import type { FigureTableCard } from '../../cards/cardModels.js';
import type { Disclosed } from '../../domain/disclosure/disclosure.js';
import type { DisclosedAt, DisclosedChange, DisclosedSnapshot } from './domain/disclosedWaits.js';
import type { AskedPeriod } from '../../domain/terms/askedPeriod.js';
import { hiddenText } from './domain/hiddenText.js';
import type { Service } from './domain/serviceCatalogue.js';
import { longDate, nowrap, oneDecimal, percent, serviceTitle } from '../../cards/format.js';
import type { Presented } from '../scores/scoresPresenter.js';

const DEFINITION =
  'Each column is one waiting-list extract as it was loaded: waiting = referred and neither seen nor closed on that date; the median wait in weeks; the share of those waiting who had waited under the target weeks.';
const SUPPRESSION =
  'Figures from fewer than 5 children are not shown, and a figure an extract’s own answer hid stays hidden here; a change is shown only between two shown figures.';

const show = (d: Disclosed, format: (v: number) => string) => (d.shown ? format(d.value) : hiddenText(d));
/** A median from nobody waiting (basis 0) is no wait at all, not "0.0 weeks". */
const weeks = (d: Disclosed) =>
  d.shown && d.basis === 0 ? 'nobody waiting' : show(d, (v) => nowrap(`${oneDecimal(v)} weeks`));
const medianDelta = (a: Disclosed, b: Disclosed) =>
  a.shown && b.shown && a.basis > 0 && b.basis > 0 ? delta(a, b, (v) => `${oneDecimal(v)} weeks`) : '';

/** Signed change between two shown figures, '' when either is hidden (nothing new can be worked out). */
function delta(a: Disclosed, b: Disclosed, format: (v: number) => string): string {
  if (!a.shown || !b.shown) return '';
  const d = b.value - a.value;
  if (Math.abs(d) < 1e-9) return 'no change';
  return nowrap(`${d > 0 ? '▲' : '▼'} ${format(Math.abs(d))}`);
}
const shareDelta = (a: Disclosed, b: Disclosed) =>
  delta(
    a.shown ? { ...a, value: Math.round(a.value * 100) } : a,
    b.shown ? { ...b, value: Math.round(b.value * 100) } : b,
    (v) => `${v} points`,
  );

function rowsFor(then: DisclosedSnapshot, now: DisclosedSnapshot, withinWeeks: number): FigureTableCard['rows'] {
  return [
    {
      label: 'Waiting',
      detail: 'children on the list',
      cells: [show(then.waiting, String), show(now.waiting, String), delta(then.waiting, now.waiting, String) || '—'],
    },
    {
      label: 'Median wait',
      detail: 'half have waited longer',
      cells: [weeks(then.medianWeeks), weeks(now.medianWeeks), medianDelta(then.medianWeeks, now.medianWeeks) || '—'],
    },
    {
      label: `Waiting under ${withinWeeks} weeks`,
      detail: 'share of those waiting',
      cells: [
        show(then.underTarget.share, percent),
        show(now.underTarget.share, percent),
        shareDelta(then.underTarget.share, now.underTarget.share) || '—',
      ],
    },
  ];
}

/** "12 more waiting (120 → 132); median wait up 1.2 weeks; under 18 weeks down 3 points." — shown figures only. */
function headlineOf(then: DisclosedSnapshot, now: DisclosedSnapshot): string {
  const parts: string[] = [];
  if (then.waiting.shown && now.waiting.shown) {
    const d = now.waiting.value - then.waiting.value;
    parts.push(
      d === 0
        ? `the same number waiting (${now.waiting.value})`
        : `${Math.abs(d)} ${d > 0 ? 'more' : 'fewer'} waiting (${then.waiting.value} → ${now.waiting.value})`,
    );
  }
  if (medianDelta(then.medianWeeks, now.medianWeeks) && then.medianWeeks.shown && now.medianWeeks.shown)
    parts.push(`median wait ${oneDecimal(then.medianWeeks.value)} → ${oneDecimal(now.medianWeeks.value)} weeks`);
  const s = shareDelta(then.underTarget.share, now.underTarget.share);
  if (s && then.underTarget.share.shown && now.underTarget.share.shown)
    parts.push(
      `waiting under ${now.underTarget.withinWeeks} weeks ${percent(then.underTarget.share.value)} → ${percent(now.underTarget.share.value)}`,
    );
  return parts.length
    ? parts.join('; ')
    : 'no figure can be compared: each is from fewer than 5 children or hidden to protect one';
}

/** One service: two extracts side by side, or its trend. `asked` is the question's own words for the date. */
export function presentServiceChange(service: Service, answer: DisclosedChange, today: string): Presented | string {
  const name = serviceTitle(service);
  if (answer.kind === 'noData')
    return `No referrals are loaded for ${name} yet, so I cannot say how its waiting list has changed.`;
  if (answer.kind === 'nothingThatOld')
    return `The ${name} extracts loaded go back only to ${longDate(answer.earliest.asOf)}; none shows the list as it stood on ${longDate(answer.since)}. Ask "trend for ${service.shortName} waits" to see every extract there is.`;
  const withinWeeks = service.targets.seen.weeks;
  if (answer.kind === 'trend') {
    const shown = answer.snapshots;
    if (shown.length < 2)
      return `Only one ${name} extract is loaded (${longDate(shown[0]!.asOf)}), so there is nothing to compare it with yet.`;
    const first = shown[0]!;
    const last = shown.at(-1)!;
    const card: FigureTableCard = {
      title: `${name}: waiting list over time`,
      subtitle: `${shown.length} extracts, ${longDate(first.asOf)} to ${longDate(last.asOf)}`,
      headline: `From ${longDate(first.asOf)} to ${longDate(last.asOf)}: ${headlineOf(first, last)}.`,
      headers: ['Waiting', 'Median wait', `Under ${withinWeeks} weeks`],
      rows: shown.map((s) => ({
        label: longDate(s.asOf),
        detail: s.asOf === last.asOf ? ageText(s.asOf, today) : '',
        cells: [show(s.waiting, String), weeks(s.medianWeeks), show(s.underTarget.share, percent)],
      })),
      notes: [DEFINITION, SUPPRESSION],
      buttons: [{ title: 'Latest in full', text: `current wait for ${service.shortName}` }],
    };
    return presented(card);
  }
  const { then, now } = answer;
  const card: FigureTableCard = {
    title: `${name}: how the waiting list has changed`,
    subtitle: `Extract of ${longDate(then.asOf)} against the latest, ${longDate(now.asOf)} (${ageText(now.asOf, today)})`,
    headline: `${sinceText(answer.then.asOf, answer.since)}: ${headlineOf(then, now)}.`,
    headers: [longDate(then.asOf), longDate(now.asOf), 'Change'],
    rows: rowsFor(then, now, withinWeeks),
    notes: [DEFINITION, SUPPRESSION],
    buttons: [
      { title: 'Trend', text: `trend for ${service.shortName} waits` },
      { title: 'Latest in full', text: `current wait for ${service.shortName}` },
    ],
  };
  return presented(card);
}

/** Every service at once ("which services got worse since last term"): one row per service. */
export function presentChangeOverview(
  answers: readonly { service: Service; answer: DisclosedChange }[],
  today: string,
): Presented {
  const rows = answers.map(({ service, answer }) => {
    if (answer.kind === 'compared') {
      const { then, now } = answer;
      return {
        label: serviceTitle(service),
        detail: `${longDate(then.asOf)} → ${longDate(now.asOf)}`,
        cells: [
          `${show(then.waiting, String)} → ${show(now.waiting, String)}`,
          `${weeks(then.medianWeeks)} → ${weeks(now.medianWeeks)}`,
          delta(then.waiting, now.waiting, String) || '—',
        ],
      };
    }
    const why =
      answer.kind === 'noData'
        ? 'no referrals loaded'
        : answer.kind === 'nothingThatOld'
          ? `extracts only from ${longDate(answer.earliest.asOf)}`
          : 'only one extract loaded';
    return { label: serviceTitle(service), detail: why, cells: ['—', '—', '—'] };
  });
  const card: FigureTableCard = {
    title: 'Waiting lists: how they have changed',
    subtitle: `Each service's extract at the date asked against its latest · ${longDate(today)}`,
    headline: '',
    headers: ['Waiting', 'Median wait', 'Change in waiting'],
    rows,
    notes: [DEFINITION, SUPPRESSION],
    buttons: [],
  };
  return presented(card);
}

/** "132 waiting; median wait 14.2 weeks; 45% waiting under 18 weeks": one extract's figures as shown. */
function figuresOf(s: DisclosedSnapshot): string {
  return `${show(s.waiting, String)} waiting; median wait ${weeks(s.medianWeeks)}; ${show(s.underTarget.share, percent)} waiting under ${s.underTarget.withinWeeks} weeks`;
}

/**
 * How the extract shown answers the period asked, said first: the extract within it, the last before it (no
 * extract was loaded in it), or the earliest there is (none that old); never another date's list unsaid.
 */
function leadAt(name: string, asked: AskedPeriod, answer: Exclude<DisclosedAt, { kind: 'noData' }>): string {
  if (answer.kind === 'nothingThatOld')
    return `No ${name} extract is held from ${asked.name} or before; the earliest held is of ${longDate(answer.earliest.asOf)}:`;
  const date = longDate(answer.then.asOf);
  if (asked.unit === 'day') return `${name} ${asked.name}, as the last extract on or before it, of ${date}, stood:`;
  if (answer.when === 'before')
    return `No ${name} extract was loaded in ${asked.name}; the last before it, of ${date}:`;
  if (answer.when === 'latest') return `${name} in ${asked.name}: the latest extract, of ${date}:`;
  return `${name} at the end of ${asked.name}, as the extract of ${date} stood:`;
}

/** One service's waiting list as it stood in the period asked, beside the latest. */
export function presentServiceAt(service: Service, answer: DisclosedAt, asked: AskedPeriod): Presented | string {
  const name = serviceTitle(service);
  if (answer.kind === 'noData')
    return `No referrals are loaded for ${name} yet, so I cannot say how its waiting list stood in ${asked.name}.`;
  const then = answer.kind === 'at' ? answer.then : answer.earliest;
  const { now } = answer;
  const same = then.asOf === now.asOf;
  const rows = rowsFor(then, now, service.targets.seen.weeks).map((r) => ({
    ...r,
    cells: same ? r.cells.slice(0, 1) : r.cells,
  }));
  const card: FigureTableCard = {
    title: `${name}: waiting list in ${asked.name}`,
    subtitle: same
      ? `Extract of ${longDate(then.asOf)} (the latest)`
      : `Extract of ${longDate(then.asOf)}, beside the latest, ${longDate(now.asOf)}`,
    headline: `${leadAt(name, asked, answer)} ${figuresOf(then)}.`,
    headers: same ? [longDate(then.asOf)] : [longDate(then.asOf), `${longDate(now.asOf)} (latest)`, 'Change'],
    rows,
    notes: [DEFINITION, SUPPRESSION],
    buttons: [
      { title: 'Latest in full', text: `current wait for ${service.shortName}` },
      { title: 'Trend', text: `trend for ${service.shortName} waits` },
    ],
  };
  return presented(card);
}

/** Every service as it stood in the period asked ("all waiting lists last term"): one row per service. */
export function presentOverviewAt(
  answers: readonly { service: Service; answer: DisclosedAt }[],
  asked: AskedPeriod,
): Presented {
  const rows = answers.map(({ service, answer }) => {
    if (answer.kind === 'noData')
      return { label: serviceTitle(service), detail: 'no referrals loaded', cells: ['—', '—', '—'] };
    const then = answer.kind === 'at' ? answer.then : answer.earliest;
    const detail =
      answer.kind === 'nothingThatOld'
        ? `none that old; earliest extract ${longDate(then.asOf)}`
        : answer.when === 'before'
          ? `none loaded in it; last before, ${longDate(then.asOf)}`
          : `extract of ${longDate(then.asOf)}`;
    return {
      label: serviceTitle(service),
      detail,
      cells: [show(then.waiting, String), weeks(then.medianWeeks), show(then.underTarget.share, percent)],
    };
  });
  const card: FigureTableCard = {
    title: `Waiting lists in ${asked.name}`,
    subtitle: "Each service's last extract on or before the period's end",
    headline: `Waiting lists in ${asked.name}, each as its last extract on or before the end of it stood (the date is beside each).`,
    headers: ['Waiting', 'Median wait', 'Under target'],
    rows,
    notes: [
      "Each row is one service's extract as it was loaded: waiting = referred and neither seen nor closed on that date; the median wait in weeks; the share of those waiting who had waited under the service's target weeks.",
      SUPPRESSION,
    ],
    buttons: [{ title: 'Latest', text: 'which services are missing their targets?' }],
  };
  return presented(card);
}

function sinceText(thenAsOf: string, since: string): string {
  return thenAsOf <= since
    ? `Since the extract of ${longDate(thenAsOf)} (the latest on or before ${longDate(since)})`
    : `Since the extract of ${longDate(thenAsOf)} (none was loaded on or before ${longDate(since)}; this is the first after it)`;
}

function ageText(asOf: string, today: string): string {
  const days = Math.round((Date.parse(today) - Date.parse(asOf)) / 86_400_000);
  return days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`;
}

function presented(card: FigureTableCard): Presented {
  const lines = [`${card.title} (${card.subtitle})`, card.headline];
  for (const row of card.rows)
    lines.push(`- ${row.label}: ${row.cells.map((c, i) => `${card.headers[i]} ${c}`).join('; ')}`);
  lines.push(...card.notes);
  return { card, text: lines.join('\n'), summary: card.headline || card.title };
}
