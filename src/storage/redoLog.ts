import { closeSync, fdatasync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, write } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import type { TableClient, TableEntity, TransactionAction, UpdateMode } from '@azure/data-tables';

const writeAsync = promisify(write);
const syncAsync = promisify(fdatasync);

/**
 * A redo log for the embedded store. Azurite keeps its tables in memory and writes them to disk every
 * 5 seconds, so a crash of the whole process group lost what a family had been told was "Saved". Every
 * successful write is therefore also appended here, and flushed to disk (group-committed) before the
 * caller goes on to acknowledge anything. On the next start, the process that starts Azurite again
 * replays the last 30 seconds of writes (REPLAY_WINDOW_MS) in order. Not used with a real storage account, which is durable.
 *
 * Writes are logged as their effect (an upsert of the entity as written, or a delete), so replaying an
 * entry is idempotent; entries are replayed in time order across every process that wrote (the bot and
 * the command-line tools all log into DATA_DIR).
 */
export type RedoEntry =
  | { at: number; table: string; op: 'upsert'; mode: UpdateMode; entity: Record<string, unknown> }
  | { at: number; table: string; op: 'delete'; partitionKey: string; rowKey: string };

/** Entries older than this before the newest one were certainly saved by Azurite (it saves every 5 s). */
export const REPLAY_WINDOW_MS = 30_000;
/** A closed log file older than this holds nothing Azurite has not saved: it is removed. */
const KEEP_MS = 60_000;
const ROTATE_MS = 20_000;
const FILE = /^redo-(\d+)-(\d+)\.log$/;

export class RedoLog {
  private fd: number | undefined;
  private file = '';
  private sequence = 0;
  private queue: { line: string; done: (error?: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private rotationDue = false;
  private readonly keepMs: number;
  private readonly rotation: NodeJS.Timeout;

  constructor(
    private readonly dir: string,
    timing: { rotateMs: number; keepMs: number } = { rotateMs: ROTATE_MS, keepMs: KEEP_MS },
  ) {
    this.keepMs = timing.keepMs;
    mkdirSync(dir, { recursive: true });
    this.openNext();
    this.rotation = setInterval(() => {
      // Under steady load a flush is nearly always running: the flush loop rotates between two batches.
      if (this.flushing) this.rotationDue = true;
      else this.rotate();
    }, timing.rotateMs);
    this.rotation.unref();
  }

  /** Appends entries and resolves once they are on disk. Concurrent appends share one write and one sync. */
  append(entries: RedoEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ line: entries.map(serialise).join(''), done: (error) => (error ? reject(error) : resolve()) });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      if (this.rotationDue) this.rotate();
      const batch = this.queue;
      this.queue = [];
      try {
        const fd = this.fd!;
        await writeAsync(fd, batch.map((b) => b.line).join(''));
        await syncAsync(fd);
        for (const b of batch) b.done();
      } catch (error) {
        for (const b of batch) b.done(error);
      }
    }
    this.flushing = undefined;
  }

  private openNext(): void {
    this.file = path.join(this.dir, `redo-${process.pid}-${Date.now()}${String(this.sequence++).padStart(4, '0')}.log`);
    this.fd = openSync(this.file, 'a');
  }

  /** A new file every 20 s; files untouched for a minute are removed (whoever wrote them). Never mid-write. */
  private rotate(): void {
    this.rotationDue = false;
    const previous = this.fd;
    this.openNext();
    if (previous !== undefined) closeSync(previous);
    removeSavedFiles(this.dir, Date.now() - this.keepMs, this.file);
  }

  /** After a clean stop of Azurite (which saves everything): this process's log is no longer needed. */
  async discard(): Promise<void> {
    await this.close();
    for (const name of readdirSync(this.dir))
      if (name.startsWith(`redo-${process.pid}-`)) rmSync(path.join(this.dir, name), { force: true });
  }

  async close(): Promise<void> {
    clearInterval(this.rotation);
    await this.flushing;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function removeSavedFiles(dir: string, before: number, current: string): void {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (!FILE.test(name) || file === current) continue;
    try {
      if (statSync(file).mtimeMs < before) rmSync(file, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/** Wall-clock time with sub-millisecond precision, so writes by several processes keep their order. */
export function logTime(): number {
  return performance.timeOrigin + performance.now();
}

function serialise(entry: RedoEntry): string {
  return `${JSON.stringify(entry, (_key, value: unknown) => (typeof value === 'bigint' ? { type: 'Int64', value: value.toString() } : value))}\n`;
}

/** The log files in a folder (none if it does not exist yet). */
export function redoFiles(dir: string): string[] {
  try {
    return readdirSync(dir).filter((n) => FILE.test(n));
  } catch {
    return [];
  }
}

/**
 * Replays the logs a crash left behind, before anything else uses the store: every entry of the last
 * REPLAY_WINDOW_MS before the newest one, in time order. Then the files are removed.
 */
export async function replayRedoLogs(
  dir: string,
  names: string[],
  table: (name: string) => Promise<TableClient>,
): Promise<{ replayed: number; files: number }> {
  const entries: RedoEntry[] = [];
  for (const name of names) {
    for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      if (!line) continue;
      try {
        entries.push(JSON.parse(line) as RedoEntry);
      } catch {
        // A line torn by the crash was never acknowledged: its caller was still waiting for the sync.
      }
    }
  }
  entries.sort((a, b) => a.at - b.at);
  const newest = entries.at(-1)?.at ?? 0;
  const recent = entries.filter((e) => e.at >= newest - REPLAY_WINDOW_MS);
  for (const e of recent) {
    const client = await table(e.table);
    if (e.op === 'upsert') await client.upsertEntity(e.entity as TableEntity, e.mode);
    else
      await client.deleteEntity(e.partitionKey, e.rowKey).catch((error: { statusCode?: number }) => {
        if (error.statusCode !== 404) throw error;
      });
  }
  for (const name of names) rmSync(path.join(dir, name), { force: true });
  return { replayed: recent.length, files: names.length };
}

/** The effect of one transaction action, as redo entries. */
export function entriesOfAction(table: string, action: TransactionAction, at: number): RedoEntry {
  const [kind, entity] = action as [string, TableEntity & Record<string, unknown>, UpdateMode?];
  if (kind === 'delete') return { at, table, op: 'delete', partitionKey: entity.partitionKey, rowKey: entity.rowKey };
  const mode = kind === 'create' ? 'Replace' : ((action as [string, unknown, UpdateMode?])[2] ?? 'Merge');
  return { at, table, op: 'upsert', mode, entity: withoutEtag(entity) };
}

export function withoutEtag(entity: Record<string, unknown>): Record<string, unknown> {
  const {
    etag: _etag,
    timestamp: _timestamp,
    ...rest
  } = entity as Record<string, unknown> & { etag?: unknown; timestamp?: unknown };
  return rest;
}
