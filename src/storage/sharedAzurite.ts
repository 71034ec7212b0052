import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEV_ACCOUNT, devConnectionString, startEmbeddedAzurite, type EmbeddedAzurite } from './embeddedAzurite.js';
import { RedoLog, redoFiles, replayRedoLogs } from './redoLog.js';
import { TableStore } from './tableStore.js';
import { isRunning, stopAzurite } from './processStop.js';

/**
 * The embedded store on disk has one Azurite process at a time, ever (two would overwrite each other's
 * files). The marker in DATA_DIR names that Azurite's own process and port: the bot, the command-line
 * tools and a second bot instance attach to it while it answers; one left behind by a killed bot is
 * adopted; one that no longer answers is stopped before another starts.
 *
 * Whoever starts Azurite first replays the redo logs a crash left (what families were told was saved),
 * and everyone attached logs their writes there (see redoLog.ts).
 */
export type EmbeddedStore = EmbeddedAzurite & { attached: boolean; redo: RedoLog; replayed: number };

type Marker = { azuritePid: number; ownerPid: number; port: number };

export async function startOrAttachAzurite(dataDir: string): Promise<EmbeddedStore> {
  const markerFile = path.join(dataDir, 'azurite-endpoint.json');
  const redoDir = path.join(dataDir, 'redo');
  const existing = readMarker(markerFile);
  if (existing && isRunning(existing.azuritePid)) {
    if (await answers(existing.port)) {
      // A bot killed on its own leaves its Azurite running: the next one adopts it (and stops it later).
      const adopt = !isRunning(existing.ownerPid);
      if (adopt) writeMarker(markerFile, { ...existing, ownerPid: process.pid });
      const redo = new RedoLog(redoDir);
      return {
        port: existing.port,
        pid: existing.azuritePid,
        connectionString: devConnectionString(existing.port),
        attached: !adopt,
        redo,
        replayed: 0,
        stop: adopt
          ? () => stopAdopted(existing.azuritePid, markerFile, redo)
          : async () => (await redo.close(), 'gone' as const),
      };
    }
    // Alive but not answering: it must not keep the files open while another Azurite uses them.
    process.kill(existing.azuritePid, 'SIGKILL');
  }
  const azurite = await startEmbeddedAzurite({ location: dataDir });
  writeMarker(markerFile, { azuritePid: azurite.pid!, ownerPid: process.pid, port: azurite.port });
  // Replayed writes are logged again, as new writes: until this Azurite has saved them they are as
  // exposed to a crash as any other.
  const leftBehind = redoFiles(redoDir);
  const redo = new RedoLog(redoDir);
  const replayStore = new TableStore(azurite.connectionString, redo);
  const { replayed } = await replayRedoLogs(redoDir, leftBehind, (name) => replayStore.table(name as never));
  return {
    ...azurite,
    attached: false,
    redo,
    replayed,
    stop: async () => {
      if (readMarker(markerFile)?.ownerPid === process.pid) rmSync(markerFile, { force: true });
      await redo.close();
      // Azurite saves everything on a clean stop: only then is this process's log no longer needed.
      const result = await azurite.stop();
      if (result === 'saved') await redo.discard();
      return result;
    },
  };
}

/** Stops an adopted Azurite like one's own: the redo log goes only once Azurite has saved. */
async function stopAdopted(pid: number, markerFile: string, redo: RedoLog): Promise<'saved' | 'killed' | 'gone'> {
  rmSync(markerFile, { force: true });
  await redo.close();
  const result = await stopAzurite(pid);
  if (result === 'saved') await redo.discard();
  return result;
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

function writeMarker(file: string, marker: Marker): void {
  writeFileSync(file, JSON.stringify(marker));
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/${DEV_ACCOUNT}/Tables`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}
