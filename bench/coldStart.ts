import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fromRoot } from '../src/config/projectPaths.js';
import { rssMiB } from './stats.js';

/**
 * The built app (node dist/index.js) as production starts it, against the benchmark's store: how long from
 * spawning the process until GET /readyz answers 200, beside a bare Node HTTP server spawned the same way
 * (the baseline: what starting any Node process costs here), and the bot process's own memory after it has
 * answered questions. Each is measured in its own process, so the benchmark's own heap is not counted.
 */
export async function measureBuiltApp(
  connectionString: string,
  opts: { today: string; questions: string[]; rounds: number },
): Promise<{ readyMs: number; baselineMs: number; rssMiB: number }> {
  const baselineMs = await bareNodeMs();

  const port = await freePort();
  const app = spawn(process.execPath, [fromRoot('dist', 'index.js')], {
    cwd: fromRoot(),
    stdio: 'ignore',
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      STORAGE_CONNECTION_STRING: connectionString,
      DEV_ROLES: 'practitioner',
      DEMO_DATA: 'false',
      BOT_TODAY: opts.today,
      LOG_LEVEL: 'silent',
    },
  });
  try {
    const readyMs = await timeToAnswer(app, `http://127.0.0.1:${port}/readyz`);
    for (let r = 0; r < opts.rounds; r++)
      for (const text of opts.questions) await askBot(`http://127.0.0.1:${port}/api/messages`, text, 'bench-cold');
    return { readyMs, baselineMs, rssMiB: rssMiB(app.pid) };
  } finally {
    app.kill('SIGKILL');
  }
}

/**
 * A newcomer's first `npm start` (after `npm ci`): embedded Azurite on a fresh data folder, demo data on, from
 * spawning npm until GET /readyz answers 200 (the bot listens before the demo data loads), beside a bare Node
 * HTTP server spawned the same way. Each of `runs` starts gets its own fresh folder; the median is reported.
 */
export async function measureNpmStart(runs: number): Promise<{ readyMs: number[]; baselineMs: number[] }> {
  const readyMs: number[] = [];
  const baselineMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    baselineMs.push(await bareNodeMs());
    const dataDir = mkdtempSync(path.join(tmpdir(), 'send-bench-start-'));
    const port = await freePort();
    // Its own process group, so npm, the bot and its Azurite are stopped together, as Ctrl+C stops them.
    const start = spawn('npm', ['start', '--silent'], {
      cwd: fromRoot(),
      stdio: 'ignore',
      detached: true,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        DATA_DIR: dataDir,
        DEV_ROLES: 'practitioner',
        LOG_LEVEL: 'silent',
      },
    });
    try {
      readyMs.push(await timeToAnswer(start, `http://127.0.0.1:${port}/readyz`));
    } finally {
      const exited = new Promise((r) => start.once('exit', r));
      process.kill(-start.pid!, 'SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { readyMs, baselineMs };
}

/** The baseline: milliseconds from spawning a bare Node HTTP server until it answers (what starting any Node process costs here). */
async function bareNodeMs(): Promise<number> {
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ['-e', `require('http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`],
    { stdio: 'ignore' },
  );
  return timeToAnswer(server, `http://127.0.0.1:${port}/`);
}

/** Milliseconds from spawning until `url` answers 200 (polled every 5 ms); the process is left running. */
async function timeToAnswer(child: ChildProcess, url: string): Promise<number> {
  const started = performance.now();
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${url}: the process exited (code ${code}) before answering`))),
  );
  exited.catch(() => undefined);
  for (;;) {
    if (performance.now() - started > 120_000) throw new Error(`${url} did not answer within 120 s`);
    const ok = await Promise.race([
      fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
        (res) => res.status === 200,
        () => false,
      ),
      exited,
    ]);
    if (ok) {
      const ms = performance.now() - started;
      if (!url.includes('/readyz')) child.kill('SIGKILL');
      return ms;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** One question to the bot over HTTP with expectReplies; anything but a 200 with replies is an error. */
export async function askBot(url: string, text: string, conversation = 'bench-conv'): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'message',
      id: randomUUID(),
      text,
      deliveryMode: 'expectReplies',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:1',
      from: { id: 'bench-user' },
      recipient: { id: 'bot' },
      conversation: { id: conversation, conversationType: 'personal' },
    }),
  });
  const body = (await res.json()) as { activities?: unknown[] };
  if (res.status !== 200 || !body.activities?.length) throw new Error(`no reply to "${text}" (HTTP ${res.status})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
