import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { main as importCommand } from '../../src/cli/import.js';
import { demoReferrals, referralsToCsv } from '../../src/features/waits/domain/demoExtracts.js';
import type { Referral } from '../../src/features/waits/domain/referral.js';
import { waitingListStats } from '../../src/features/waits/domain/waitingListStats.js';
import { statsFromSummary } from '../../src/features/waits/domain/serviceSummary.js';
import { discloseWaits } from '../../src/features/waits/domain/disclosedWaits.js';
import { ReferralsImport } from '../../src/features/waits/referralsImport.js';
import { BotHarness } from '../support/botHarness.js';
import { runInProcess } from '../support/cliRun.js';

const HEADER = 'referral_id,service,referred_on,triaged_on,first_seen_on,closed_on';

describe('waiting-list extract import (real Azurite)', function () {
  this.timeout(300_000);
  let bot: BotHarness;
  let dir: string;
  before(async () => {
    bot = await BotHarness.start({ today: '2026-11-22' });
    dir = mkdtempSync(path.join(tmpdir(), 'referrals-import-'));
  });
  after(async () => bot?.stop());

  const s = () => bot.product;
  const importer = () =>
    new ReferralsImport(s().clock, s().services.waits, s().stores.referrals, s().stores.waitSummaries);
  const file = (name: string, lines: string[]) => {
    const f = path.join(dir, name);
    writeFileSync(f, [HEADER, ...lines].join('\n') + '\n');
    return f;
  };
  const service = (id: string) => s().services.waits.find(id)!;
  const term = { start: '2026-09-01', end: '2026-12-31' };
  /** The stored summary's figures before disclosure (forService hands out only disclosed ones). */
  const summaryStats = async (id: string) =>
    statsFromSummary((await s().stores.waitSummaries.get(id))!, service(id), '2026-11-22', term);

  it('imports a good extract, answers from the summary exactly as from the referrals, and changes nothing on a second import', async () => {
    const lines = [
      'S-1,salt,2026-05-01,2026-05-08,,',
      'S-2,salt,2026-09-01,2026-09-20,2026-10-01,',
      'S-3,SALT,2026-11-01,,,',
      ' S-4 ,salt,2026-06-01,2026-06-03,,2026-07-01',
      'S-5,salt,2026-11-22,,2026-11-22,',
    ];
    const first = await importer().run(file('good.csv', lines));
    expect(first).to.deep.include({ rows: 5, imported: true, invalid: [] });
    expect(first.services).to.deep.equal([
      { id: 'salt', rows: 5, added: 5, changed: 0, unchanged: 0, referralsStored: 5 },
    ]);
    const stored = await s().stores.referrals.listService('salt');
    expect(stored.map((r) => r.referralId).sort()).to.deep.equal(['S-1', 'S-2', 'S-3', 'S-4', 'S-5']);
    expect(stored.find((r) => r.referralId === 'S-1')).to.deep.equal({
      referralId: 'S-1',
      service: 'salt',
      referredOn: '2026-05-01',
      triagedOn: '2026-05-08',
    });

    const answer = await s().services.waits.forService(service('salt'));
    expect(answer.hasData).to.equal(true);
    if (!answer.hasData) return;
    const fromReferrals = waitingListStats(stored, service('salt'), '2026-11-22', term);
    expect(await summaryStats('salt')).to.deep.equal(fromReferrals);
    expect(await summaryStats('salt')).to.include({ waiting: 2, longestWeeks: 29.3 }); // S-1 (205 days) and S-3; S-4 closed, S-2 and S-5 seen
    expect(answer.figures).to.deep.equal(discloseWaits(fromReferrals));

    const again = await importer().run(file('good.csv', lines));
    expect(again.services).to.deep.equal([
      { id: 'salt', rows: 5, added: 0, changed: 0, unchanged: 5, referralsStored: 5 },
    ]);
  });

  it('a re-issued extract replaces the same referral ids and never duplicates them', async () => {
    await importer().run(file('v1.csv', ['R-1,nd,2026-01-05,,,', 'R-2,nd,2026-02-05,,,', 'R-3,nd,2026-03-05,,,']));
    const v2 = await importer().run(
      file('v2.csv', ['R-1,nd,2026-01-05,2026-01-10,2026-06-01,', 'R-2,nd,2026-02-05,,,', 'R-4,nd,2026-10-05,,,']),
    );
    expect(v2.services).to.deep.equal([{ id: 'nd', rows: 3, added: 1, changed: 1, unchanged: 1, referralsStored: 4 }]);
    const stored = await s().stores.referrals.listService('nd');
    expect(stored).to.have.length(4);
    expect(stored.find((r) => r.referralId === 'R-1')).to.include({ firstSeenOn: '2026-06-01' });
    const answer = await s().services.waits.forService(service('nd'));
    expect(answer.hasData).to.equal(true);
    expect((await summaryStats('nd')).waiting).to.equal(3); // R-1 now seen
    expect(answer.hasData && answer.figures.waiting, '3 is fewer than 5').to.deep.equal({
      shown: false,
      reason: 'suppressed',
    });
  });

  it('imports nothing when any row is invalid, and names every bad row by line in words', async () => {
    const f = file('bad.csv', [
      'B-1,asd,2026-01-05,,,',
      'B-2,physio,2026-01-05,,,',
      'B-3,asd,2026-02-30,,,',
      'B-4,asd,05/01/2026,,,',
      'B-5,asd,2026-12-01,,,',
      'B-6,asd,2026-03-01,,2026-02-01,',
      'B-7,asd,2026-03-01,,,2026-02-01',
      'B 8,asd,2026-03-01,,,',
      ',asd,2026-03-01,,,',
      'B-10,asd,,,,',
      'B-11,asd,2026-03-01,2026-02-28,,',
      'B-12,asd,2026-03-01,,2026-11-23,',
    ]);
    const report = await importer().run(f);
    expect(report.imported).to.equal(false);
    expect(report.invalid.map((r) => r.line)).to.deep.equal([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    const messages = report.invalid.map((r) => r.errors.join('; '));
    const expected = [
      /not a known service \(known: adhd, asd, ehcna, nd, salt\)/,
      /not a real date/,
      /not a real date \(use YYYY-MM-DD\)/,
      /after today \(2026-11-22\)/,
      /first_seen_on 2026-02-01 is before referred_on/,
      /closed_on 2026-02-01 is before referred_on/,
      /may only use letters/,
      /referral_id is empty/,
      /referred_on is empty/,
      /triaged_on 2026-02-28 is before referred_on/,
      /first_seen_on 2026-11-23 is after today/,
    ];
    expected.forEach((pattern, i) => expect(messages[i]).to.match(pattern));
    expect(await s().stores.referrals.listService('asd'), 'nothing stored, not even the good row').to.deep.equal([]);
    expect((await s().services.waits.forService(service('asd'))).hasData).to.equal(false);
    expect(existsSync(report.rejectsFile!)).to.equal(true);
  });

  it('with --skip-invalid stores the valid rows and writes the rejects beside the file', async () => {
    const f = file('mixed.csv', ['M-1,adhd,2026-01-05,,,', 'M-2,adhd,2026-13-01,,,']);
    const report = await importer().run(f, { skipInvalid: true });
    expect(report.imported).to.equal(true);
    expect((await s().stores.referrals.listService('adhd')).map((r) => r.referralId)).to.deep.equal(['M-1']);
    const rejects = readFileSync(f.replace(/\.csv$/, '.rejects.csv'), 'utf8');
    expect(rejects).to.match(/^line,errors,referral_id/);
    expect(rejects).to.include('M-2').and.not.include('M-1,');
  });

  it('keeps an exact repeat once and rejects a referral id given twice with different dates', async () => {
    const report = await importer().run(
      file('dupes.csv', [
        'D-1,ehcna,2026-01-05,,,',
        'D-1,ehcna,2026-01-05,,,',
        'D-2,ehcna,2026-02-05,,,',
        'D-2,ehcna,2026-02-06,,,',
      ]),
    );
    expect(report.repeatedRows).to.equal(1);
    expect(report.invalid.map((r) => [r.line, r.errors[0]])).to.deep.equal([
      [5, 'referral D-2 (ehcna) is already on line 4 with different dates'],
    ]);
    expect(report.imported).to.equal(false);
  });

  it('refuses a file with the wrong header, naming the columns', async () => {
    const f = path.join(dir, 'header.csv');
    writeFileSync(f, 'id,service,referred\nA,salt,2026-01-01\n');
    let message = '';
    await importer()
      .run(f)
      .catch((e: Error) => (message = e.message));
    expect(message).to.match(/missing referral_id, referred_on, triaged_on, first_seen_on, closed_on/);
  });

  it('two imports of one service at once both end up in the summary', async () => {
    const all = demoReferrals('asd', 'ASD', '2026-11-22').slice(0, 600);
    const half = (rs: Referral[], name: string) => {
      const f = path.join(dir, name);
      writeFileSync(f, referralsToCsv(rs));
      return f;
    };
    await Promise.all([
      importer().run(half(all.slice(0, 300), 'a.csv')),
      importer().run(half(all.slice(300), 'b.csv')),
    ]);
    const answer = await s().services.waits.forService(service('asd'));
    if (!answer.hasData) throw new Error('no data');
    const fromReferrals = waitingListStats(
      [...all, { referralId: 'M-x', service: 'adhd', referredOn: '2026-01-01' }],
      service('asd'),
      '2026-11-22',
      term,
    );
    expect(await summaryStats('asd')).to.deep.equal(fromReferrals);
    expect(answer.figures).to.deep.equal(discloseWaits(fromReferrals));
  });

  // The command's main, run in this process as its own process runs it (exit code, stdout, stderr); the import
  // command's one run as its own process is in responsesImport.test.ts (all kinds share its wiring).
  it('the command exits non-zero with row-numbered errors, and imports with --skip-invalid', async () => {
    const f = file('cli.csv', ['C-1,salt,2026-10-01,,,', 'C-2,salt,2026-10-40,,,']);
    const store = { STORAGE_CONNECTION_STRING: bot.azurite.connectionString, BOT_TODAY: '2026-11-22' };
    const bad = await runInProcess(importCommand, ['referrals', f], store);
    expect(bad.code).to.equal(1);
    expect(bad.stderr).to.match(/line 3: referred_on '2026-10-40' is not a real date/);
    expect(bad.stderr).to.match(/Nothing imported/);
    const ok = await runInProcess(importCommand, ['referrals', f, '--skip-invalid'], store);
    expect(ok.code, ok.stderr).to.equal(0);
    expect(ok.stdout).to.match(/1 rejected/);
    expect(ok.stdout).to.match(/salt: 1 new, 0 updated/);
  });
});
