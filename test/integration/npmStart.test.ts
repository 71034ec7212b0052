import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import getPort from 'get-port';
import { fromRoot } from '../../src/domain/projectPaths.js';

/** The newcomer's promise: `npm start` runs the bot with embedded storage and demo data, and answers. */
describe('npm start', function () {
  this.timeout(120_000);

  it('starts with embedded Azurite and demo data, answers "help" with expectReplies, and stops Azurite on SIGTERM', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'send-bot-start-'));
    const port = await getPort({ host: '127.0.0.1' });
    const child = spawn('npm', ['start', '--silent'], {
      cwd: fromRoot(),
      env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DEV_ROLES: 'practitioner', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      await waitFor(
        () => output.includes('bot listening'),
        90_000,
        () => output,
      );
      expect(output).to.include('demo survey answers loaded');
      expect(output).to.include('demo waiting-list extract loaded');
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'a1',
          text: 'help',
          deliveryMode: 'expectReplies',
          channelId: 'msteams',
          serviceUrl: 'http://127.0.0.1:1',
          from: { id: 'u1' },
          recipient: { id: 'bot' },
          conversation: { id: 'c1' },
        }),
      });
      expect(res.status).to.equal(200);
      const body = (await res.json()) as { activities: { text?: string; summary?: string }[] };
      // A card's one-line text is its summary (no second bubble beside the card).
      expect(body.activities.map((a) => a.text ?? a.summary).join(' ')).to.match(/What I can do/);
      // No secret in the start-up log.
      expect(output).not.to.match(/AccountKey=|Eby8vdM02x/);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

async function waitFor(check: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out; output so far:\n${describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
