import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { main as importCommand } from '../../src/cli/import.js';
import { BenchmarksImport } from '../../src/features/measures/benchmarksImport.js';
import { MeasuresImport } from '../../src/features/measures/measuresImport.js';
import { BotHarness } from '../support/botHarness.js';
import { runInProcess } from '../support/cliRun.js';

const HEADER = 'measure_id,period,comparator,numerator,denominator,value';

describe('comparators import: npm run import -- benchmarks (real Azurite)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let dir: string;
  before(async () => {
    bot = await BotHarness.start({ today: '2026-11-22' });
    dir = mkdtempSync(path.join(tmpdir(), 'benchmarks-import-'));
  });
  after(async () => bot?.stop());

  const s = () => bot.product;
  const importer = () =>
    new BenchmarksImport(s().services.measures.catalogue.measures, s().clock, s().stores.benchmarks);
  const file = (name: string, lines: string[], header = HEADER) => {
    const f = path.join(dir, name);
    writeFileSync(f, [header, ...lines].join('\n') + '\n');
    return f;
  };
  const stored = async (id: string) =>
    (await s().stores.benchmarks.list(id)).map(({ loadedAt: _, file: __, ...v }) => v);

  it("imports England, region and neighbour figures by the measure's unit; the same file again changes nothing", async () => {
    const report = await importer().run(
      file('good.csv', [
        'attendance_ehcp,2026-27-autumn,england,671799,771200,',
        'attendance_ehcp,2026-27-autumn,statistical_neighbours,,,88.6',
        'suspension_rate_ehcp,2026-27-autumn,region,,,5.7',
        'perm_exclusion_rate_sen_support,2024-25,england,3550,1183000,0.30',
      ]),
    );
    expect(report.invalid).to.deep.equal([]);
    expect(report.imported).to.equal(true);
    expect(report.measures).to.deep.equal([
      { id: 'attendance_ehcp', figures: 2 },
      { id: 'perm_exclusion_rate_sen_support', figures: 1 },
      { id: 'suspension_rate_ehcp', figures: 1 },
    ]);
    const att = await stored('attendance_ehcp');
    expect(att.map((b) => b.comparator)).to.deep.equal(['england', 'statistical_neighbours']);
    expect(att[0].value).to.be.closeTo(671799 / 771200, 1e-12);
    expect(att[1].value, 'a percent given as its value is kept as a share').to.be.closeTo(0.886, 1e-12);
    const before = await Promise.all(report.measures.map((m) => stored(m.id)));
    expect((await importer().run(path.join(dir, 'good.csv'))).imported).to.equal(true);
    expect(await Promise.all(report.measures.map((m) => stored(m.id)))).to.deep.equal(before);
  });

  it('stores nothing when any row is invalid, and says what is wrong with each by line, in plain words', async () => {
    const report = await importer().run(
      file('bad.csv', [
        'ks2_rwm_send,2024-25,england,,,21.1',
        'not_a_measure,2024-25,england,,,3',
        'ks2_rwm_send,2024-25,wales,,,20',
        'ks2_rwm_send,2024-25-spring,england,,,20',
        'ks2_rwm_send,2023-24,region,700,600,',
        'ks2_rwm_send,2023-24,england,,,',
        'ks2_rwm_send,2022-23,england,,,-4',
        'ap_places,2025-26-spring,england,,,2.5',
        'ks2_rwm_send,2027-28,england,,,20',
        'ks2_rwm_send,2021-22,england,10,,',
      ]),
    );
    expect(report.imported).to.equal(false);
    const byLine = Object.fromEntries(report.invalid.map((r) => [r.line, r.errors.join('; ')]));
    expect(byLine[3]).to.match(/measure_id "not_a_measure" is not a measure in seeds\/measures.json/);
    expect(byLine[4]).to.match(/comparator must be one of england, region, statistical_neighbours/);
    expect(byLine[5]).to.match(/period "2024-25-spring" is not an academic year/);
    expect(byLine[6]).to.match(/numerator \(700\) is more than the denominator \(600\)/);
    expect(byLine[7]).to.match(/a percent needs its numerator and denominator, or its value/);
    expect(byLine[8]).to.match(/value is negative/);
    expect(byLine[9]).to.match(/ap_places is a count of this area's own; comparators are for shares and rates/);
    expect(byLine[10]).to.match(/period "2027-28" has not begun yet \(today is 2026-11-22\)/);
    expect(byLine[11]).to.match(/give both numerator and denominator, or neither/);
    expect(report.invalid.map((r) => r.line)).to.deep.equal([3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(await stored('ks2_rwm_send'), 'not even the good row').to.deep.equal([]);
    expect(existsSync(report.rejectsFile!)).to.equal(true);
  });

  it('refuses the same measure, period and comparator twice with different figures; keeps an exact repeat once', async () => {
    const twice = await importer().run(
      file('twice.csv', [
        'ks4_basics_send,2024-25,england,,,29.6',
        'ks4_basics_send,2024-25,england,,,29.9',
        'ks4_basics_send,2024-25,region,,,28.3',
        'ks4_basics_send,2024-25,region,,,28.3',
      ]),
    );
    expect(twice.invalid.map((r) => [r.line, r.errors[0]])).to.deep.equal([
      [3, 'ks4_basics_send england for 2024-25 is already on line 2 with different figures'],
    ]);
    expect(twice.imported).to.equal(false);
    expect(twice.repeatedRows).to.equal(1);
  });

  it('the measures import takes the new measures (alternative provision, SEN2, attainment)', async () => {
    const report = await new MeasuresImport(
      s().services.measures.catalogue.measures,
      s().clock,
      s().stores.measureValues,
    ).run(
      file(
        'new-measures.csv',
        [
          'ap_places,2026-27-autumn,,,131',
          'ehcp_20_weeks,2025-26,301,548,',
          'elective_home_education,2026-27-autumn,184,9322,',
          'perm_exclusion_rate_sen_support,2024-25,13,5987,0.22',
        ],
        'measure_id,period,numerator,denominator,value',
      ),
    );
    expect(report.invalid).to.deep.equal([]);
    expect(report.measures.map((m) => m.id)).to.deep.equal([
      'ap_places',
      'ehcp_20_weeks',
      'elective_home_education',
      'perm_exclusion_rate_sen_support',
    ]);
  });

  // The command's main, run in this process as its own process runs it (exit code, stdout, stderr); the import
  // command's one run as its own process is in responsesImport.test.ts (all kinds share its wiring).
  it('the command exits non-zero with row-numbered errors and imports a good file', async () => {
    const store = { STORAGE_CONNECTION_STRING: bot.azurite.connectionString, BOT_TODAY: '2026-11-22' };
    const run = (f: string) => runInProcess(importCommand, ['benchmarks', f], store);
    const bad = await run(file('cli-bad.csv', ['ehcp_20_weeks,2025-26,neighbours,,,52.1']));
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.match(/line 2: comparator must be one of england, region, statistical_neighbours/);
    expect(bad.stderr).to.match(/Nothing imported/);
    const ok = await run(file('cli-good.csv', ['ehcp_20_weeks,2025-26,statistical_neighbours,,,52.1']));
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/ehcp_20_weeks: 1 comparator figure stored/);
  });
});
