import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TableClient, TableServiceClient } from '@azure/data-tables';
import { expect } from 'chai';
import { isLosslessNumber, parse as parseLossless } from 'lossless-json';
import { main as rebuildCommand } from '../../src/cli/rebuildAggregates.js';
import { main as restoreCommand } from '../../src/cli/restore.js';
import { fromRoot } from '../../src/config/projectPaths.js';
import { ReferralsImport } from '../../src/features/waits/referralsImport.js';
import type { EmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';
import { freshAccount } from '../support/testAzurite.js';
import { startOrAttachAzurite } from '../../src/storage/sharedAzurite.js';
import { BackupRefused, backupTables, restoreTables, type TableAccess } from '../../src/storage/tableBackup.js';
import { TABLES } from '../../src/storage/tableStore.js';
import { BotHarness, cards, texts, type Activity, type ChatUser } from '../support/botHarness.js';
import { runInProcess, spawnCli } from '../support/cliRun.js';

const LATER_TABLE = 'addedlater';

/** A command through npm, as an operator runs it: its own process, its exit code and output. */
const npmRun = (script: 'backup' | 'restore', args: string[], store: Record<string, string>) =>
  spawnCli(script, args, store, { npmScript: script });

const at = (azurite: EmbeddedAzurite) => ({ STORAGE_CONNECTION_STRING: azurite.connectionString });

async function tableNames(connectionString: string): Promise<string[]> {
  const service = TableServiceClient.fromConnectionString(connectionString, { allowInsecureConnection: true });
  const names: string[] = [];
  for await (const t of service.listTables()) names.push(t.name!);
  return names.sort();
}

/**
 * Every row of every table as the service sent it, parsed without losing how each number was written (a
 * whole Double is `3.0`, an Int32 `3`): the only place a Double and an Int32 differ. Only the etag and the
 * Timestamp, which the service sets on every write, are left out.
 */
async function dumpRaw(connectionString: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of await tableNames(connectionString)) {
    const client = TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
    const rows: unknown[] = [];
    let body = '';
    const pages = client.listEntities({ onResponse: (r) => (body = r.bodyAsText ?? '') }).byPage({ maxPageSize: 97 });
    for await (const _page of pages) {
      const parsed = parseLossless(body) as { value: Record<string, unknown>[] };
      for (const { ['odata.etag']: _etag, Timestamp: _ts, ...entity } of parsed.value)
        rows.push(
          Object.fromEntries(
            Object.entries(entity).map(([k, v]) => [k, isLosslessNumber(v) ? { number: String(v) } : v]),
          ),
        );
    }
    out[name] = rows;
  }
  return out;
}

/** The same through the SDK's typed view ({ value, type } for every property). */
async function dumpTyped(connectionString: string): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of await tableNames(connectionString)) {
    const client = TableClient.fromConnectionString(connectionString, name, { allowInsecureConnection: true });
    const rows: unknown[] = [];
    for await (const { etag: _etag, timestamp: _ts, ...entity } of client.listEntities({
      disableTypeConversion: true,
    }))
      rows.push(entity);
    out[name] = rows;
  }
  return out;
}

/** A store's tables straight from its connection string (what tablesOf gives the commands). */
function access(azurite: EmbeddedAzurite): TableAccess {
  return {
    async *tableNames() {
      yield* await tableNames(azurite.connectionString);
    },
    async table(name) {
      const client = TableClient.fromConnectionString(azurite.connectionString, name, {
        allowInsecureConnection: true,
      });
      await client.createTable();
      return client;
    },
  };
}

async function expectRefused(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).to.be.instanceOf(BackupRefused);
  expect((error as Error).message).to.match(message);
}

const rowCount = (dump: Record<string, unknown[]>) => Object.values(dump).reduce((n, rows) => n + rows.length, 0);

/**
 * `npm run backup` and `npm run restore` against real Azurite: a store filled by the bot itself (families
 * answering the survey, a practitioner's invitations, a waiting-list import) and a table the product does not
 * know yet, holding every EDM type, is backed up and restored into a fresh store, row for row and type for type.
 * Each command runs once as its own process through npm; the other runs are the commands' mains in this process
 * (the same code, exit codes and output, without starting node, tsx and the product again).
 */
describe('backup and restore of the tables (real Azurite, the npm commands)', function () {
  this.timeout(180_000);
  let bot: BotHarness;
  let practitioner: ChatUser;
  let backup: string;
  const started: EmbeddedAzurite[] = [];
  const fresh = async () => {
    const azurite = await freshAccount();
    started.push(azurite);
    return azurite;
  };
  /** An empty store for the refusals: the first refuses to write anything in it, so the second may use it too. */
  let spare: Promise<EmbeddedAzurite> | undefined;
  const empty = async () => {
    const azurite = await (spare ??= fresh());
    expect(await tableNames(azurite.connectionString), 'an empty store').to.deep.equal([]);
    return azurite;
  };
  const work = mkdtempSync(path.join(tmpdir(), 'backup-restore-'));

  before(async () => {
    bot = await BotHarness.start({ today: '2026-11-22' });
    practitioner = bot.user({ aadObjectId: '11111111-1111-1111-1111-111111111111' });
    await bot.stores.roles.set('11111111-1111-1111-1111-111111111111', ['practitioner'], 'test');
    await surveyJourney();
    const csv = path.join(work, 'salt.csv');
    writeFileSync(
      csv,
      'referral_id,service,referred_on,triaged_on,first_seen_on,closed_on\n' +
        'S-1,salt,2026-05-01,2026-05-08,,\nS-2,salt,2026-09-01,2026-09-20,2026-10-01,\nS-3,salt,2026-11-01,,,\n',
    );
    const s = bot.product;
    const imported = await new ReferralsImport(
      s.clock,
      s.services.waits,
      s.stores.referrals,
      s.stores.waitSummaries,
    ).run(csv);
    expect(imported.imported).to.equal(true);
    await s.stores.journal.flush();
    await laterTable(bot.azurite.connectionString);
    backup = path.join(work, 'backup');
  });
  after(async () => {
    await bot?.stop();
    for (const azurite of started) await azurite.stop();
  });

  async function invite(ref: string, who: 'parent' | 'child'): Promise<string> {
    const text = texts((await practitioner.say(`invite review ${ref} ${who}`)).activities).join('\n');
    const code = /code ([A-Z0-9-]{12})/.exec(text)?.[1];
    expect(code, text).to.be.a('string');
    return code!.replace(/-/g, '');
  }

  /** One family completes the survey with free text, another saves two sections and leaves. */
  async function surveyJourney(): Promise<void> {
    for (const [ref, sections] of [
      ['AR-1042', 7],
      ['AR-1043', 2],
    ] as const) {
      const family = bot.user({ channelId: 'directline' });
      let replies = (await family.say(await invite(ref, 'parent'))).activities;
      for (let k = 0; k < sections; k++) {
        const card = cards(replies).at(-1)!;
        const answers: Record<string, string> = {};
        for (const id of inputIds(card))
          answers[id] = id.startsWith('text.') ? `said ${k} — “quoted” <b>not html</b>` : String((k % 5) + 1);
        replies = (await family.submit({ ...card.actions[0].data, ...answers })).activities;
        expect(cards(replies)[0]?.body?.[0]?.text, `${ref} section ${k + 1}`).to.match(/^✅ Saved/);
      }
    }
  }

  function inputIds(card: Activity): string[] {
    const out: string[] = [];
    const walk = (items: Activity[] = []) =>
      items.forEach((e) => {
        if (String(e.type).startsWith('Input.')) out.push(String(e.id));
        walk(e.items);
        walk(e.columns);
      });
    walk(card.body);
    return out;
  }

  /** A table the product does not name (yet), with every EDM type, and a partition over 100 rows. */
  async function laterTable(connectionString: string): Promise<void> {
    const client = TableClient.fromConnectionString(connectionString, LATER_TABLE, { allowInsecureConnection: true });
    await client.createTable();
    await client.createEntity({
      partitionKey: 'types',
      rowKey: 'every',
      text: 'line one\nline two — ünïcode',
      int32: 42,
      negative: -7,
      double: 2.5,
      wholeDouble: { value: 3, type: 'Double' },
      notANumber: { value: 'NaN' as unknown as number, type: 'Double' },
      int64: 9007199254740993n,
      dateTime: { value: '2026-01-02T03:04:05.1234567Z', type: 'DateTime' },
      jsDate: new Date('2026-11-22T10:00:00.000Z'),
      binary: new Uint8Array([0, 1, 2, 254, 255]),
      guid: { value: '0f8fad5b-d9cb-469f-a165-70867728950e', type: 'Guid' },
      yes: true,
      no: false,
      empty: '',
    });
    for (let start = 0; start < 230; start += 100)
      await client.submitTransaction(
        Array.from({ length: Math.min(100, 230 - start) }, (_, i) => [
          'create',
          { partitionKey: 'many', rowKey: String(start + i).padStart(4, '0'), n: start + i },
        ]),
      );
  }

  it('backs up every table (one the product does not name too) and restores them exactly into a fresh, stopped embedded store, which rebuilds to the same aggregates', async () => {
    const made = await npmRun('backup', [backup], at(bot.azurite));
    expect(made.code, made.stderr).to.equal(0);
    const manifest = JSON.parse(readFileSync(path.join(backup, 'manifest.json'), 'utf8'));
    const source = await dumpRaw(bot.azurite.connectionString);
    expect(manifest.tables.map((t: { name: string }) => t.name)).to.deep.equal(Object.keys(source));
    expect(Object.keys(source)).to.include.members([LATER_TABLE, TABLES.answers, TABLES.invitations, TABLES.referrals]);
    for (const t of manifest.tables) expect(t.rows, t.name).to.equal(source[t.name]!.length);
    expect(manifest.tool.version).to.equal(JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')).version);
    expect(made.stdout).to.match(new RegExp(`${rowCount(source)} rows from ${manifest.tables.length} tables`));
    expect(source[TABLES.answers]!.length, 'the journey stored answers').to.be.greaterThan(30);

    // Into the embedded store of a new DATA_DIR, not running: the command starts it, restores, and stops it
    // (which saves it); then it is opened as the bot would open it.
    const dataDir = path.join(work, 'data');
    const restored = await npmRun('restore', [backup], { DATA_DIR: dataDir });
    expect(restored.code, restored.stderr).to.equal(0);
    const target = await startOrAttachAzurite(dataDir);
    started.push(target);
    expect(target.attached, 'the command stopped the store it started').to.equal(false);
    expect(restored.stdout).to.match(
      new RegExp(`Restored ${rowCount(source)} rows into ${manifest.tables.length} tables`),
    );

    expect(await dumpRaw(target.connectionString)).to.deep.equal(source);
    expect(await dumpTyped(target.connectionString)).to.deep.equal(await dumpTyped(bot.azurite.connectionString));
    const typed = await TableClient.fromConnectionString(target.connectionString, LATER_TABLE, {
      allowInsecureConnection: true,
    }).getEntity('types', 'every');
    expect(typed.int64).to.equal(9007199254740993n);
    expect(typed.binary).to.deep.equal(Buffer.from([0, 1, 2, 254, 255]));
    expect(typed.guid).to.deep.equal({ value: '0f8fad5b-d9cb-469f-a165-70867728950e', type: 'Guid' });
    const every = source[LATER_TABLE]!.find((r) => (r as Record<string, unknown>).RowKey === 'every');
    expect((every as Record<string, unknown>).wholeDouble, 'a whole Double is still a Double').to.deep.equal({
      number: '3.0',
    });

    // npm run aggregates:rebuild on that folder (attached to the store opened above); it runs as its own process
    // in crashDurability and twoInstances.
    const rebuild = await runInProcess(rebuildCommand, [], { DATA_DIR: dataDir });
    expect(rebuild.code, rebuild.stderr).to.equal(0);
    expect(rebuild.stdout).to.match(/Read [1-9]\d* respondents/);
    expect(rebuild.stdout).to.match(/No difference/);
  });

  it('refuses a tampered file before writing anything', async () => {
    const target = await empty();
    // A truncated file, a missing one and a changed manifest are refused the same way (see the unit tests).
    const copy = mkdtempSync(path.join(work, 'spoiled-'));
    cpSync(backup, copy, { recursive: true });
    const file = path.join(copy, `${TABLES.answers}.jsonl`);
    const text = readFileSync(file, 'utf8');
    expect(text).to.include('not html');
    writeFileSync(file, text.replace('not html', 'not HTML'));
    const refused = await runInProcess(restoreCommand, [copy], at(target));
    expect(refused.code).to.equal(1);
    expect(refused.stdout).to.equal('');
    expect(refused.stderr).to.match(new RegExp(`${TABLES.answers}\\.jsonl.*checksum`));
    expect(refused.stderr).to.match(/nothing was written/i);
    expect(await tableNames(target.connectionString), 'no table was even created').to.deep.equal([]);
  });

  // The two refusals below call the same functions the commands do.
  it('refuses a store that holds rows unless told it may write into it', async () => {
    const target = await empty();
    const client = TableClient.fromConnectionString(target.connectionString, TABLES.roles, {
      allowInsecureConnection: true,
    });
    await client.createTable();
    await client.createEntity({ partitionKey: 'someone', rowKey: 'role', note: 'already here' });
    await expectRefused(restoreTables(access(target), backup), /not empty.*roles.*--into-non-empty/s);
    expect(await tableNames(target.connectionString)).to.deep.equal([TABLES.roles]);

    const report = await restoreTables(access(target), backup, { intoNonEmpty: true });
    const source = await dumpRaw(bot.azurite.connectionString);
    expect(report.rows).to.equal(rowCount(source));
    const into = await dumpRaw(target.connectionString);
    expect(rowCount(into)).to.equal(rowCount(source) + 1);
    expect(into[LATER_TABLE]).to.deep.equal(source[LATER_TABLE]);
  });

  it('refuses a folder that already holds a backup unless told to overwrite it', async () => {
    const before = readFileSync(path.join(backup, 'manifest.json'), 'utf8');
    const options = { toolVersion: '0.0.0-test', source: { kind: 'test' } };
    await expectRefused(backupTables(access(bot.azurite), backup, options), /already holds a backup.*--overwrite/s);
    expect(readFileSync(path.join(backup, 'manifest.json'), 'utf8')).to.equal(before);

    const again = await backupTables(access(bot.azurite), backup, { ...options, overwrite: true });
    expect(again.tool.version).to.equal('0.0.0-test');
    expect(again.tables).to.deep.equal(JSON.parse(before).tables);
  });
});
