import { readFileSync } from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { redactedSummary } from '../config/config.js';
import { fromRoot } from '../config/projectPaths.js';
import { BackupRefused, backupTables, tablesOf, type BackupProgress } from '../storage/tableBackup.js';
import { lines, runCli, withServices, type CliIo, type CliStream } from './cliStorage.js';

const USAGE = `Back up every table of the store (the embedded one under DATA_DIR, or the configured account) into a folder.

  npm run backup -- <folder> [--overwrite]

Writes one file per table (<table>.jsonl: one entity a line, every property with its type) and, last,
manifest.json (the tables, their row counts and SHA-256 checksums, the time and this tool's version).
A folder without manifest.json is not a backup. A folder that already holds one is refused unless
--overwrite is given. Works whether the bot is running or not; rows written while it runs may or may
not be included (Table Storage has no snapshot), so stop the bot for a backup taken at one moment.`;

export async function main(io: CliIo): Promise<number> {
  const { out, err } = lines(io);
  const args = io.argv;
  if (args.includes('--help')) {
    out(USAGE);
    return 0;
  }
  const overwrite = args.includes('--overwrite');
  const rest = args.filter((a) => a !== '--overwrite');
  if (rest.length !== 1 || rest[0]!.startsWith('--')) {
    err(`Give exactly one folder.\n\n${USAGE}`);
    return 2;
  }
  const folder = path.resolve(rest[0]!);
  const version = (JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string }).version;
  return withServices(io, async (s, config) => {
    const bar = backupBar(io.stderr);
    const started = Date.now();
    let manifest;
    try {
      manifest = await backupTables(tablesOf(s.store), folder, {
        overwrite,
        toolVersion: version,
        source: redactedSummary(config, io.env).storage as Record<string, string>,
        onProgress: (p) => bar.update(p),
      });
    } catch (error) {
      bar.stop();
      if (error instanceof BackupRefused) {
        err(`Refused: ${error.message}`);
        return 1;
      }
      throw new Error(
        `${error instanceof Error ? error.message : String(error)}\nNo manifest was written: ${folder} does not hold a usable backup.`,
      );
    }
    bar.stop();
    const rows = manifest.tables.reduce((n, t) => n + t.rows, 0);
    const seconds = (Date.now() - started) / 1000;
    out(`Backed up ${rows} rows from ${manifest.tables.length} tables in ${seconds.toFixed(1)} s to ${folder}:`);
    for (const t of manifest.tables) out(`  ${t.name.padEnd(20)} ${String(t.rows).padStart(9)} rows`);
    out(`Manifest: ${path.join(folder, 'manifest.json')} (tool version ${version}, ${manifest.finishedAt}).`);
    return 0;
  });
}

runCli(import.meta.url, main);

/** Tables done of all, and rows so far (a table's size is not known before it is read). */
function backupBar(stderr: CliStream): { update(p: BackupProgress): void; stop(): void } {
  if (!stderr.isTTY) {
    let last = -1;
    return {
      update(p) {
        if (p.tablesDone !== last) {
          last = p.tablesDone;
          stderr.write(`backing up: ${p.tablesDone}/${p.tablesTotal} tables, ${p.rows} rows\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: 'Backing up [{bar}] {value}/{total} tables | {rows} rows | {table}',
      stream: stderr as NodeJS.WritableStream,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      if (!started) {
        bar.start(p.tablesTotal, 0, { rows: 0, table: '' });
        started = true;
      }
      bar.update(p.tablesDone, { rows: p.rows, table: p.table });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
