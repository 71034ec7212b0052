import {
  closeSync,
  fdatasync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  write,
  writeFileSync,
} from 'node:fs';
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
 * caller goes on to acknowledge anything. Not used with a real storage account, which is durable.
 *
 * Writes are logged as their effect (an upsert of the entity as written, or a delete), stamped with the
 * time just before the request was sent: a write that depended on another (an ETag read-then-write, even in
 * another process) was sent after that one was applied, so it always sorts after it.
 *
 * Recovery (sharedAzurite.ts) replays a window of the logs onto what Azurite last saved. The one rule that
 * keeps this right: replaying MORE than needed is harmless, replaying a SUBSET is not. Each entry is a full
 * effect on one entity, so replaying every entry from some moment on, in order, onto any state that already
 * holds everything before that moment (and perhaps some of what comes after) gives the same final state,
 * however many times it is done. Leave out an entry in the middle, though, and an older write replayed
 * after it brings back a stale value. So the window must always be a complete suffix of history, which is
 * why replay is never logged again, why logs are only ever retired all at once, and why the window is
 * anchored as it is (see replayWindow).
 */
export type RedoEntry =
  | { at: number; table: string; op: 'upsert'; mode: UpdateMode; entity: Record<string, unknown> }
  | { at: number; table: string; op: 'delete'; partitionKey: string; rowKey: string };

/** A closed log file untouched for this long holds nothing Azurite has not saved: it is removed. */
export const KEEP_MS = 120_000;
/** Every live process starts a new file this often (empty or not). */
export const ROTATE_MS = 20_000;
/**
 * The window replayed reaches this far before the newest file's start. Every entry at or after the window's
 * start is still on disk: a file is removed only when untouched for KEEP_MS, so everything it held was made
 * more than KEEP_MS before the crash, while the newest file started at most ROTATE_MS (plus a late rotation,
 * 40 s of slack) before it. Every entry before the window's start was applied at least this long before the
 * crash, less MAX_WRITE_MS, so Azurite (saving every 5 s) had saved it.
 */
export const WINDOW_BEFORE_NEWEST_FILE_MS = 60_000;
/**
 * A write that took longer than this is reported as failed rather than acknowledged: its entry is stamped
 * when it was sent, and the window's reasoning above allows this long between sending and applying.
 */
export const MAX_WRITE_MS = 30_000;

/** `redo-<pid>-<start ms>-<sequence>.log`; files from before the start time had its own field end in 4 digits of sequence. */
const FILE = /^redo-(\d+)-(\d+)(?:-(\d+))?\.log$/;

export class RedoLog {
  private fd: number | undefined;
  private file = '';
  private sequence = 0;
  private queue: { line: string; done: (error?: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private rotationDue = false;
  private readonly keepMs: number;
  private readonly rotation: NodeJS.Timeout;

  /**
   * `storeAlive`: whether the Azurite these writes went to still runs. Once it has gone, the files (this
   * process's and others') are what the next start recovers from: nothing more is rotated or removed.
   */
  constructor(
    private readonly dir: string,
    timing: { rotateMs: number; keepMs: number } = { rotateMs: ROTATE_MS, keepMs: KEEP_MS },
    private readonly storeAlive: () => boolean = () => true,
  ) {
    this.keepMs = timing.keepMs;
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
    // The folder is made again each time: a clean stop by the process that owned Azurite retires it whole
    // while others attached to that Azurite may still be running.
    mkdirSync(this.dir, { recursive: true });
    this.file = path.join(
      this.dir,
      `redo-${process.pid}-${Date.now()}-${String(this.sequence++).padStart(4, '0')}.log`,
    );
    this.fd = openSync(this.file, 'a');
  }

  /** A new file every ROTATE_MS; files untouched for KEEP_MS are removed (whoever wrote them). Never mid-write. */
  private rotate(): void {
    this.rotationDue = false;
    if (!this.storeAlive()) return;
    const previous = this.fd;
    try {
      this.openNext();
    } catch {
      // Keep appending to the file we have; the next rotation tries again.
      return;
    }
    if (previous !== undefined) closeSync(previous);
    removeSavedFiles(this.dir, Date.now() - this.keepMs, this.file);
  }

  async close(): Promise<void> {
    clearInterval(this.rotation);
    await this.flushing;
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

function removeSavedFiles(dir: string, before: number, current: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
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

/** When a log file was started, from its name. */
export function fileStart(name: string): number {
  const [, , start, sequence] = FILE.exec(name) ?? [];
  if (start === undefined) return 0;
  return sequence === undefined ? Math.floor(Number(start) / 10_000) : Number(start);
}

/**
 * The entries to replay, in the order they were made: every entry at or after the window's start. The start
 * is WINDOW_BEFORE_NEWEST_FILE_MS before the newest file's start (an empty file counts: a live process
 * starts one every ROTATE_MS whether or not it writes), and never before `savedAt`, the moment the store was
 * last saved whole (a clean stop, or a finished recovery): every entry made before that is in what Azurite
 * saved, and one appended late, by a process still attached when the logs were retired, must not be
 * replayed over what came after it.
 */
export function replayWindow(
  dir: string,
  names: string[],
  savedAt = -Infinity,
): { entries: RedoEntry[]; from: number } {
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
  const newestStart = Math.max(...names.map(fileStart));
  const from = Math.max(newestStart - WINDOW_BEFORE_NEWEST_FILE_MS, savedAt);
  // A stable sort: the entries of one transaction share a time and keep their order.
  return { entries: entries.filter((e) => e.at >= from).sort((a, b) => a.at - b.at), from };
}

/**
 * Applies entries in order, straight to the store: never through a logging TableStore (a replay logged again
 * with new times would, killed half-way, later sort old values after newer ones). Entries for different
 * entities do not affect each other, so (table, partition) groups go in parallel, each in its own order.
 */
export async function applyRedoEntries(
  entries: RedoEntry[],
  table: (name: string) => Promise<TableClient>,
  concurrency = 16,
): Promise<void> {
  const groups = new Map<string, RedoEntry[]>();
  for (const e of entries) {
    const key = `${e.table}\u0000${e.op === 'upsert' ? String(e.entity.partitionKey) : e.partitionKey}`;
    const group = groups.get(key);
    if (group) group.push(e);
    else groups.set(key, [e]);
  }
  const queue = [...groups.values()];
  const worker = async () => {
    for (let group = queue.shift(); group; group = queue.shift()) {
      for (const e of group) {
        const client = await table(e.table);
        if (e.op === 'upsert') await client.upsertEntity(e.entity as TableEntity, e.mode);
        else
          await client.deleteEntity(e.partitionKey, e.rowKey).catch((error: { statusCode?: number }) => {
            if (error.statusCode !== 404) throw error;
          });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}

/**
 * Replays the logs a crash left behind onto the store, before anything else uses it (see replayWindow). The
 * files are left as they are: they may go only once Azurite has saved the result (retireRedoLogs).
 */
export async function replayRedoLogs(
  dir: string,
  names: string[],
  table: (name: string) => Promise<TableClient>,
  options: { savedAt?: number } = {},
): Promise<{ replayed: number; files: number }> {
  const { entries } = replayWindow(dir, names, options.savedAt);
  await applyRedoEntries(entries, table);
  return { replayed: entries.length, files: names.length };
}

const SAVED_AT = 'redo-saved-at.json';

/** When the store was last saved whole (see replayWindow); -Infinity if never recorded. */
export function readSavedAt(dataDir: string): number {
  try {
    const value = (JSON.parse(readFileSync(path.join(dataDir, SAVED_AT), 'utf8')) as { savedAt?: unknown }).savedAt;
    return typeof value === 'number' ? value : -Infinity;
  } catch {
    return -Infinity;
  }
}

/**
 * After Azurite has saved everything (it stopped by itself): records when, then retires every log at once.
 * The folder is renamed before it is deleted, because deleting file by file is not atomic, and a crash part
 * way would leave a subset for the next start to replay.
 */
export function retireRedoLogs(dataDir: string, savedAt: number): void {
  const temp = path.join(dataDir, `${SAVED_AT}.tmp`);
  writeFileSync(temp, JSON.stringify({ savedAt }));
  renameSync(temp, path.join(dataDir, SAVED_AT));
  const retired = path.join(dataDir, `redo.retired-${Date.now()}-${process.pid}`);
  try {
    renameSync(path.join(dataDir, 'redo'), retired);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return;
  }
  rmSync(retired, { recursive: true, force: true });
}

/** Folders retired whole whose deletion a crash interrupted: never replayed (what they held was saved). */
export function removeRetiredRedoLogs(dataDir: string): void {
  for (const name of readdirSync(dataDir))
    if (name.startsWith('redo.retired-')) rmSync(path.join(dataDir, name), { recursive: true, force: true });
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
