import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { DEV_ACCOUNT, devConnectionString, startEmbeddedAzurite, type EmbeddedAzurite } from './embeddedAzurite.js';
import {
  applyRedoEntries,
  logTime,
  readSavedAt,
  RedoLog,
  redoFiles,
  removeRetiredRedoLogs,
  replayWindow,
  retireRedoLogs,
} from './redoLog.js';
import { TableStore } from './tableStore.js';
import { isRunning, stopAzurite } from './processStop.js';

/**
 * The embedded store on disk has one Azurite process at a time, ever (two would overwrite each other's
 * files). The marker in DATA_DIR names that Azurite's own process and port: the bot, the command-line
 * tools and a second bot instance attach to it while it answers; one left behind by a killed bot is
 * adopted; one that no longer answers is stopped before another starts.
 *
 * Deciding to start or attach, starting, recovering and stopping all happen under one lock on the data
 * folder, so processes started in the same instant cannot each find no marker and start their own; one
 * that waited reads the marker again and attaches. The lock is a folder whose time its holder refreshes:
 * a holder killed part way is taken over once its lock is STALE_MS old.
 *
 * Whoever starts Azurite first recovers what a crash left in the redo logs (recover below); everyone
 * attached logs their writes there (see redoLog.ts).
 */
export type EmbeddedStore = EmbeddedAzurite & { attached: boolean; redo: RedoLog; replayed: number };

/** What start-up is doing, for the log (tests aim their kills by it). */
export type StartProgress = (
  event: 'waiting for another process to start the store' | 'recovery started' | 'replaying' | 'recovery finished',
  detail: Record<string, unknown>,
) => void;

/** `recovering`: this Azurite holds a replay not yet saved; nobody may attach to it. */
type Marker = { azuritePid: number; ownerPid: number; port: number; recovering?: boolean };

const STALE_MS = 10_000;
/** Long enough to wait for another process's recovery of a large window. */
const LOCK_WAIT_MS = 5 * 60_000;

export async function startOrAttachAzurite(
  dataDir: string,
  progress: StartProgress = () => undefined,
): Promise<EmbeddedStore> {
  mkdirSync(dataDir, { recursive: true });
  const markerFile = path.join(dataDir, 'azurite-endpoint.json');
  const redoDir = path.join(dataDir, 'redo');
  const lock = await StartLock.take(dataDir, () => progress('waiting for another process to start the store', {}));
  try {
    const existing = readMarker(markerFile);
    if (existing && !existing.recovering && isRunning(existing.azuritePid) && (await answers(existing.port))) {
      // A bot killed on its own leaves its Azurite running: the next one adopts it (and stops it later).
      const adopt = !isRunning(existing.ownerPid);
      if (adopt) writeMarker(markerFile, { ...existing, ownerPid: process.pid });
      const redo = new RedoLog(redoDir, undefined, () => stillServing(markerFile, existing.azuritePid));
      return {
        port: existing.port,
        pid: existing.azuritePid,
        connectionString: devConnectionString(existing.port),
        attached: !adopt,
        redo,
        replayed: 0,
        stop: adopt
          ? () => stopOwned(dataDir, redo, () => stopAzurite(existing.azuritePid))
          : async () => (await redo.close(), 'gone' as const),
      };
    }
    if (existing && isRunning(existing.azuritePid)) {
      // Not answering, or left half-way through a recovery by a killed process: it must not keep the files
      // open (or save a partial replay over them) while another Azurite uses them. Killed, it saves nothing.
      process.kill(existing.azuritePid, 'SIGKILL');
      await until(() => !isRunning(existing.azuritePid));
    }
    rmSync(markerFile, { force: true });

    const replayed = await recover(dataDir, lock, progress);
    const azurite = await startEmbeddedAzurite({
      location: dataDir,
      onSpawn: (pid, port) => claim(lock, markerFile, pid, port),
    });
    const redo = new RedoLog(redoDir, undefined, () => stillServing(markerFile, azurite.pid!));
    lock.check();
    writeMarker(markerFile, { azuritePid: azurite.pid!, ownerPid: process.pid, port: azurite.port });
    lock.unguard();
    return {
      ...azurite,
      attached: false,
      redo,
      replayed,
      stop: () => stopOwned(dataDir, redo, () => azurite.stop()),
    };
  } finally {
    await lock.release();
  }
}

/**
 * Replays what the redo logs hold beyond what Azurite last saved, and makes it durable, before anyone reads
 * or writes. The order is what makes a crash at any step harmless:
 *   start Azurite → replay the window (never logged again) → stop it cleanly, which saves → record the
 *   moment and retire the logs whole.
 * Killed before the save, the logs are intact and Azurite's file holds the old state plus at most a part of
 * the replay (LokiJS saves to a temporary file and renames it, so never a torn file); replaying the whole
 * window onto that gives the same result (see redoLog.ts). Killed after it, the saved state holds
 * everything, and the logs are either all still there (the window is replayed again onto a state that
 * already holds it, which changes nothing, or left out by the recorded moment) or retired.
 */
async function recover(dataDir: string, lock: StartLock, progress: StartProgress): Promise<number> {
  const redoDir = path.join(dataDir, 'redo');
  removeRetiredRedoLogs(dataDir);
  const names = redoFiles(redoDir);
  if (names.length === 0) return 0;
  const { entries, from } = replayWindow(redoDir, names, readSavedAt(dataDir));
  if (entries.length > 0) {
    progress('recovery started', { files: names.length, entries: entries.length, from: new Date(from).toISOString() });
    const markerFile = path.join(dataDir, 'azurite-endpoint.json');
    const azurite = await startEmbeddedAzurite({
      location: dataDir,
      onSpawn: (pid, port) => claim(lock, markerFile, pid, port),
    });
    try {
      progress('replaying', { port: azurite.port });
      const store = new TableStore(azurite.connectionString);
      await applyRedoEntries(entries, (name) => store.table(name as never));
      lock.check();
    } catch (error) {
      if (azurite.pid) process.kill(azurite.pid, 'SIGKILL');
      throw error;
    }
    const result = await azurite.stop();
    if (result !== 'saved')
      throw new Error(
        `Azurite did not save the writes replayed from the redo log (it ${result === 'killed' ? 'had to be killed' : 'had gone'}); ` +
          `nothing was started, and the logs in ${redoDir} are kept for the next start.`,
      );
    lock.unguard();
    rmSync(markerFile, { force: true });
  }
  lock.check();
  retireRedoLogs(dataDir, logTime());
  progress('recovery finished', { replayed: entries.length });
  return entries.length;
}

/**
 * Stops an Azurite this process owns, under the start lock (so nobody starts another on the folder while it
 * saves). Only once it has saved everything may the logs go, and then all of them, any process's.
 */
async function stopOwned(
  dataDir: string,
  redo: RedoLog,
  stopAzuriteProcess: () => Promise<'saved' | 'killed' | 'gone'>,
): Promise<'saved' | 'killed' | 'gone'> {
  const markerFile = path.join(dataDir, 'azurite-endpoint.json');
  // Stopping goes ahead without the lock rather than leave Azurite unsaved.
  const lock = await StartLock.take(dataDir).catch(() => undefined);
  try {
    if (readMarker(markerFile)?.ownerPid === process.pid) rmSync(markerFile, { force: true });
    await redo.close();
    const result = await stopAzuriteProcess();
    if (result === 'saved') retireRedoLogs(dataDir, logTime());
    return result;
  } finally {
    await lock?.release();
  }
}

/** The lock on deciding who starts Azurite on a data folder (proper-lockfile, with stale detection). */
class StartLock {
  private compromised: Error | undefined;
  private guarded: number | undefined;

  private constructor(private releaseLock: () => Promise<void>) {}

  static async take(dataDir: string, waiting: () => void = () => undefined): Promise<StartLock> {
    const options = (onCompromised: (error: Error) => void, retries: number) => ({
      lockfilePath: path.join(dataDir, 'azurite-start.lock'),
      realpath: false,
      stale: STALE_MS,
      update: 2_000,
      retries: { retries, factor: 1, minTimeout: 250, maxTimeout: 250 },
      onCompromised,
    });
    const lock = new StartLock(async () => undefined);
    const onCompromised = (error: Error) => lock.lose(error);
    try {
      lock.releaseLock = await lockfile.lock(dataDir, options(onCompromised, 0));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      waiting();
      lock.releaseLock = await lockfile.lock(dataDir, options(onCompromised, LOCK_WAIT_MS / 250));
    }
    return lock;
  }

  /** An Azurite started under this lock: killed at once should the lock be taken over (two would then run). */
  guard(pid: number): void {
    this.guarded = pid;
  }

  unguard(): void {
    this.guarded = undefined;
  }

  check(): void {
    if (this.compromised)
      throw new Error(`lost the lock on the data folder while starting: ${this.compromised.message}`);
  }

  private lose(error: Error): void {
    this.compromised = error;
    if (this.guarded !== undefined && isRunning(this.guarded)) process.kill(this.guarded, 'SIGKILL');
  }

  async release(): Promise<void> {
    if (this.compromised) return;
    await this.releaseLock().catch(() => undefined);
  }
}

/**
 * Names an Azurite the moment it exists, as not to be attached to: a process killed before it was ready
 * leaves a marker, so the next start kills the orphan instead of running a second Azurite beside it.
 */
function claim(lock: StartLock, markerFile: string, azuritePid: number, port: number): void {
  lock.guard(azuritePid);
  writeMarker(markerFile, { azuritePid, ownerPid: process.pid, port, recovering: true });
}

/** Whether the Azurite a process logs for is still the one serving the folder (its pid could be reused). */
function stillServing(markerFile: string, azuritePid: number): boolean {
  return isRunning(azuritePid) && readMarker(markerFile)?.azuritePid === azuritePid;
}

async function until(ok: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
}

function readMarker(file: string): Marker | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Marker>;
    return typeof value.azuritePid === 'number' && typeof value.ownerPid === 'number' && typeof value.port === 'number'
      ? (value as Marker)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Written whole or not at all: a reader never sees half a marker. */
function writeMarker(file: string, marker: Marker): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(marker));
  renameSync(`${file}.tmp`, file);
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/${DEV_ACCOUNT}/Tables`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}
