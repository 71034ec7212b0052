import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { rebuildAggregates } from '../../src/features/scores/aggregatesRebuild.js';
import { main as importCommand } from '../../src/cli/import.js';
import { ResponsesImport } from '../../src/features/survey/responsesImport.js';
import { BotHarness } from '../support/botHarness.js';
import { runInProcess, spawnCli } from '../support/cliRun.js';
import { loadThemeList } from '../../src/seeds/loadSeeds.js';

const HEADER = 'review_ref,respondent,submitted_on,question_id,score,text';

describe('historical responses import (real Azurite)', function () {
  this.timeout(300_000);
  let bot: BotHarness;
  let dir: string;
  before(async () => {
    bot = await BotHarness.start();
    dir = mkdtempSync(path.join(tmpdir(), 'responses-import-'));
  });
  after(async () => bot?.stop());

  const importer = () =>
    new ResponsesImport(bot.seeds.bank, loadThemeList(), bot.seeds.terms, bot.clock, bot.stores.respondents);
  const file = (name: string, lines: string[]) => {
    const f = path.join(dir, name);
    writeFileSync(f, [HEADER, ...lines].join('\n') + '\n');
    return f;
  };

  it('imports a good file, updates the aggregates, and changes nothing when imported again', async () => {
    const f = file('good.csv', [
      'IM-1001,pc,2026-10-01,voice.pc.1,4,',
      'IM-1001,pc,2026-10-01,voice.pc.2,,',
      'IM-1001,pc,2026-10-01,voice.pc.3,5,',
      'IM-1001,pc,2026-10-01,text.pc.1,,"She does best with ""routines"", and quiet"',
      'IM-1002,cyp,2026-01-15,safe.cyp.1,3,',
    ]);
    const first = await importer().run(f);
    expect(first).to.include({ rows: 5, imported: true, respondents: 2, respondentsChanged: 2, answersWritten: 5 });
    const rows = await bot.stores.respondents.answerRows('IM-1001', 'pc');
    expect(rows.find((r) => r.questionId === 'text.pc.1')?.text).to.equal('She does best with "routines", and quiet');
    expect(rows.find((r) => r.questionId === 'voice.pc.2')).to.include({ skipped: true });
    expect((await bot.stores.counters.readTerm('2026-27-autumn')).get('pc~voice')).to.include({
      q1_n: 1,
      q1_sum: 4,
      q2_skip: 1,
      q3_c5: 1,
    });
    expect((await bot.stores.counters.readTerm('2025-26-spring')).get('cyp~safe')).to.include({ q1_n: 1 });
    const again = await importer().run(f);
    expect(again).to.include({ imported: true, respondentsChanged: 0, answersWritten: 0 });
    expect(
      (await rebuildAggregates(bot.seeds.bank, loadThemeList(), bot.stores.respondents, bot.stores.counters))
        .differences,
    ).to.deep.equal([]);
  });

  it('imports nothing when any row is invalid, and names every bad row by line', async () => {
    const f = file('bad.csv', [
      'IM-2001,pc,2026-10-01,voice.pc.1,4,',
      'Jamie Smith,pc,2026-10-01,voice.pc.1,4,',
      'IM-2002,parent,2026-10-01,voice.pc.1,4,',
      'IM-2003,pc,2026-02-30,voice.pc.1,4,',
      'IM-2004,pc,2027-01-01,voice.pc.1,4,',
      'IM-2005,pc,2026-10-01,voice.pc.9,4,',
      'IM-2006,pc,2026-10-01,voice.cyp.1,4,',
      'IM-2007,pc,2026-10-01,voice.pc.1,6,',
      'IM-2008,pc,2026-10-01,text.pc.1,3,hello',
    ]);
    const report = await importer().run(f);
    expect(report.imported).to.equal(false);
    expect(report.invalid.map((r) => r.line)).to.deep.equal([3, 4, 5, 6, 7, 8, 9, 10]);
    const messages = report.invalid.map((r) => r.errors.join('; ')).join('\n');
    for (const m of [
      /not a review reference/,
      /must be cyp or pc/,
      /not a real date/,
      /after today/,
      /not a question of survey/,
      /not asked of respondent pc/,
      /whole number from 1 to 5/,
      /free text, so score must be empty/,
    ])
      expect(messages).to.match(m);
    expect(await bot.stores.respondents.read('IM-2001', 'pc'), 'nothing imported').to.equal(undefined);
    expect(existsSync(report.rejectsFile!)).to.equal(true);
  });

  it('with --skip-invalid imports the valid rows and writes the rejects beside the file', async () => {
    const f = file('mixed.csv', ['IM-3001,pc,2026-10-01,voice.pc.1,4,', 'IM-3002,pc,2026-10-01,voice.pc.1,seven,']);
    const report = await importer().run(f, { skipInvalid: true });
    expect(report).to.include({ imported: true, respondentsChanged: 1 });
    const rejects = readFileSync(f.replace(/\.csv$/, '.rejects.csv'), 'utf8');
    expect(rejects).to.match(/^line,errors,review_ref/);
    expect(rejects).to.include('IM-3002');
    expect(rejects).not.to.include('IM-3001');
  });

  it('rejects conflicting duplicate rows and a section split across terms, but accepts an exact duplicate', async () => {
    const f = file('dupes.csv', [
      'IM-4001,pc,2026-10-01,voice.pc.1,4,',
      'IM-4001,pc,2026-10-01,voice.pc.1,4,',
      'IM-4001,pc,2026-10-01,voice.pc.2,2,',
      'IM-4001,pc,2026-10-01,voice.pc.2,3,',
      'IM-4001,pc,2026-10-01,safe.pc.1,2,',
      'IM-4001,pc,2026-03-01,safe.pc.2,2,',
    ]);
    const report = await importer().run(f);
    expect(report.invalid.map((r) => r.line)).to.deep.equal([5, 7]);
    expect(report.invalid[0].errors[0]).to.match(/already has a different answer on line 4/);
    expect(report.invalid[1].errors[0]).to.match(/one term/);
  });

  it('refuses a file with the wrong header, naming the columns', async () => {
    const f = path.join(dir, 'header.csv');
    writeFileSync(f, 'ref,respondent,date\nA,B,C\n');
    let message = '';
    await importer()
      .run(f)
      .catch((e: Error) => (message = e.message));
    expect(message).to.match(/missing review_ref, submitted_on, question_id, score, text; unexpected ref, date/);
  });

  // 5,000 rows: 250 respondents written eight at a time against real Azurite, each a progress step, and a
  // validation progress step (every 5,000 rows). It was 20,000 rows (about 20 CPU-seconds of a full run),
  // which went through the same paths four times as often.
  it('imports a large file (5,000 rows) and matches a rebuild', async () => {
    const lines: string[] = [];
    for (let i = 0; i < 250; i++) {
      for (const q of bot.seeds.bank.questionsFor('health', 'pc'))
        lines.push(`LG-${10000 + i},pc,2026-10-0${1 + (i % 9)},${q.id},${1 + (i % 5)},`);
      for (const q of bot.seeds.bank.questionsFor('future', 'pc'))
        lines.push(`LG-${10000 + i},pc,2026-10-0${1 + (i % 9)},${q.id},${i % 7 > 4 ? '' : 1 + ((i * 3) % 5)},`);
      for (const q of bot.seeds.bank.questionsFor('voice', 'pc'))
        lines.push(`LG-${10000 + i},pc,2026-10-0${1 + (i % 9)},${q.id},${1 + ((i + 2) % 5)},`);
      for (const q of bot.seeds.bank.questionsFor('support', 'pc'))
        lines.push(`LG-${10000 + i},pc,2026-10-0${1 + (i % 9)},${q.id},${1 + ((i + 1) % 5)},`);
      for (const q of bot.seeds.bank.questionsFor('progress', 'pc'))
        lines.push(`LG-${10000 + i},pc,2026-10-0${1 + (i % 9)},${q.id},${1 + ((i + 4) % 5)},`);
      lines.push(
        `LG-${10000 + i},pc,2026-10-0${1 + (i % 9)},text.pc.1,,fine`,
        `LG-${10000 + i},pc,2026-10-0${1 + (i % 9)},text.pc.2,,ok`,
        `LG-${10000 + i},pc,2026-10-0${1 + (i % 9)},text.pc.3,,x`,
      );
    }
    const f = file('large.csv', lines.slice(0, 5000));
    let progressCalls = 0;
    const report = await importer().run(f, { onProgress: () => progressCalls++ });
    expect(report).to.include({ rows: 5000, imported: true });
    expect(progressCalls).to.be.greaterThan(100);
    expect(
      (await rebuildAggregates(bot.seeds.bank, loadThemeList(), bot.stores.respondents, bot.stores.counters))
        .differences,
    ).to.deep.equal([]);
  });

  // The command's main in this process, then (the one import run as its own process in the tests, for every
  // kind of import: they share the command's wiring) the command as npm runs it: exit code, stdout, stderr
  // and the progress lines it writes when not on a terminal.
  it('the command exits non-zero with row-numbered errors, and imports with --skip-invalid', async () => {
    const f = file('cli.csv', ['IM-5001,pc,2026-10-01,voice.pc.1,4,', 'IM-5002,pc,2026-10-01,voice.pc.1,9,']);
    const store = { STORAGE_CONNECTION_STRING: bot.azurite.connectionString, BOT_TODAY: '2026-11-22' };
    const bad = await runInProcess(importCommand, ['responses', f], store);
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.match(/line 3: score "9" must be a whole number from 1 to 5/);
    expect(bad.stderr).to.match(/Nothing imported/);
    expect(bad.stdout).to.equal('');
    expect(await bot.stores.respondents.read('IM-5001', 'pc'), 'nothing imported').to.equal(undefined);
    const ok = await spawnCli('import', ['responses', f, '--skip-invalid'], store);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/1 rejected/);
    expect(ok.stdout).to.match(/1 respondents; 1 changed, 0 already up to date; 1 answers written/);
    expect(ok.stderr).to.match(/line 3: score "9" must be a whole number from 1 to 5/);
    expect(ok.stderr).to.match(/^importing respondents: 1\/1$/m);
    expect(await bot.stores.respondents.read('IM-5001', 'pc'), 'imported by the command').not.to.equal(undefined);
  });
});
