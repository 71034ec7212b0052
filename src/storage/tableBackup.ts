import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';
import { isLosslessNumber, parse as parseLossless } from 'lossless-json';
import { z } from 'zod';
import { AZURE_LIMITS } from './azureLimits.js';
import { submitChecked, type TableName, type TableStore } from './tableStore.js';

/**
 * Backup and restore of every table of a store, because Azure Table Storage has no point-in-time restore.
 *
 * A backup is a folder: one JSON Lines file per table (`<table>.jsonl`, one entity a line, in the order the
 * service lists them) and `manifest.json`, written last, naming each file with its row count, size and
 * SHA-256. A folder without a manifest is not a backup, so one cut short never looks complete.
 *
 * Every property keeps its EDM type: a line is `{"PartitionKey","RowKey","properties":{name:{type,value}}}`
 * with the value as the service wrote it (Int64 beyond 2^53, DateTime to 100 ns, Binary as base64). The type
 * is read from the response text itself rather than the SDK's parsed view, which cannot tell a whole Double
 * (`3.0`) from an Int32 (`3`) because JSON.parse reads both as 3 (Azure/azure-sdk-for-js#19899).
 */
export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'send-outcomes-bot table backup';
const FORMAT_VERSION = 1;
/** Azure's rule for table names (and so they are safe as file names). */
const TABLE_NAME = /^[A-Za-z][A-Za-z0-9]{2,62}$/;
/** The largest page Azure returns; a page is all that is held in memory while backing up. */
const PAGE_SIZE = 1000;
/**
 * Azure refuses a transaction whose payload is over 4 MiB. Entities are counted as the JSON they are sent
 * as, plus what the multipart envelope adds to each, and kept well under the limit.
 */
const TRANSACTION_PAYLOAD_BUDGET = 3.5 * 1024 * 1024;
const PER_OPERATION_OVERHEAD = 1024;

export const EDM_TYPES = ['String', 'Int32', 'Int64', 'Double', 'Boolean', 'DateTime', 'Guid', 'Binary'] as const;
export type EdmTypeName = (typeof EDM_TYPES)[number];

const INTEGER = /^-?\d+$/;
const DOUBLE_NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DOUBLE_SPECIAL = /^(?:NaN|-?Infinity|-?INF)$/;
const VALUE_CHECKS: Record<EdmTypeName, (value: string) => boolean> = {
  String: () => true,
  Int32: (v) => INTEGER.test(v),
  Int64: (v) => INTEGER.test(v),
  Double: (v) => DOUBLE_NUMBER.test(v) || DOUBLE_SPECIAL.test(v),
  Boolean: (v) => v === 'true' || v === 'false',
  DateTime: (v) => !Number.isNaN(Date.parse(v)),
  Guid: (v) => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(v),
  Binary: (v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v),
};

/** Names the SDK maps to the system properties when writing: a custom property so named could not be restored. */
const SDK_RESERVED = new Set(['partitionKey', 'rowKey', 'etag', 'timestamp']);

const propertySchema = z
  .object({ type: z.enum(EDM_TYPES), value: z.string() })
  .strict()
  .refine((p) => VALUE_CHECKS[p.type](p.value), { message: 'the value is not of its type' });

const rowSchema = z
  .object({
    PartitionKey: z.string(),
    RowKey: z.string(),
    properties: z.record(
      z.string().refine((name) => name.length > 0 && !SDK_RESERVED.has(name), { message: 'a reserved name' }),
      propertySchema,
    ),
  })
  .strict();
export type BackupRow = z.infer<typeof rowSchema>;

const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  tool: z.object({ name: z.string(), version: z.string() }),
  source: z.record(z.string(), z.string()),
  startedAt: z.string(),
  finishedAt: z.string(),
  tables: z
    .array(
      z
        .object({
          name: z.string().regex(TABLE_NAME),
          file: z.string(),
          rows: z.number().int().nonnegative(),
          bytes: z.number().int().nonnegative(),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
        })
        // The file is named by the table, never by the manifest: nothing outside the folder is read.
        .refine((t) => t.file === fileOf(t.name), { message: 'file must be <table>.jsonl' }),
    )
    .refine((tables) => new Set(tables.map((t) => t.name.toLowerCase())).size === tables.length, {
      message: 'a table is named twice',
    }),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

/** The backup cannot be used: nothing has been written. */
export class BackupInvalid extends Error {}
/** The command would overwrite something the operator has not said it may. */
export class BackupRefused extends Error {}

/** What backup and restore need of a store: its tables, whatever they are called. */
export type TableAccess = {
  tableNames(): AsyncIterable<string>;
  table(name: string): Promise<TableClient>;
};

/**
 * The store's tables, including any the product does not name (a table added later must never be skipped).
 * Clients come from the store itself, so restore's writes to the embedded store go through its redo log.
 */
export function tablesOf(store: TableStore): TableAccess {
  return {
    async *tableNames() {
      for await (const table of store.serviceClient().listTables()) if (table.name) yield table.name;
    },
    table: (name) => store.table(name as TableName),
  };
}

export type BackupProgress = { table: string; tablesDone: number; tablesTotal: number; rows: number };

export async function backupTables(
  tables: TableAccess,
  folder: string,
  options: {
    toolVersion: string;
    source: Record<string, string>;
    overwrite?: boolean;
    pageSize?: number;
    onProgress?: (progress: BackupProgress) => void;
  },
): Promise<BackupManifest> {
  await prepareFolder(folder, options.overwrite ?? false);
  const startedAt = new Date().toISOString();
  const names: string[] = [];
  for await (const name of tables.tableNames()) {
    if (!TABLE_NAME.test(name)) throw new Error(`the store has a table named "${name}", which Azure does not allow`);
    names.push(name);
  }
  names.sort();
  const entries: BackupManifest['tables'] = [];
  let rows = 0;
  for (const [i, name] of names.entries()) {
    options.onProgress?.({ table: name, tablesDone: i, tablesTotal: names.length, rows });
    const written = await backupTable(await tables.table(name), path.join(folder, fileOf(name)), {
      pageSize: options.pageSize ?? PAGE_SIZE,
      onRows: (n) => options.onProgress?.({ table: name, tablesDone: i, tablesTotal: names.length, rows: rows + n }),
    });
    rows += written.rows;
    entries.push({ name, file: fileOf(name), ...written });
  }
  options.onProgress?.({ table: '', tablesDone: names.length, tablesTotal: names.length, rows });
  const manifest: BackupManifest = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    tool: { name: 'send-outcomes-bot', version: options.toolVersion },
    source: options.source,
    startedAt,
    finishedAt: new Date().toISOString(),
    tables: entries,
  };
  await writeDurably(path.join(folder, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Refuses a folder holding a backup (whole or cut short) unless told; told, removes the manifest first. */
async function prepareFolder(folder: string, overwrite: boolean): Promise<void> {
  await mkdir(folder, { recursive: true });
  const held = (await readdir(folder)).filter(
    (name) => name === MANIFEST_FILE || name === `${MANIFEST_FILE}.tmp` || name.endsWith('.jsonl'),
  );
  if (held.length === 0) return;
  if (!overwrite)
    throw new BackupRefused(
      `${folder} already holds a backup (${held.slice(0, 3).join(', ')}${held.length > 3 ? ', …' : ''}). ` +
        'Choose another folder, or run again with --overwrite to replace it.',
    );
  // Manifest first: a replacement cut short must not leave the old manifest beside new files.
  await rm(path.join(folder, MANIFEST_FILE), { force: true });
  for (const name of held) await rm(path.join(folder, name), { force: true });
}

async function backupTable(
  client: TableClient,
  file: string,
  options: { pageSize: number; onRows: (rows: number) => void },
): Promise<{ rows: number; bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  const handle = await open(file, 'w');
  let rows = 0;
  let bytes = 0;
  try {
    let body: string | undefined;
    const pages = client
      .listEntities({
        disableTypeConversion: true,
        onResponse: (response) => (body = response.bodyAsText ?? undefined),
      })
      .byPage({ maxPageSize: options.pageSize });
    for await (const page of pages) {
      if (body === undefined) throw new Error('the service sent a page of entities without its text');
      const pageRows = rowsOfQueryBody(body);
      body = undefined;
      if (pageRows.length !== page.length)
        throw new Error(`read ${pageRows.length} entities from a page the SDK counts ${page.length}`);
      if (pageRows.length === 0) continue;
      const chunk = Buffer.from(pageRows.map((row) => `${JSON.stringify(row)}\n`).join(''));
      hash.update(chunk);
      await handle.write(chunk);
      rows += pageRows.length;
      bytes += chunk.length;
      options.onRows(rows);
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { rows, bytes, sha256: hash.digest('hex') };
}

/**
 * The entities of one Query Entities response, each property with its EDM type: from its `@odata.type`
 * annotation where the service sends one, else from the JSON itself (a string, a boolean, or a number that
 * is a Double when written with a point or an exponent and an Int32 when not).
 */
export function rowsOfQueryBody(text: string): BackupRow[] {
  const body = parseLossless(text) as { value?: unknown };
  if (!Array.isArray(body?.value)) throw new Error('the service sent a page without a list of entities');
  return body.value.map((entity) => rowOfEntity(entity as Record<string, unknown>));
}

function rowOfEntity(entity: Record<string, unknown>): BackupRow {
  const { PartitionKey: partitionKey, RowKey: rowKey } = entity;
  if (typeof partitionKey !== 'string' || typeof rowKey !== 'string')
    throw new Error('the service sent an entity without its keys');
  const properties: BackupRow['properties'] = {};
  for (const [name, raw] of Object.entries(entity)) {
    if (name === 'PartitionKey' || name === 'RowKey' || name === 'Timestamp') continue;
    if (name.startsWith('odata.') || name.includes('@odata.')) continue;
    if (raw === null || raw === undefined) continue;
    if (SDK_RESERVED.has(name))
      throw new Error(
        `entity ${partitionKey}/${rowKey} has a property named "${name}", which @azure/data-tables cannot write back`,
      );
    properties[name] = typedValue(name, raw, entity[`${name}@odata.type`]);
  }
  return { PartitionKey: partitionKey, RowKey: rowKey, properties };
}

function typedValue(name: string, raw: unknown, annotation: unknown): { type: EdmTypeName; value: string } {
  if (typeof annotation === 'string') {
    const type = annotation.replace(/^Edm\./, '') as EdmTypeName;
    if (!EDM_TYPES.includes(type)) throw new Error(`property "${name}" has an unknown type ${annotation}`);
    return { type, value: String(raw) };
  }
  if (typeof raw === 'string') return { type: 'String', value: raw };
  if (typeof raw === 'boolean') return { type: 'Boolean', value: String(raw) };
  if (isLosslessNumber(raw)) {
    const lexeme = raw.toString();
    return { type: /[.eE]/.test(lexeme) ? 'Double' : 'Int32', value: lexeme };
  }
  throw new Error(`property "${name}" holds a value of no EDM type`);
}

/**
 * A row as @azure/data-tables writes it back with the same EDM type. Int32 and String go as plain values,
 * as the repositories wrote them, so the service infers exactly what it inferred then; the rest go typed.
 */
export function entityOfRow(row: BackupRow): TableEntity<Record<string, unknown>> {
  const entity: TableEntity<Record<string, unknown>> = { partitionKey: row.PartitionKey, rowKey: row.RowKey };
  for (const [name, { type, value }] of Object.entries(row.properties)) {
    switch (type) {
      case 'String':
        entity[name] = value;
        break;
      case 'Int32':
        entity[name] = Number(value);
        break;
      case 'Boolean':
        entity[name] = value === 'true';
        break;
      case 'Double':
        // A number is sent as one (Azurite then writes a whole value back as `3.0`); NaN and the infinities as text.
        entity[name] = { value: DOUBLE_NUMBER.test(value) ? Number(value) : value, type };
        break;
      default:
        entity[name] = { value, type };
    }
  }
  return entity;
}

/**
 * Transactions for a stream of rows: one partition each (Azure's rule), at most 100 entities (see
 * azureLimits.ts) and within the payload limit. A row that alone is over the budget goes alone.
 */
export async function* transactionBatches(rows: AsyncIterable<BackupRow>): AsyncIterable<BackupRow[]> {
  let batch: BackupRow[] = [];
  let bytes = 0;
  for await (const row of rows) {
    const size = Buffer.byteLength(JSON.stringify(entityOfRow(row))) + PER_OPERATION_OVERHEAD;
    if (
      batch.length > 0 &&
      (batch[0]!.PartitionKey !== row.PartitionKey ||
        batch.length >= AZURE_LIMITS.batchMaxOperations ||
        bytes + size > TRANSACTION_PAYLOAD_BUDGET)
    ) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(row);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}

export type VerifyProgress = { rows: number; rowsTotal: number };

/**
 * Checks a backup before anything is written from it: the manifest, and every file's size, SHA-256 and rows
 * (each a well-formed typed entity). Throws BackupInvalid naming what is wrong.
 */
export async function verifyBackup(
  folder: string,
  onProgress: (progress: VerifyProgress) => void = () => undefined,
): Promise<BackupManifest> {
  const manifest = await readManifest(folder);
  const rowsTotal = manifest.tables.reduce((n, t) => n + t.rows, 0);
  let done = 0;
  for (const table of manifest.tables) {
    const file = path.join(folder, table.file);
    const hash = createHash('sha256');
    let bytes = 0;
    let rows = 0;
    let badLine: string | undefined;
    try {
      for await (const { line, chunk } of linesOf(file)) {
        if (chunk) {
          hash.update(chunk);
          bytes += chunk.length;
          continue;
        }
        rows++;
        if (!badLine) {
          const problem = rowProblem(line!);
          if (problem) badLine = `${table.file} line ${rows}: ${problem}`;
        }
        if (rows % 1000 === 0) onProgress({ rows: done + rows, rowsTotal });
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        throw new BackupInvalid(`${table.file} is missing from ${folder}, though the manifest lists it`);
      throw error;
    }
    if (hash.digest('hex') !== table.sha256)
      throw new BackupInvalid(
        `${table.file} does not match its checksum in the manifest: it was changed or damaged after the backup ` +
          `(${bytes} bytes, the manifest says ${table.bytes})`,
      );
    if (badLine) throw new BackupInvalid(badLine);
    if (rows !== table.rows)
      throw new BackupInvalid(`${table.file} holds ${rows} rows; the manifest says ${table.rows}`);
    done += rows;
    onProgress({ rows: done, rowsTotal });
  }
  return manifest;
}

async function readManifest(folder: string): Promise<BackupManifest> {
  let text: string;
  try {
    text = await readFile(path.join(folder, MANIFEST_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new BackupInvalid(
        `${folder} holds no ${MANIFEST_FILE}: it is not a backup, or one that did not finish (the manifest is written last)`,
      );
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new BackupInvalid(`${MANIFEST_FILE} in ${folder} is not JSON`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw new BackupInvalid(
      `${MANIFEST_FILE} in ${folder} is not a backup manifest this tool reads: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}

function rowProblem(line: string): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return 'not JSON';
  }
  const parsed = rowSchema.safeParse(json);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0]!;
  return `not a typed entity (${issue.path.join('.') || 'row'}: ${issue.message})`;
}

/**
 * A file's raw chunks (for its checksum) and its lines, in one read. Yields each chunk before the lines it
 * completes; the last line needs no newline.
 */
async function* linesOf(file: string): AsyncIterable<{ chunk?: Buffer; line?: string }> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    yield { chunk };
    pending += decoder.write(chunk);
    let newline = pending.indexOf('\n');
    let start = 0;
    while (newline !== -1) {
      const line = pending.slice(start, newline);
      if (line) yield { line };
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
  }
  pending += decoder.end();
  if (pending) yield { line: pending };
}

async function* rowsOf(file: string, hash: ReturnType<typeof createHash>): AsyncIterable<BackupRow> {
  for await (const { line, chunk } of linesOf(file)) {
    if (chunk) hash.update(chunk);
    else yield rowSchema.parse(JSON.parse(line!));
  }
}

export type RestoreProgress = { phase: 'verifying' | 'writing'; rows: number; rowsTotal: number };
export type RestoreReport = { manifest: BackupManifest; tables: { name: string; rows: number }[]; rows: number };

/**
 * Restores a verified backup: refuses a store holding rows unless `intoNonEmpty`, then writes every table in
 * transactions (upserts that replace, so a restore cut short can simply be run again). Empty tables are
 * created too. Nothing is written before the backup has been verified whole.
 */
export async function restoreTables(
  tables: TableAccess,
  folder: string,
  options: { intoNonEmpty?: boolean; concurrency?: number; onProgress?: (progress: RestoreProgress) => void } = {},
): Promise<RestoreReport> {
  const onProgress = options.onProgress ?? (() => undefined);
  const manifest = await verifyBackup(folder, (p) => onProgress({ phase: 'verifying', ...p }));
  const rowsTotal = manifest.tables.reduce((n, t) => n + t.rows, 0);
  if (!options.intoNonEmpty) {
    const holding = await tablesHoldingRows(tables);
    if (holding.length > 0)
      throw new BackupRefused(
        `the target store is not empty (${holding.join(', ')} hold rows). Restore into an empty store, or run again ` +
          'with --into-non-empty to write the backup over it (rows with the same keys are replaced, others kept).',
      );
  }
  const report: RestoreReport = { manifest, tables: [], rows: 0 };
  for (const table of manifest.tables) {
    const client = await tables.table(table.name);
    const hash = createHash('sha256');
    const written = await writeAll(client, rowsOf(path.join(folder, table.file), hash), options.concurrency ?? 8, (n) =>
      onProgress({ phase: 'writing', rows: report.rows + n, rowsTotal }),
    ).catch((error: unknown) => {
      throw new Error(`restoring table ${table.name}: ${error instanceof Error ? error.message : String(error)}`);
    });
    if (hash.digest('hex') !== table.sha256) throw new Error(`${table.file} changed while it was being restored`);
    report.tables.push({ name: table.name, rows: written });
    report.rows += written;
  }
  return report;
}

async function tablesHoldingRows(tables: TableAccess): Promise<string[]> {
  const holding: string[] = [];
  for await (const name of tables.tableNames()) {
    const client = await tables.table(name);
    // The iterator, not the first page: Azure may answer a query with an empty page and a continuation.
    for await (const _entity of client.listEntities({ queryOptions: { select: ['RowKey'] } })) {
      holding.push(name);
      break;
    }
  }
  return holding.sort();
}

/** Submits the rows' transactions, a few at a time; the first failure stops it (after those in flight end). */
async function writeAll(
  client: TableClient,
  rows: AsyncIterable<BackupRow>,
  concurrency: number,
  onRows: (rows: number) => void,
): Promise<number> {
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let written = 0;
  for await (const batch of transactionBatches(rows)) {
    if (failure) break;
    const actions = batch.map((row): TransactionAction => ['upsert', entityOfRow(row), 'Replace']);
    const submitted: Promise<void> = submitChecked(client, actions)
      .then(() => {
        written += batch.length;
        onRows(written);
      })
      .catch((error: unknown) => {
        failure ??= { error: new Error(`partition ${batch[0]!.PartitionKey}: ${messageOf(error)}`) };
      })
      .finally(() => inFlight.delete(submitted));
    inFlight.add(submitted);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  if (failure) throw failure.error;
  return written;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fileOf(table: string): string {
  return `${table}.jsonl`;
}

/** Written whole and on disk, or not at all. */
async function writeDurably(file: string, text: string): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.write(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
}
