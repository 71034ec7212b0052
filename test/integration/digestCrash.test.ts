import { spawn, type ChildProcess } from 'node:child_process';
import { expect } from 'chai';
import getPort from 'get-port';
import { loadConfig } from '../../src/config/config.js';
import { fromRoot } from '../../src/config/projectPaths.js';
import { composeServices } from '../../src/composeServices.js';
import type { EmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';
import { freshAccount } from '../support/testAzurite.js';
import { RecordingChannel } from '../support/recordingChannel.js';
import { compiledEntry } from '../support/compiledBot.js';

const SECRET = 'digest-trigger-secret-for-tests';
const SUBSCRIBERS = 40;

/**
 * A bot process killed (SIGKILL) in the middle of a term-end send, then started again: every subscriber
 * ends up with the digest at most once, and the run resumes with the ones not yet sent. The bot runs
 * compiled (compiledBot.ts: the same code as under tsx, half the start-up CPU).
 */
describe('digest send interrupted by a killed process (real processes, real Azurite)', function () {
  this.timeout(180_000);
  let azurite: EmbeddedAzurite;
  let channel: RecordingChannel;
  const children: ChildProcess[] = [];

  before(async () => {
    azurite = await freshAccount();
    channel = await RecordingChannel.start({ delayMs: 80 });
    const product = composeServices(
      loadConfig({ STORAGE_CONNECTION_STRING: azurite.connectionString, LOG_LEVEL: 'silent' }),
      { target: azurite.connectionString },
    );
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const address = {
        conversationId: `a:manager-${i}`,
        serviceUrl: channel.url,
        channelId: 'msteams',
        conversationType: 'personal' as const,
        tenantId: 't1',
        botId: 'bot',
      };
      expect(await product.services.digests.subscribe(address, `manager-${i}`)).to.equal('subscribed');
    }
  });
  after(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await channel?.close();
    await azurite?.stop();
  });

  async function startBot(): Promise<{ port: number; child: ChildProcess }> {
    const port = await getPort({ host: '127.0.0.1' });
    const env = {
      ...process.env,
      PORT: String(port),
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      BOT_TODAY: '2027-01-02',
      DEMO_DATA: 'false',
      DIGEST_TRIGGER_SECRET: SECRET,
      DIGEST_LEASE_SECONDS: '2',
      DIGEST_SENDS_PER_SECOND: '20',
      LOG_LEVEL: 'info',
    };
    const child = spawn(process.execPath, [compiledEntry()], {
      cwd: fromRoot(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const until = Date.now() + 60_000;
    while (!output.includes('bot listening')) {
      if (Date.now() > until || child.exitCode !== null) throw new Error(`bot did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    return { port, child };
  }

  const run = (port: number) =>
    fetch(`http://127.0.0.1:${port}/api/digests/run`, {
      method: 'POST',
      headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
      body: '{}',
    });

  it('resumes after the kill without sending anyone the digest twice', async () => {
    const first = await startBot();
    run(first.port).catch(() => undefined); // the process dies before it answers
    const until = Date.now() + 60_000;
    while (channel.received.length < 10) {
      if (Date.now() > until) throw new Error(`only ${channel.received.length} sent before the deadline`);
      await new Promise((r) => setTimeout(r, 20));
    }
    first.child.kill('SIGKILL');
    const killedAt = Date.now();
    await new Promise((r) => first.child.once('exit', r));
    const beforeRestart = channel.received.length;
    expect(beforeRestart, 'killed mid-send').to.be.lessThan(SUBSCRIBERS);

    const second = await startBot();
    // The dead instance's leases (2 s) run out before the run is asked for: the start-up counts towards it.
    await new Promise((r) => setTimeout(r, Math.max(0, killedAt + 2_500 - Date.now())));
    const report = (await (await run(second.port)).json()) as Record<string, number>;
    const perConversation = new Map<string, number>();
    for (const r of channel.received)
      perConversation.set(r.conversationId, (perConversation.get(r.conversationId) ?? 0) + 1);
    expect(
      [...perConversation.values()].every((n) => n === 1),
      'nobody got it twice',
    ).to.equal(true);
    expect(report.sent + report.uncertain, JSON.stringify(report)).to.equal(SUBSCRIBERS);
    expect(report.uncertain, 'only sends in flight at the kill are uncertain').to.be.at.most(4);
    expect(report.pending).to.equal(0);
    expect(channel.received.length, 'the rest were sent after the restart').to.be.greaterThan(beforeRestart);
    // Those recorded as sent all arrived.
    expect(perConversation.size).to.be.at.least(report.sent);

    const again = (await (await run(second.port)).json()) as Record<string, number>;
    expect(again.sent).to.equal(report.sent);
    expect(channel.received.length, 'a third run sends nothing').to.equal([...perConversation.values()].length);
    second.child.kill('SIGTERM');
  });
});
