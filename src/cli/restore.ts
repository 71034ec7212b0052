import { existsSync } from 'node:fs';
import path from 'node:path';
import { BackupInvalid, BackupRefused, restoreTables, tablesOf } from '../storage/tableBackup.js';
import { lines, runCli, withServices, type CliIo } from './cliStorage.js';
import { progressBar } from './progress.js';

const USAGE = `Restore a backup made by npm run backup into the store (the embedded one under DATA_DIR, or the configured account).

  npm run restore -- <folder> [--into-non-empty]

First checks the manifest and every file's checksum and rows: a changed, damaged or missing file is
refused before anything is written. Then refuses a store that holds any rows, unless --into-non-empty
is given (rows with the same keys are then replaced, others kept). Writes each table in transactions
of up to 100 entities of one partition. A restore cut short can be run again with --into-non-empty.
Stop the bot first: it should not write while its store is being restored.`;

export async function main(io: CliIo): Promise<number> {
  const { out, err } = lines(io);
  const args = io.argv;
  if (args.includes('--help')) {
    out(USAGE);
    return 0;
  }
  const intoNonEmpty = args.includes('--into-non-empty');
  const rest = args.filter((a) => a !== '--into-non-empty');
  if (rest.length !== 1 || rest[0]!.startsWith('--')) {
    err(`Give exactly one backup folder.\n\n${USAGE}`);
    return 2;
  }
  const folder = path.resolve(rest[0]!);
  if (!existsSync(folder)) {
    err(`No such folder: ${folder}`);
    return 2;
  }
  return withServices(io, async (s) => {
    const bars = {
      verifying: stopsOnce(progressBar('Verifying rows', io.stderr)),
      writing: stopsOnce(progressBar('Restoring rows', io.stderr)),
    };
    const started = Date.now();
    let report;
    try {
      report = await restoreTables(tablesOf(s.store), folder, {
        intoNonEmpty,
        onProgress: (p) => {
          if (p.phase === 'writing') bars.verifying.stop();
          bars[p.phase].update(p.rows, p.rowsTotal);
        },
      });
    } catch (error) {
      bars.verifying.stop();
      bars.writing.stop();
      if (error instanceof BackupInvalid || error instanceof BackupRefused) {
        err(`Refused: ${error.message}\nNothing was written to the store.`);
        return 1;
      }
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\nThe store may now hold part of the backup: ` +
          'once the cause is fixed, run the restore again with --into-non-empty (rows are replaced by their keys).',
      );
    }
    bars.verifying.stop();
    bars.writing.stop();
    const seconds = (Date.now() - started) / 1000;
    const m = report.manifest;
    out(
      `Restored ${report.rows} rows into ${report.tables.length} tables in ${seconds.toFixed(1)} s, from the backup of ${m.finishedAt} (tool version ${m.tool.version}):`,
    );
    for (const t of report.tables) out(`  ${t.name.padEnd(20)} ${String(t.rows).padStart(9)} rows`);
    out('Checksums and row counts matched the manifest.');
    return 0;
  });
}

runCli(import.meta.url, main);

function stopsOnce<B extends { stop(): void }>(bar: B): B {
  let stopped = false;
  return Object.assign(Object.create(bar) as B, {
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  });
}
