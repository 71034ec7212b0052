import { STALE_EXTRACT_DAYS, type ServiceWaits } from './domain/serviceWaits.js';
import { daysBetween } from '../../domain/dates.js';
import type { FigureTableCard } from '../../cards/cardModels.js';
import type { WaitTimesCard } from './waitsCardModels.js';
import type { Disclosed } from '../../domain/disclosure/disclosure.js';
import type { Service, ServiceTarget } from './domain/serviceCatalogue.js';
import { isPastItsPeriod, isRated, provenanceLabel, type Provenance } from '../../domain/targets/targetProvenance.js';
import type { Rag } from './domain/statistics.js';
import type { DisclosedShare, DisclosedWaits } from './domain/disclosedWaits.js';
import { hiddenText } from './domain/hiddenText.js';
import { longDate, oneDecimal, percent, serviceTitle } from '../../cards/format.js';

type WithData = Extract<ServiceWaits, { hasData: true }>;

export const RAG_WORDS: Record<Rag, { icon: string; words: string; style: string }> = {
  green: { icon: '🟢', words: 'Green: on target', style: 'good' },
  amber: { icon: '🟠', words: 'Amber: just below target', style: 'warning' },
  red: { icon: '🔴', words: 'Red: below target', style: 'attention' },
};
const NOT_RATED = { icon: '⚪', words: 'Not rated: nobody in the measures yet', style: 'default' };

const DEFINITION =
  'Waiting: referred and neither seen nor closed by the date. Waits count from referral, in weeks to 1 decimal; median and 92nd percentile as in NHS waiting-time statistics.';
const RAG_RULE =
  'Green: at or above target; amber: up to 5 percentage points below; red: further below. The rating is the worst of the targets.';
const SUPPRESSION = 'Figures from fewer than 5 children are not shown.';
const OVERVIEW_BUTTON = { title: 'All services', text: 'which services are missing their targets' };

const show = (d: Disclosed, format: (v: number) => string) => (d.shown ? format(d.value) : hiddenText(d));
const weeks = (d: Disclosed) => show(d, (v) => `${oneDecimal(v)} weeks`);

/** "84% (346 of 412) · target 92% 🟠", or why there is no share. An assumed target is a comparison, not a target. */
function shareText(
  s: DisclosedShare | DisclosedWaits['waitingUnderTarget'] | DisclosedWaits['waitingUnderAim'],
  none: string,
  target?: ServiceTarget,
): string {
  if (!s || s.denominator === 0) return none;
  if (!s.share.shown) return hiddenText(s.share);
  const base = `${percent(s.share.value)} (${s.numerator.shown ? s.numerator.value : '?'} of ${s.denominator})`;
  if (!target || !('targetShare' in s)) return base;
  if (!isRated(target.provenance)) return `${base} · compared with ${percent(target.share)} (assumed)`;
  return `${base} · target ${percent(s.targetShare)}${s.rag ? ` ${RAG_WORDS[s.rag].icon}` : ''}`;
}

/** Every target of the service with where it comes from, as of `onDate` (a target past its period says so). */
export function targetText(service: Service, onDate: string): string {
  const { seen, triage, aim } = service.targets;
  const from = (p: Provenance) => `[${provenanceLabel(p, onDate)}]`;
  const seenPart = `${percent(seen.share)} ${service.seenMeans} within ${seen.weeks} weeks of referral ${from(seen.provenance)}`;
  const parts = [isRated(seen.provenance) ? seenPart : `none set; compared with ${seenPart}`];
  if (triage) parts.push(`${percent(triage.share)} triaged within ${triage.weeks} weeks ${from(triage.provenance)}`);
  if (aim) parts.push(`longer-term aim: nobody waits more than ${aim.weeks} weeks ${from(aim.provenance)}`);
  return parts.join('; ');
}

/** Standards the sources set that the extract cannot measure, and the column each would need. */
function unmeasuredNotes(service: Service, onDate: string): string[] {
  return (service.unmeasured ?? []).map(
    (u) =>
      `Not measured: ${u.standard} [${provenanceLabel(u.provenance, onDate)}] ("${u.provenance.quote}"). The extract would need ${u.needs}.`,
  );
}

/** Whether any of the service's targets can decide a rating (an assumed one cannot). */
function hasRatedTarget(service: Service): boolean {
  const { seen, triage } = service.targets;
  return isRated(seen.provenance) || (triage !== undefined && isRated(triage.provenance));
}

function headlineOf(service: Service, d: DisclosedWaits, termLabel: string): string {
  const { seen } = service.targets;
  if (service.headline === 'seen-this-term') {
    const s = d.seenWithinTargetThisTerm;
    const lead =
      s.denominator === 0
        ? `None ${service.seenMeans} yet in ${termLabel}`
        : `${shareText(s, '', seen)} ${service.seenMeans} within ${seen.weeks} weeks in ${termLabel}`;
    return `${lead}. ${show(d.waiting, String)} in progress; longest ${weeks(d.longestWeeks)}.`;
  }
  if (d.waiting.shown && d.waiting.value === 0) return 'Nobody is waiting.';
  return `${show(d.waiting, String)} waiting; median ${weeks(d.medianWeeks)}, longest ${weeks(d.longestWeeks)}. Waiting under ${seen.weeks} weeks: ${shareText(d.waitingUnderTarget, 'nobody waiting')}.`;
}

/** The rating line: a colour only against a target set by the sources or statute, and how old that target is. */
export function ratingFor(service: Service, rag: Rag | null, onDate: string) {
  if (!hasRatedTarget(service))
    return { icon: '⚪', words: `Not rated: no target is set for ${service.name}`, style: 'default' };
  const r = ratingOf(rag);
  const { seen, triage } = service.targets;
  const rated = [seen, triage].filter((t): t is ServiceTarget => t !== undefined && isRated(t.provenance));
  const aged = rated.find((t) => isPastItsPeriod(t.provenance, onDate));
  return rag && aged ? { ...r, words: `${r.words} (${provenanceLabel(aged.provenance, onDate)})` } : r;
}

export function ratingOf(rag: Rag | null) {
  return rag ? RAG_WORDS[rag] : NOT_RATED;
}

/** One service: the card, the same as plain text, and a one-line summary. */
export function presentServiceWaits(w: WithData): { card: WaitTimesCard; text: string; summary: string } {
  const { service, figures: d, onDate } = w;
  const { seen, triage, aim } = service.targets;
  const rating = ratingFor(service, d.rag, onDate);
  const headline = headlineOf(service, d, w.termLabel);
  // The reason first: a colour comes with the figure that decided it.
  const ratingLine = `${rating.icon} ${rating.words}${d.rag ? `. Decided by: ${decidingMeasure(service, d)}` : ''}`;
  const facts = [
    { title: service.headline === 'seen-this-term' ? 'In progress' : 'Waiting', value: show(d.waiting, String) },
    { title: 'Median wait', value: weeks(d.medianWeeks) },
    { title: '92nd percentile', value: weeks(d.p92Weeks) },
    { title: 'Longest wait', value: weeks(d.longestWeeks) },
    { title: `Waiting under ${seen.weeks} weeks`, value: shareText(d.waitingUnderTarget, 'nobody waiting') },
  ];
  if (aim && d.waitingUnderAim)
    facts.push({ title: `Under ${aim.weeks} weeks (aim)`, value: shareText(d.waitingUnderAim, 'nobody waiting') });
  facts.push({
    title: `${capitalise(service.seenMeans)} within ${seen.weeks} weeks, ${w.termLabel}`,
    value: shareText(d.seenWithinTargetThisTerm, 'none yet this term', seen),
  });
  if (triage && d.triagedWithinTarget)
    facts.push({
      title: `Triaged within ${triage.weeks} weeks, ${w.termLabel}`,
      value: shareText(d.triagedWithinTarget, 'none due yet this term', triage),
    });
  if (!d.waiting.shown || d.waiting.value === 0) facts.splice(1, 3);

  const biggest = Math.max(1, ...d.bands.map((b) => (b.count.shown ? b.count.value : 0)));
  const bands =
    d.waiting.shown && d.waiting.value > 0
      ? d.bands.map((b) => ({
          label: b.label.includes('over') ? '52 weeks and over' : `${b.label} weeks`,
          count: b.count.shown
            ? String(b.count.value)
            : b.count.reason === 'complementary'
              ? 'not shown'
              : 'fewer than 5',
          bar: b.count.shown ? '█'.repeat(Math.round((b.count.value / biggest) * 16)) || '▏' : '',
        }))
      : [];

  const age = daysBetween(w.extractAsOf, w.today);
  const asOfLine =
    onDate !== w.extractAsOf
      ? `As of ${longDate(onDate)}, worked out from the referrals (the latest extract is of ${longDate(w.extractAsOf)})`
      : age === 0
        ? `As at the extract of ${longDate(w.extractAsOf)} (today)`
        : `As at the extract of ${longDate(w.extractAsOf)}, ${age} day${age === 1 ? '' : 's'} ago`;
  const seenSource = seen.provenance;
  const notes = [
    `Target: ${targetText(service, onDate)}.`,
    ...(hasRatedTarget(service) ? [] : [`Why not rated: ${seenSource.reason ?? 'no source sets a target.'}`]),
    ...unmeasuredNotes(service, onDate),
    DEFINITION,
    ...(hasRatedTarget(service) ? [RAG_RULE] : []),
    SUPPRESSION,
  ];
  if (age > STALE_EXTRACT_DAYS)
    notes.unshift(
      `This extract is ${age} days old and no newer one has been loaded: children referred, seen or discharged since ${longDate(w.extractAsOf)} are not in these figures.`,
    );
  const title = `${serviceTitle(service)}: waiting times`;
  const text = [
    `${title}. ${asOfLine}.`,
    `${ratingLine}. ${headline}`,
    ...facts.map((f) => `- ${f.title}: ${f.value}`),
    ...(bands.length ? [`Waiting list by weeks waited: ${bands.map((b) => `${b.label} ${b.count}`).join(', ')}.`] : []),
    ...notes,
  ].join('\n');
  return {
    card: {
      title,
      asOf: asOfLine,
      ragStyle: rating.style,
      rating: ratingLine,
      headline,
      facts,
      bands,
      notes,
      buttons: [OVERVIEW_BUTTON],
    },
    text,
    summary: `${service.shortName}: ${rating.words.split(':')[0]}. ${headline}`,
  };
}

export function presentNoData(service: Service): string {
  return `No referrals are loaded for ${serviceTitle(service)}, so I have no waiting-time figures for it yet. An administrator can load the service's extract with "npm run import -- referrals <file.csv>".`;
}

export function presentUnknownService(name: string, catalogue: readonly Service[]): string {
  return `I have no figures for "${name}". I have waiting times for: ${catalogue.map(serviceTitle).join(', ')}.`;
}

/** Every service, worst first, as one table. */
export function presentOverview(
  list: readonly ServiceWaits[],
  onDate: string,
): { card: FigureTableCard; text: string; summary: string } {
  const rows: FigureTableCard['rows'] = [];
  const lines: string[] = [];
  let behind = 0;
  for (const w of list) {
    if (!w.hasData) {
      rows.push({
        label: w.service.name,
        detail: targetText(w.service, onDate),
        cells: ['No data', 'no referrals loaded', ''],
      });
      lines.push(`- ${w.service.name}: no referrals loaded`);
      continue;
    }
    const d = w.figures;
    const r = ratingFor(w.service, d.rag, onDate);
    if (d.rag === 'red' || d.rag === 'amber') behind++;
    const key = decidingMeasure(w.service, d);
    const size = `${show(d.waiting, String)} ${w.service.headline === 'seen-this-term' ? 'in progress' : 'waiting'} · median ${weeks(d.medianWeeks)} · longest ${weeks(d.longestWeeks)}`;
    rows.push({
      label: serviceTitle(w.service),
      detail: targetText(w.service, onDate),
      cells: [`${r.icon} ${r.words.split(':')[0]}`, size, key],
    });
    lines.push(`- ${r.icon} ${w.service.shortName} (${r.words.split(':')[0]}): ${size}; ${key}`);
  }
  const headline =
    behind === 0
      ? 'Every service with data is meeting its targets.'
      : `${behind} of ${list.length} services are missing a target (red or amber). Worst first.`;
  const notes = [DEFINITION, RAG_RULE, SUPPRESSION];
  const title = 'Waiting times against targets';
  const subtitle = `As of ${longDate(onDate)}`;
  return {
    card: {
      title,
      subtitle,
      headline,
      headers: ['Rating', 'Waiting list', 'Against target'],
      rows,
      notes,
      buttons: list
        .filter((w) => w.hasData)
        .slice(0, 3)
        .map((w) => ({ title: w.service.shortName, text: `current wait for ${w.service.shortName}` })),
    },
    text: [`${title}, as of ${longDate(onDate)}. ${headline}`, ...lines, ...notes].join('\n'),
    summary: `${title}: ${headline}`,
  };
}

/**
 * The measure that decides the rating: the worst-rated of the service's rated measures (seen within, triaged
 * within), so "amber" is explained by the figure that made it amber. With nothing rated, the headline
 * figure as information ("99% waiting under 18 weeks").
 */
export function decidingMeasure(service: Service, d: DisclosedWaits): string {
  const order: Record<Rag, number> = { red: 3, amber: 2, green: 1 };
  const candidates: { rank: number; text: string }[] = [];
  const against = (s: DisclosedShare, target: ServiceTarget) =>
    isRated(target.provenance) ? `target ${percent(s.targetShare)}` : `compared with ${percent(target.share)}, assumed`;
  const { seen, triage } = service.targets;
  // A share hidden to protect a smaller figure still decides its rating: it is named, without its figure.
  const phrase = (s: DisclosedShare, what: string, target: ServiceTarget) =>
    s.share.shown
      ? `${percent(s.share.value)} ${what} (${against(s, target)})`
      : `${what}: ${hiddenText(s.share)} (${against(s, target)})`;
  const seenTerm = d.seenWithinTargetThisTerm;
  if ((seenTerm.share.shown || seenTerm.rag) && seenTerm.denominator > 0)
    candidates.push({
      rank: seenTerm.rag ? order[seenTerm.rag] : 0,
      text: phrase(seenTerm, `${service.seenMeans} within ${seenTerm.withinWeeks} weeks this term`, seen),
    });
  const triaged = d.triagedWithinTarget;
  if (triage && triaged && (triaged.share.shown || triaged.rag) && triaged.denominator > 0)
    candidates.push({
      rank: triaged.rag ? order[triaged.rag] : 0,
      text: phrase(triaged, `triaged within ${triaged.withinWeeks} weeks this term`, triage),
    });
  const worst = candidates.reduce<{ rank: number; text: string } | undefined>(
    (best, c) => (!best || c.rank > best.rank ? c : best),
    undefined,
  );
  if (worst && (worst.rank > 0 || service.headline === 'seen-this-term')) return worst.text;
  if (service.headline === 'seen-this-term') return `none ${service.seenMeans} yet this term`;
  const u = d.waitingUnderTarget;
  if (u.denominator === 0) return 'nobody waiting';
  const what = `waiting under ${u.withinWeeks} weeks`;
  return u.share.shown ? `${percent(u.share.value)} ${what}` : `${what}: ${hiddenText(u.share)}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
