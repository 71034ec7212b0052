import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../../../src/config/projectPaths.js';
import { loadMeasureCatalogue } from '../../../src/seeds/loadSeeds.js';
import { parseMeasureCatalogue } from '../../../src/features/measures/domain/measureCatalogue.js';
import {
  periodProblem,
  previousPeriod,
  sameLastYear,
  periodLabel,
} from '../../../src/features/measures/domain/period.js';
import { checkMeasureRow } from '../../../src/features/measures/domain/measureRow.js';
import { discloseValue, measureFigures } from '../../../src/features/measures/domain/measureFigures.js';

const catalogue = loadMeasureCatalogue();
const byId = new Map(catalogue.measures.map((m) => [m.id, m]));
const SEEDS = path.join(fromRoot(), '..', 'shared', 'seeds');

// SPEC.md "Framework measures": the ids are a contract, with their unit and which direction is better.
const SPEC: [string, string, string][] = [
  ['ar_on_time', 'percent', 'higher'],
  ['ar_qa_good', 'percent', 'higher'],
  ['plans_qa_good', 'percent', 'higher'],
  ['advice_on_time', 'percent', 'higher'],
  ['complaints', 'count', 'lower'],
  ['tribunal_appeals', 'count', 'lower'],
  ['mediations', 'count', 'lower'],
  ['perm_exclusions_ehcp', 'count', 'lower'],
  ['suspension_rate_ehcp', 'rate', 'lower'],
  ['repeat_suspensions_sen_support', 'count', 'lower'],
  ['attendance_ehcp', 'percent', 'higher'],
  ['attendance_sen_support', 'percent', 'higher'],
  ['eet_16_25', 'percent', 'higher'],
  ['personal_budgets', 'count', 'higher'],
  ['short_breaks', 'count', 'higher'],
  ['early_help_engagement', 'count', 'higher'],
  ['annual_health_checks', 'percent', 'higher'],
  ['training_participation', 'count', 'higher'],
];

describe('framework measures catalogue (seeds/measures.json)', () => {
  it('holds every measure of SPEC.md with its unit and better direction, first and in its order', () => {
    expect(catalogue.measures.slice(0, SPEC.length).map((m) => [m.id, m.unit, m.better])).to.deep.equal(SPEC);
  });

  it('gives the WSoA numeric targets as the seed sets them: 90% plans, 90% advice, no permanent exclusions', () => {
    expect(byId.get('plans_qa_good')!.target).to.include({ kind: 'level', value: 0.9 });
    expect(byId.get('advice_on_time')!.target).to.include({ kind: 'level', value: 0.9 });
    expect(byId.get('perm_exclusions_ehcp')!.target).to.include({ kind: 'level', value: 0 });
    expect(byId.get('repeat_suspensions_sen_support')!.target).to.include({ kind: 'change', change: -0.3 });
    expect(byId.get('personal_budgets')!.target).to.include({ kind: 'change', change: 0.3 });
    // Seed 001's survey targets: the two yearly increases and the 70% on timely support are attached to the
    // questions that ask them; the PFA 70% and the satisfaction targets have no question in the bank.
    expect(
      catalogue.surveyTargets.map((t) => [t.id, t.kind, t.share ?? t.increase, t.questions.join(' ')]),
    ).to.deep.equal([
      ['included_in_decisions', 'yearlyIncrease', 0.15, 'voice.cyp.3 voice.pc.3'],
      ['engaged_listened_to', 'yearlyIncrease', 0.1, 'voice.cyp.2 voice.pc.2'],
      ['timely_joined_up_support', 'level', 0.7, 'support.cyp.2'],
      ['pfa_opportunities', 'level', 0.7, ''],
      ['nd_satisfaction', 'level', 0.7, ''],
      ['nd_support_pre_post_diagnosis', 'level', 0.7, ''],
      ['salt_satisfaction', 'level', 0.6, ''],
      ['salt_assessment_timely', 'level', 0.7, ''],
      ['ehcp_process_satisfaction', 'level', 0.9, ''],
      ['ehcp_content_satisfaction', 'level', 0.9, ''],
    ]);
  });

  it('quotes every target exactly as its seed words it', function () {
    if (!existsSync(SEEDS)) this.skip(); // the shared seed documents sit beside the checkout in development and CI
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    const provenances = [
      ...catalogue.measures.flatMap((m) => (m.target ? [[m.id, m.target.provenance] as const] : [])),
      ...catalogue.surveyTargets.map((t) => [t.id, t.provenance] as const),
    ];
    expect(provenances.length).to.equal(
      catalogue.measures.filter((m) => m.target).length + catalogue.surveyTargets.length,
    );
    for (const [where, p] of provenances) {
      if (p.basis === 'statutory') continue; // the law, not a seed
      const seed = flat(readFileSync(path.join(SEEDS, p.seed!), 'utf8'));
      expect(seed, `${where}: "${p.quote}"`).to.include(flat(p.quote));
    }
  });

  it('refuses a measure id used twice and a percent target over 1, naming the field', () => {
    const raw = JSON.parse(readFileSync(fromRoot('seeds', 'measures.json'), 'utf8'));
    raw.measures.push(raw.measures[0]);
    expect(() => parseMeasureCatalogue(raw)).to.throw(/"ar_on_time" appears twice/);
    const raw2 = JSON.parse(readFileSync(fromRoot('seeds', 'measures.json'), 'utf8'));
    raw2.measures[2].target.value = 90;
    expect(() => parseMeasureCatalogue(raw2)).to.throw(/measures\.2\.target\.value: a percent target is a share/);
  });
});

describe('measure periods', () => {
  it('reads terms, months and academic years, and refuses the wrong form', () => {
    expect(periodProblem('2025-26-spring', 'term')).to.equal(undefined);
    expect(periodProblem('2025-27-spring', 'term')).to.match(/is not a term/);
    expect(periodProblem('2026-13', 'month')).to.match(/is not a month/);
    expect(periodProblem('2025-26', 'year')).to.equal(undefined);
    expect(periodProblem('2025-26', 'term')).to.match(/reported by term/);
  });

  it('knows the period before and the same period a year before', () => {
    expect(previousPeriod('2026-27-autumn', 'term')).to.equal('2025-26-summer');
    expect(previousPeriod('2025-26-spring', 'term')).to.equal('2025-26-autumn');
    expect(previousPeriod('2026-01', 'month')).to.equal('2025-12');
    expect(previousPeriod('2000-01', 'year')).to.equal('1999-00');
    expect(sameLastYear('2026-27-autumn', 'term')).to.equal('2025-26-autumn');
    expect(sameLastYear('2026-03', 'month')).to.equal('2025-03');
    expect(periodLabel('2026-03', 'month')).to.equal('March 2026');
    expect(periodLabel('2025-26-spring', 'term')).to.equal('2025-26 Spring');
  });
});

describe('measure rows and figures', () => {
  const check = (row: string) => {
    const [measure_id, period, numerator, denominator, value] = row.split(',');
    return checkMeasureRow({ measure_id, period, numerator, denominator, value }, byId, '2026-11-22');
  };

  it('computes a percent from its numerator and denominator, and checks a given value against them', () => {
    const ok = check('ar_on_time,2026-27-autumn,46,60,76.7');
    expect(ok.ok && ok.row.value).to.be.closeTo(46 / 60, 1e-12);
    const off = check('ar_on_time,2026-27-autumn,46,60,80');
    expect(!off.ok && off.errors[0]).to.match(/value 80 does not match 46 of 60 \(76.7%\)/);
  });

  it('lets a rate give its numerator and denominator, or neither, but not one', () => {
    expect(check('suspension_rate_ehcp,2026-27-autumn,,,5.3').ok).to.equal(true);
    const one = check('suspension_rate_ehcp,2026-27-autumn,52,,5.3');
    expect(!one.ok && one.errors.join()).to.match(/both numerator and denominator, or neither/);
  });

  it('hides a count of 1–4 and shows 0; hides a share whose numerator, complement or denominator is 1–4', () => {
    const count = byId.get('complaints')!;
    expect(discloseValue(count, { measureId: 'complaints', period: 'p', value: 3 }).value.shown).to.equal(false);
    expect(discloseValue(count, { measureId: 'complaints', period: 'p', value: 0 }).value.shown).to.equal(true);
    const pct = byId.get('ar_on_time')!;
    const share = (n: number, d: number) =>
      discloseValue(pct, { measureId: 'ar_on_time', period: 'p', numerator: n, denominator: d, value: n / d }).value
        .shown;
    expect(share(3, 40)).to.equal(false);
    expect(share(37, 40), 'complement 3').to.equal(false);
    expect(share(35, 40)).to.equal(true);
    expect(share(40, 40), 'complement 0').to.equal(true);
    expect(share(4, 4)).to.equal(false);
  });

  it('does not show a change that would reveal a hidden figure', () => {
    const count = byId.get('complaints')!;
    const at = { loadedAt: '2026-11-20T00:00:00Z', file: 'f.csv' };
    const f = measureFigures(count, [
      { measureId: 'complaints', period: '2025-26-autumn', value: 2, ...at },
      { measureId: 'complaints', period: '2026-27-autumn', value: 12, ...at },
    ])!;
    expect(f.latest.value.shown).to.equal(true);
    expect(f.yearBefore!.then.value.shown).to.equal(false);
    expect(f.yearBefore!.change, '12 − 10 would give the hidden 2 away').to.equal(undefined);
  });

  it('rates only against a level target: 0 permanent exclusions is green at 0 and red above', () => {
    const m = byId.get('perm_exclusions_ehcp')!;
    const at = { loadedAt: '2026-11-20T00:00:00Z', file: 'f.csv' };
    expect(measureFigures(m, [{ measureId: m.id, period: '2026-27-autumn', value: 0, ...at }])!.rag).to.equal('green');
    expect(measureFigures(m, [{ measureId: m.id, period: '2026-27-autumn', value: 7, ...at }])!.rag).to.equal('red');
    const c = byId.get('complaints')!;
    expect(measureFigures(c, [{ measureId: c.id, period: '2026-27-autumn', value: 70, ...at }])!.rag).to.equal(null);
  });
});
