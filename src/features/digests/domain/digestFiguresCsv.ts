import { stringify } from 'csv-stringify/sync';
import { spreadsheetSafe } from '../../../domain/text/safeText.js';
import type { Disclosed } from '../../../domain/disclosure/disclosure.js';
import type { TermDigest } from './termDigest.js';
import type { ServiceTarget } from '../../waits/domain/serviceCatalogue.js';
import type { DisclosedShare } from '../../waits/domain/disclosedWaits.js';
import { isRated, provenanceLabel } from '../../../domain/targets/targetProvenance.js';

const SUPPRESSED = 'fewer than 5: not shown';
export const DIGEST_CSV_COLUMNS = ['term', 'section', 'subject', 'group', 'measure', 'value', 'n', 'note'] as const;

/**
 * The digest's figures as CSV, one figure per row, suppressed exactly as on the card (a hidden figure has
 * an empty value and a note, never the number). Text cells are written so a spreadsheet cannot read them
 * as formulas (CSV injection): none starts with = + - @ or a tab.
 */
export function digestFiguresCsv(d: TermDigest): string {
  const rows: string[][] = [];
  const add = (
    section: string,
    subject: string,
    group: string,
    measure: string,
    figure: Disclosed | undefined,
    n: number | undefined,
    format: (v: number) => string,
    note = '',
  ) => {
    const hidden = figure !== undefined && !figure.shown;
    rows.push([
      d.term.label,
      section,
      subject,
      group,
      measure,
      figure && figure.shown ? format(figure.value) : '',
      n === undefined || hidden ? '' : String(n),
      hidden ? SUPPRESSED : note,
    ]);
  };
  const mean = (v: number) => v.toFixed(2);
  const share = (v: number) => (v * 100).toFixed(1);
  for (const o of d.outcomes) {
    for (const role of ['cyp', 'pc'] as const) {
      const f = o.roles[role];
      const group = role === 'cyp' ? 'children and young people' : 'parent carers';
      if (f.respondents === 0) {
        rows.push([d.term.label, 'outcomes', o.name, group, 'mean score (1-5)', '', '0', 'no answers']);
        continue;
      }
      add('outcomes', o.name, group, 'mean score (1-5)', f.mean, f.respondents, mean);
      add('outcomes', o.name, group, '% positive (4 or 5)', f.positive, f.respondents, share);
      if (f.mean.shown && f.change !== undefined)
        rows.push([
          d.term.label,
          'outcomes',
          o.name,
          group,
          `change in mean since ${d.previousTerm.label}`,
          f.change.toFixed(1),
          String(f.respondents),
          '',
        ]);
    }
  }
  for (const w of d.waits) {
    const name = w.service.name;
    if (!w.figures) {
      rows.push([d.term.label, 'waiting times', name, 'all', 'waiting', '', '', 'no referrals loaded']);
      continue;
    }
    const f = w.figures;
    const n = f.waiting.shown ? f.waiting.value : undefined;
    add('waiting times', name, 'all', 'number waiting', f.waiting, undefined, String);
    add('waiting times', name, 'all', 'median wait (weeks)', f.medianWeeks, n, (v) => v.toFixed(1));
    add('waiting times', name, 'all', '92nd percentile wait (weeks)', f.p92Weeks, n, (v) => v.toFixed(1));
    add('waiting times', name, 'all', 'longest wait (weeks)', f.longestWeeks, n, (v) => v.toFixed(1));
    const { seen, triage } = w.service.targets;
    add(
      'waiting times',
      name,
      'all',
      `% waiting under ${f.waitingUnderTarget.withinWeeks} weeks`,
      f.waitingUnderTarget.share,
      f.waitingUnderTarget.denominator,
      share,
      'information: no target is set for this share',
    );
    // A share rated against a target: its figure, and in the note the target with where it comes from.
    const rated = (measure: string, r: DisclosedShare, target: ServiceTarget, none: string) =>
      add(
        'waiting times',
        name,
        'all',
        measure,
        r.denominator ? r.share : undefined,
        r.denominator,
        share,
        [r.denominator ? '' : none, targetNote(target, d.generatedOn)].filter(Boolean).join('; '),
      );
    rated(
      `% ${w.service.seenMeans} within ${f.seenWithinTargetThisTerm.withinWeeks} weeks this term`,
      f.seenWithinTargetThisTerm,
      seen,
      'none this term',
    );
    if (f.triagedWithinTarget && triage)
      rated(
        `% triaged within ${f.triagedWithinTarget.withinWeeks} weeks`,
        f.triagedWithinTarget,
        triage,
        'none due this term',
      );
    for (const b of f.bands)
      add('waiting times', name, `waiting ${b.label} weeks`, 'number waiting', b.count, undefined, String);
    rows.push([d.term.label, 'waiting times', name, 'all', 'rating', f.rag ?? 'not rated', '', '']);
  }
  for (const line of d.measures) {
    const m = line.measure;
    const f = line.figures;
    const unit = m.unit === 'percent' ? '%' : m.unit === 'rate' ? 'per 100' : 'count';
    if (!f) {
      rows.push([
        d.term.label,
        'framework measures',
        m.name,
        'all',
        `value (${unit})`,
        '',
        '',
        `no figures loaded; source: ${m.source}`,
      ]);
      continue;
    }
    const format = (v: number) =>
      m.unit === 'percent' ? (v * 100).toFixed(1) : m.unit === 'rate' ? v.toFixed(1) : String(v);
    const target = m.target
      ? `target: ${m.target.wording} (${provenanceLabel(m.target.provenance, d.generatedOn)})`
      : 'no target';
    add(
      'framework measures',
      m.name,
      'all',
      `value (${unit}), ${f.latest.period}`,
      f.latest.value,
      f.latest.denominator,
      format,
      [target, f.rag ? `rating ${f.rag}` : 'not rated'].join('; '),
    );
    if (f.yearBefore) {
      const { then, change } = f.yearBefore;
      rows.push([
        d.term.label,
        'framework measures',
        m.name,
        'all',
        `change on ${then.period}`,
        change === undefined ? '' : format(change),
        '',
        change === undefined ? SUPPRESSED : '',
      ]);
    }
  }
  for (const r of d.rates) {
    const group = r.role === 'all' ? 'all' : r.role === 'cyp' ? 'children and young people' : 'parent carers';
    add('response rate', 'survey', group, 'invited', r.sent, undefined, String);
    add('response rate', 'survey', group, 'completed', r.completed, undefined, String);
    add(
      'response rate',
      'survey',
      group,
      '% completed of invited',
      r.rate,
      r.sent.shown ? r.sent.value : undefined,
      share,
    );
  }
  return stringify([[...DIGEST_CSV_COLUMNS], ...rows.map((row) => row.map(spreadsheetSafe))]);
}

/** "target 92% (WSoA: set for 2020–22; no newer target)", or a comparison when no source sets one. */
function targetNote(t: ServiceTarget, onDate: string): string {
  const share = `${(t.share * 100).toFixed(0)}%`;
  const from = provenanceLabel(t.provenance, onDate);
  return isRated(t.provenance) ? `target ${share} (${from})` : `compared with ${share} (${from}; not rated)`;
}
