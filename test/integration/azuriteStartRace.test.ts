import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { azuriteProcesses } from '../support/azuriteProcesses.js';
import { fromRoot } from '../../src/config/projectPaths.js';
import { waitUntil } from '../support/botProcess.js';
import { compiledEntry } from '../support/compiledBot.js';

const PROCESSES = 3;

/**
 * A tiny process for the race: opens the embedded store under argv[1] as the bot's start does (its code compiled
 * once for this test process, compiledBot.ts), prints which Azurite it got, and stops it cleanly when its stdin
 * closes.
 */
const ATTACH_STORE = [
  `const { startOrAttachAzurite } = await import(${JSON.stringify(pathToFileURL(compiledEntry('storage/sharedAzurite')).href)});`,
  `const store = await startOrAttachAzurite(process.argv[1]);`,
  `console.log(JSON.stringify({ ready: true, pid: process.pid, port: store.port, azuritePid: store.pid, attached: store.attached }));`,
  `process.stdin.resume();`,
  `process.stdin.on('end', () => void store.stop().then((result) => { console.log(JSON.stringify({ stopped: result })); process.exit(0); }));`,
].join('\n');

/**
 * Several processes opening the embedded store on one data folder in the same instant (two bots started
 * together, or a bot and a command-line tool): exactly one Azurite runs and every process uses it. Two
 * would each keep their own copy in memory and overwrite each other's file.
 */
describe('processes starting at the same instant on one data folder (real processes)', function () {
  this.timeout(180_000);
  const children: ChildProcess[] = [];
  const dataDir = mkdtempSync(path.join(tmpdir(), 'send-bot-race-'));
  after(() => {
    children.forEach((c) => c.exitCode === null && c.kill('SIGKILL'));
    // Killed, the processes leave their Azurites running: those are this test's to stop.
    azuriteProcesses(dataDir).forEach((pid) => process.kill(pid, 'SIGKILL'));
  });

  it(`${PROCESSES} processes started together share one Azurite`, async () => {
    const outputs: string[] = Array.from({ length: PROCESSES }, () => '');
    for (let i = 0; i < PROCESSES; i++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', ATTACH_STORE, dataDir], {
        cwd: fromRoot(),
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => (outputs[i] += d));
      child.stderr!.on('data', (d) => (outputs[i] += d));
      children.push(child);
    }
    await waitUntil(
      () => outputs.every((o) => o.includes('"ready"')),
      120_000,
      () => outputs.join('\n---\n'),
    );
    const ready = outputs.map((o) => JSON.parse(o.split('\n').find((l) => l.includes('"ready"'))!) as { port: number });
    const running = azuriteProcesses(dataDir);
    const ports = new Set(ready.map((r) => r.port));
    expect({ azurites: running.length, ports: ports.size }, outputs.join('\n---\n')).to.deep.equal({
      azurites: 1,
      ports: 1,
    });

    // Attached processes leave first; the one that started Azurite stops it.
    const order = [...children.keys()].sort(
      (a, b) => Number(outputs[b]!.includes('"attached":true')) - Number(outputs[a]!.includes('"attached":true')),
    );
    for (const i of order) {
      children[i]!.stdin!.end();
      await waitUntil(
        () => children[i]!.exitCode !== null,
        60_000,
        () => outputs[i]!,
      );
    }
    expect(azuriteProcesses(dataDir), 'Azurite stopped with its owner').to.have.length(0);
  });
});
