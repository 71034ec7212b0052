import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';

export type Playground = { url: string; port: number; stop(): Promise<void> };

/** The Microsoft 365 Agents Playground against a bot, telemetry off, on a free port (read back from its output). */
export async function startPlayground(botMessagesUrl: string): Promise<Playground> {
  const cli = path.join(
    path.dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')),
    'cli.js',
  );
  const wanted = await getPort({ host: '127.0.0.1' });
  const child = spawn(
    process.execPath,
    [cli, '-e', botMessagesUrl, '-c', 'msteams', '-p', String(wanted), '--disable-telemetry'],
    {
      env: {
        ...process.env,
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(tmpdir(), `playground-${wanted}.log`),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the Playground did not start:\n${out}`)), 60_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the Playground exited (${code}):\n${out}`)));
  });
  child.stdout.resume();
  child.stderr.resume();
  return { url: `http://localhost:${port}`, port, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}
