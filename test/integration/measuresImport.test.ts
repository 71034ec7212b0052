import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { main as importCommand } from '../../src/cli/import.js';
import { MeasuresImport } from '../../src/features/measures/measuresImport.js';
import { BotHarness } from '../support/botHarness.js';
import { runInProcess } from '../support/cliRun.js';

const HEADER = 'measure_id,period,numerator,denominator,value';

describe('framework measures import (real Azurite)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let dir: string;
  before(async () => {
    bot = await BotHarness.start({ today: '2026-11-22' });
    dir = mkdtempSync(path.join(tmpdir(), 'measures-import-'));
  });
  after(async () => bot?.stop());

  const s = () => bot.product;
  const importer = () =>
    new MeasuresImport(s().services.measures.catalogue.measures, s().clock, s().stores.measureValues);
  const file = (name: string, lines: string[]) => {
    const f = path.join(dir, name);
    writeFileSync(f, [HEADER, ...lines].join('\n') + '\n');
    return f;
  };

  it('imports percent, count and rate figures, computing a percent from its numerator and denominator', async () => {
    const report = await importer().run(
      file('good.csv', [
        'ar_on_time,2026-27-autumn,46,60,',
        'ar_on_time,2025-26-autumn,40,62,64.5',
        'tribunal_appeals,2025-26,,,31',
        'suspension_rate_ehcp,2026-27-autumn,52,980,5.3',
        'eet_16_25,2026-10,410,460,',
      ]),
    );
    expect(report.invalid).to.deep.equal([]);
    expect(report.imported).to.equal(true);
    expect(report.measures).to.deep.equal([
      { id: 'ar_on_time', periods: 2 },
      { id: 'eet_16_25', periods: 1 },
      { id: 'suspension_rate_ehcp', periods: 1 },
      { id: 'tribunal_appeals', periods: 1 },
    ]);
    const ar = await s().stores.measureValues.list('ar_on_time');
    expect(ar.map((v) => [v.period, v.numerator, v.denominator])).to.deep.equal([
      ['2025-26-autumn', 40, 62],
      ['2026-27-autumn', 46, 60],
    ]);
    expect(ar[1].value).to.be.closeTo(46 / 60, 1e-12);
    expect(ar[1].file).to.equal('good.csv');
    expect((await s().stores.measureValues.list('tribunal_appeals'))[0]).to.include({ period: '2025-26', value: 31 });
    // The same file again changes no figure.
    const figures = async () =>
      (await Promise.all(report.measures.map((m) => s().stores.measureValues.list(m.id))))
        .flat()
        .map(({ loadedAt: _, ...v }) => v);
    const before = await figures();
    expect((await importer().run(path.join(dir, 'good.csv'))).imported).to.equal(true);
    expect(await figures()).to.deep.equal(before);
  });

  it('stores nothing when any row is invalid, and says what is wrong with each by line, in plain words', async () => {
    const report = await importer().run(
      file('bad.csv', [
        'complaints,2026-27-autumn,,,12',
        'not_a_measure,2026-27-autumn,,,3',
        'ar_on_time,2026-27-winter,4,5,',
        'ar_on_time,2025-26-spring,61,60,',
        'ar_qa_good,2025-26-spring,,,80',
        'complaints,2025-26-spring,,,-3',
        'tribunal_appeals,2025-26-spring,,,4',
        'complaints,2025-26-summer,,,2.5',
        'eet_16_25,2027-03,400,450,',
      ]),
    );
    expect(report.imported).to.equal(false);
    const byLine = Object.fromEntries(report.invalid.map((r) => [r.line, r.errors.join('; ')]));
    expect(byLine[3]).to.match(/measure_id "not_a_measure" is not a measure in seeds\/measures.json/);
    expect(byLine[4]).to.match(/period "2026-27-winter" is not a term such as 2025-26-spring/);
    expect(byLine[5]).to.match(/numerator \(61\) is more than the denominator \(60\)/);
    expect(byLine[6]).to.match(/a percent needs its numerator and denominator/);
    expect(byLine[7]).to.match(/value is negative/);
    expect(byLine[8]).to.match(/is not an academic year such as 2025-26 \(this measure is reported by year\)/);
    expect(byLine[9]).to.match(/value "2.5" is not a whole number/);
    expect(byLine[10]).to.match(/period "2027-03" has not begun yet \(today is 2026-11-22\)/);
    expect(report.invalid.map((r) => r.line)).to.deep.equal([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await s().stores.measureValues.list('complaints'), 'not even the good row').to.deep.equal([]);
    expect(existsSync(report.rejectsFile!)).to.equal(true);
  });

  it('with --skip-invalid stores the valid rows and writes the rejects beside the file', async () => {
    const f = file('mixed.csv', ['complaints,2026-27-autumn,,,12', 'complaints,2026-27-spring,,,-1']);
    const report = await importer().run(f, { skipInvalid: true });
    expect(report.imported).to.equal(true);
    expect((await s().stores.measureValues.list('complaints')).map((v) => v.value)).to.deep.equal([12]);
    expect(readFileSync(f.replace(/\.csv$/, '.rejects.csv'), 'utf8')).to.match(/line,error|value is negative/);
  });

  it('replaces a period imported again, and refuses the same period twice in one file with different figures', async () => {
    await importer().run(file('again.csv', ['complaints,2026-27-autumn,,,9']));
    expect((await s().stores.measureValues.list('complaints')).map((v) => v.value)).to.deep.equal([9]);
    const twice = await importer().run(
      file('twice.csv', [
        'complaints,2025-26-summer,,,7',
        'complaints,2025-26-summer,,,8',
        'mediations,2025-26,,,6',
        'mediations,2025-26,,,6',
      ]),
    );
    expect(twice.invalid.map((r) => [r.line, r.errors[0]])).to.deep.equal([
      [3, 'complaints for 2025-26-summer is already on line 2 with different figures'],
    ]);
    expect(twice.repeatedRows).to.equal(1);
  });

  // The command's main, run in this process as its own process runs it (exit code, stdout, stderr); the import
  // command's one run as its own process is in responsesImport.test.ts (all kinds share its wiring).
  it('the command exits non-zero with row-numbered errors, and imports with --skip-invalid', async () => {
    const f = file('cli.csv', ['short_breaks,2026-27-autumn,,,140', 'short_breaks,2026-27-autumn-x,,,1']);
    const store = { STORAGE_CONNECTION_STRING: bot.azurite.connectionString, BOT_TODAY: '2026-11-22' };
    const run = (...extra: string[]) => runInProcess(importCommand, ['measures', f, ...extra], store);
    const bad = await run();
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.match(/line 3: period "2026-27-autumn-x" is not a term/);
    expect(bad.stderr).to.match(/Nothing imported/);
    const ok = await run('--skip-invalid');
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/1 rejected/);
    expect(ok.stdout).to.match(/short_breaks: 1 period stored/);
  });
});
