import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fromRoot } from '../../src/config/projectPaths.js';
import { compileSource } from '../../scripts/compileSource.mjs';

/** The compiled tree's folder in its temporary root: two folders above src/config, as projectPaths expects. */
const OUT = '.compiled-src';

let root: string | undefined;

/**
 * The bot's own source compiled once per test process, for tests that start the real bot (or a command) as a
 * process many times: `node <compiled>/index.js` runs the same code as `tsx src/index.ts` (esbuild is what tsx
 * compiles with, here with tsx's own settings; scripts/compileSource.mjs, as `npm start` does), without tsx
 * compiling and hooking every module at each start. Each file is compiled alone, as tsx does, not bundled.
 *
 * The compiled files sit in a temporary root beside links to everything in the project's root (seeds, cards,
 * manifest, src, node_modules, package.json…), so `fromRoot` and package resolution find what they find under
 * tsx. Removed when the test process exits. Returns the path of the compiled file for `src/<entry>.ts`.
 */
export function compiledEntry(entry = 'index'): string {
  root ??= compile();
  return path.join(root, OUT, `${entry}.js`);
}

function compile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'send-bot-compiled-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const name of readdirSync(fromRoot())) if (name !== OUT) symlinkSync(fromRoot(name), path.join(dir, name));
  compileSource(path.join(dir, OUT));
  return dir;
}

/**
 * A process that opens the embedded store under `dataDir` exactly as the bot does at start-up
 * (`startOrAttachAzurite`, compiled as above), printing each step of its start as a JSON line (`event`:
 * 'recovery started', 'replaying', 'recovery finished', then 'ready'), then keeps it open until killed. In
 * its own process group with the Azurite it starts, so a test can kill both at any step of a recovery at a
 * fraction of the bot's start-up cost (the bot runs this same code first, before loading the rest of itself).
 */
export function launchStoreStart(dataDir: string): StoreStartProcess {
  const sharedAzurite = pathToFileURL(compiledEntry('storage/sharedAzurite')).href;
  const script = [
    `const { startOrAttachAzurite } = await import(${JSON.stringify(sharedAzurite)});`,
    `const log = (o) => console.log(JSON.stringify(o));`,
    `const store = await startOrAttachAzurite(process.argv[1], (event, detail) => log({ event, ...detail }));`,
    `log({ event: 'ready', port: store.port, azuritePid: store.pid, attached: store.attached, replayed: store.replayed });`,
    `setInterval(() => undefined, 1 << 30);`,
  ].join('\n');
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, dataDir], {
    cwd: fromRoot(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new StoreStartProcess(child);
}

export class StoreStartProcess {
  output = '';
  constructor(readonly child: ChildProcess) {
    child.stdout!.on('data', (d) => (this.output += d));
    child.stderr!.on('data', (d) => (this.output += d));
  }

  /** Signals the whole process group (the process and the Azurite it started). */
  killGroup(signal: NodeJS.Signals): void {
    try {
      if (this.child.pid) process.kill(-this.child.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }
}
