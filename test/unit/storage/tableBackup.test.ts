import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import {
  BackupInvalid,
  BackupRefused,
  backupTables,
  entityOfRow,
  MANIFEST_FILE,
  rowsOfQueryBody,
  transactionBatches,
  verifyBackup,
  type BackupRow,
  type TableAccess,
} from '../../../src/storage/tableBackup.js';

/** A page of Query Entities as Azurite (and Azure) send it: the numbers' spelling is the only sign of a Double. */
const QUERY_BODY =
  '{"odata.metadata":"http://127.0.0.1:1/devstoreaccount1/$metadata#Tables/@Element","value":[' +
  '{"odata.etag":"W/\\"datetime\'2026-12-07T06%3A48%3A37.0428705Z\'\\"","PartitionKey":"p","RowKey":"r",' +
  '"z":1,"s":"x","d":2.5,"whole":3.0,"exp":1e+300,"nan@odata.type":"Edm.Double","nan":"NaN",' +
  '"big@odata.type":"Edm.Int64","big":"9007199254740993","dt@odata.type":"Edm.DateTime","dt":"2026-01-02T03:04:05.1234567Z",' +
  '"bin@odata.type":"Edm.Binary","bin":"AQID","g@odata.type":"Edm.Guid","g":"0f8fad5b-d9cb-469f-a165-70867728950e",' +
  '"b":true,"empty":"","Timestamp":"2026-12-07T06:48:37.0428705Z"}]}';

const row = (partitionKey: string, rowKey: string, text = 'x'): BackupRow => ({
  PartitionKey: partitionKey,
  RowKey: rowKey,
  properties: { text: { type: 'String', value: text } },
});

async function* from<T>(items: T[]): AsyncIterable<T> {
  yield* items;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** A store that fails the test if it is touched. */
const untouchable: TableAccess = {
  tableNames: () => {
    throw new Error('the store was read');
  },
  table: () => {
    throw new Error('the store was opened');
  },
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A backup folder as the tool writes one, made by hand so each part can be spoiled. */
function handMadeBackup(tables: Record<string, BackupRow[]>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'backup-unit-'));
  const entries = Object.entries(tables).map(([name, rows]) => {
    const text = rows.map((r) => `${JSON.stringify(r)}\n`).join('');
    writeFileSync(path.join(dir, `${name}.jsonl`), text);
    return { name, file: `${name}.jsonl`, rows: rows.length, bytes: Buffer.byteLength(text), sha256: sha256(text) };
  });
  writeManifest(dir, entries);
  return dir;
}

function writeManifest(dir: string, tables: unknown[]): void {
  writeFileSync(
    path.join(dir, MANIFEST_FILE),
    JSON.stringify({
      format: 'send-outcomes-bot table backup',
      formatVersion: 1,
      tool: { name: 'send-outcomes-bot', version: '0.1.0' },
      source: { kind: 'test' },
      startedAt: '2026-12-07T10:00:00.000Z',
      finishedAt: '2026-12-07T10:00:01.000Z',
      tables,
    }),
  );
}

describe('table backup (logic)', () => {
  it('reads every property with its EDM type from the service’s own text, telling a whole Double from an Int32', () => {
    const [entity, ...rest] = rowsOfQueryBody(QUERY_BODY);
    expect(rest).to.deep.equal([]);
    expect(entity).to.deep.equal({
      PartitionKey: 'p',
      RowKey: 'r',
      properties: {
        z: { type: 'Int32', value: '1' },
        s: { type: 'String', value: 'x' },
        d: { type: 'Double', value: '2.5' },
        whole: { type: 'Double', value: '3.0' },
        exp: { type: 'Double', value: '1e+300' },
        nan: { type: 'Double', value: 'NaN' },
        big: { type: 'Int64', value: '9007199254740993' },
        dt: { type: 'DateTime', value: '2026-01-02T03:04:05.1234567Z' },
        bin: { type: 'Binary', value: 'AQID' },
        g: { type: 'Guid', value: '0f8fad5b-d9cb-469f-a165-70867728950e' },
        b: { type: 'Boolean', value: 'true' },
        empty: { type: 'String', value: '' },
      },
    });
  });

  it('writes each type back in the form that stores that same type (Int32 and String as the repositories wrote them)', () => {
    const entity = entityOfRow(rowsOfQueryBody(QUERY_BODY)[0]!);
    expect(entity).to.deep.equal({
      partitionKey: 'p',
      rowKey: 'r',
      z: 1,
      s: 'x',
      d: { value: 2.5, type: 'Double' },
      whole: { value: 3, type: 'Double' },
      exp: { value: 1e300, type: 'Double' },
      nan: { value: 'NaN', type: 'Double' },
      big: { value: '9007199254740993', type: 'Int64' },
      dt: { value: '2026-01-02T03:04:05.1234567Z', type: 'DateTime' },
      bin: { value: 'AQID', type: 'Binary' },
      g: { value: '0f8fad5b-d9cb-469f-a165-70867728950e', type: 'Guid' },
      b: true,
      empty: '',
    });
  });

  it('groups rows into transactions of one partition and at most 100 entities, and within Azure’s 4 MiB payload', async () => {
    const rows = [
      ...Array.from({ length: 250 }, (_, i) => row('A', `r${i}`)),
      ...Array.from({ length: 3 }, (_, i) => row('B', `r${i}`)),
      row('A', 'late'),
    ];
    const batches = await collect(transactionBatches(from(rows)));
    expect(batches.map((b) => b.length)).to.deep.equal([100, 100, 50, 3, 1]);
    for (const b of batches) expect(new Set(b.map((r) => r.PartitionKey)).size).to.equal(1);
    expect(batches.flat()).to.deep.equal(rows);

    // Ten entities of about 600 KB each (the largest Azure allows is 1 MiB) cannot share one payload.
    const big = Array.from({ length: 10 }, (_, i) => row('C', `r${i}`, 'é'.repeat(300_000)));
    const bigBatches = await collect(transactionBatches(from(big)));
    expect(bigBatches.length).to.be.greaterThan(1);
    for (const b of bigBatches) {
      const bytes = b.reduce((n, r) => n + Buffer.byteLength(JSON.stringify(entityOfRow(r))), 0);
      expect(bytes).to.be.lessThan(4 * 1024 * 1024);
    }
    expect(bigBatches.flat()).to.deep.equal(big);
  });

  it('accepts an intact backup and returns its manifest', async () => {
    const dir = handMadeBackup({ answers: [row('A', '1'), row('A', '2')], roles: [] });
    const manifest = await verifyBackup(dir);
    expect(manifest.tables.map((t) => [t.name, t.rows])).to.deep.equal([
      ['answers', 2],
      ['roles', 0],
    ]);
  });

  it('refuses a file changed after the backup, a truncated one, a missing one, and a folder without a manifest', async () => {
    const tampered = handMadeBackup({ answers: [row('A', '1', 'original'), row('A', '2')] });
    const file = path.join(tampered, 'answers.jsonl');
    writeFileSync(file, readFileSync(file, 'utf8').replace('original', 'changed!'));
    await expectRejected(verifyBackup(tampered), BackupInvalid, /answers\.jsonl.*checksum/);

    const truncated = handMadeBackup({ answers: [row('A', '1'), row('A', '2')] });
    const text = readFileSync(path.join(truncated, 'answers.jsonl'), 'utf8');
    writeFileSync(path.join(truncated, 'answers.jsonl'), text.slice(0, text.length - 20));
    await expectRejected(verifyBackup(truncated), BackupInvalid, /answers\.jsonl/);

    const missing = handMadeBackup({ answers: [row('A', '1')] });
    writeFileSync(path.join(missing, 'other.txt'), '');
    const { rmSync } = await import('node:fs');
    rmSync(path.join(missing, 'answers.jsonl'));
    await expectRejected(verifyBackup(missing), BackupInvalid, /answers\.jsonl/);

    await expectRejected(verifyBackup(mkdtempSync(path.join(tmpdir(), 'empty-'))), BackupInvalid, /manifest/);
  });

  it('refuses a manifest naming a file outside the folder, and a row that is not a typed entity even with its checksum', async () => {
    const outside = handMadeBackup({ answers: [row('A', '1')] });
    writeManifest(outside, [{ name: 'answers', file: '../answers.jsonl', rows: 1, bytes: 1, sha256: '0'.repeat(64) }]);
    await expectRejected(verifyBackup(outside), BackupInvalid, /manifest/);

    const badRow = { PartitionKey: 'A', RowKey: '1', properties: { n: { type: 'Int32', value: 'twelve' } } };
    const dir = handMadeBackup({ answers: [badRow as BackupRow] });
    await expectRejected(verifyBackup(dir), BackupInvalid, /answers\.jsonl line 1/);
  });

  it('refuses a folder that already holds a backup, before reading the store', async () => {
    const dir = handMadeBackup({ answers: [row('A', '1')] });
    await expectRejected(
      backupTables(untouchable, dir, { toolVersion: '0.1.0', source: { kind: 'test' } }),
      BackupRefused,
      /already holds a backup.*--overwrite/,
    );
    expect(existsSync(path.join(dir, MANIFEST_FILE)), 'the old backup is left as it was').to.equal(true);
  });
});

async function expectRejected(promise: Promise<unknown>, type: new (...args: never[]) => Error, message: RegExp) {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(type);
    expect((error as Error).message).to.match(message);
    return;
  }
  expect.fail(`expected a ${type.name}`);
}
