import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import type { Locator } from 'playwright-core';

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

/**
 * Lays a card of the Playground out at a given width (the Playground's own bubble is about 446 px; Teams
 * desktop gives a card about 560 px, wider with a wide window), so its height can be measured as read there.
 */
export async function atCardWidth(card: Locator, width: number): Promise<{ width: number; height: number }> {
  await card.evaluate((el, w) => {
    const panel = el.parentElement as HTMLElement;
    panel.style.width = `${w}px`;
    panel.style.maxWidth = 'none';
    let e = panel.parentElement;
    for (let k = 0; k < 7 && e; k++, e = e.parentElement) {
      e.style.maxWidth = 'none';
      e.style.width = 'max-content';
      e.style.overflow = 'visible';
    }
  }, width);
  await card.page().waitForTimeout(300);
  const box = (await card.boundingBox())!;
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

/** Words of 4 or more letters that a card shows broken over two lines (a narrow column breaks long words). */
export function wordsSplit(card: Locator): Promise<string[]> {
  return card.evaluate((el) => {
    const out: string[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!t.parentElement?.offsetParent) continue; // not shown (a closed section)
      for (const m of (t.textContent ?? '').matchAll(/[A-Za-z][A-Za-z'’]{3,}/g)) {
        const r = document.createRange();
        r.setStart(t, m.index);
        r.setEnd(t, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    return out;
  });
}
