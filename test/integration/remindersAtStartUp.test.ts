import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import getPort from 'get-port';
import { startOrAttachAzurite } from '../../src/storage/sharedAzurite.js';
import { BotHarness } from '../support/botHarness.js';
import { BotProcess, waitUntil } from '../support/botProcess.js';
import { FakeNotify } from '../support/fakeNotify.js';
import { notifyEnv, TEMPLATES } from '../support/notifyEnv.js';

/**
 * A reminder that fell due while the bot was stopped is not sent on a Saturday, and goes within a minute of
 * start-up on the Monday morning (the declared job's first run), once. The invitation (Monday) and the
 * Saturday run are the bot's parts in this process, on the embedded store in the data folder, opened as the bot
 * opens it and stopped (saved) after; then the real bot (`src/index.ts`, as `npm start` runs it) starts on that
 * folder with BOT_NOW on the Monday morning, as its own process.
 */
describe('a reminder due while the bot was stopped (real processes, BOT_NOW)', function () {
  this.timeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'send-bot-reminders-'));
  let notify: FakeNotify;
  let bot: BotProcess | undefined;

  before(async () => (notify = await FakeNotify.start()));
  after(async () => {
    bot?.killGroup('SIGKILL');
    await notify?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function startAt(now: string): Promise<BotProcess> {
    const port = await getPort({ host: '127.0.0.1' });
    // Compiled (compiledBot.ts): the same code as under tsx, started with about half the CPU.
    return BotProcess.start(
      port,
      {
        ...notifyEnv(notify),
        DATA_DIR: dataDir,
        DEV_ROLES: 'practitioner',
        DEMO_DATA: 'false',
        BOT_NOW: now,
        LOG_LEVEL: 'debug',
      },
      { compiled: true },
    );
  }
  async function stop(process: BotProcess): Promise<void> {
    process.killGroup('SIGTERM');
    await waitUntil(
      () => process.exited,
      60_000,
      () => process.output,
    );
  }
  const reminders = () => notify.sent.filter((n) => n.body.template_id === TEMPLATES.NOTIFY_TEMPLATE_REMINDER_SMS);

  it('waits over the weekend, then sends it within a minute of start-up on Monday morning', async () => {
    const store = await startOrAttachAzurite(dataDir);
    expect(store.attached, 'the store of this folder, started here').to.equal(false);
    const parts = await BotHarness.start({
      azurite: store,
      today: '2026-12-07', // Monday (at noon): invited; day 3 is Thursday noon
      env: { ...notifyEnv(notify), DEV_ROLES: 'practitioner' },
    });
    try {
      const made = await parts
        .user({ id: 'staff-1', conversationId: 'staff-1' })
        .say('invite review AR-5001 parent and text 07700 900601');
      expect(JSON.stringify(made.activities)).to.include('I have sent the invitation by text');
      expect(notify.sent.map((n) => n.body.template_id)).to.deep.equal([TEMPLATES.NOTIFY_TEMPLATE_INVITE_SMS]);

      parts.clock.set('2026-12-12'); // Saturday: due since Thursday, but not a sending day
      const job = parts.product.jobs.jobs.find((j) => j.name === 'family reminder run');
      expect(job, 'the declared reminder job').not.to.equal(undefined);
      expect((await job!.run()).detail).to.include({ quiet: true });
      expect(reminders()).to.deep.equal([]);
    } finally {
      await parts.stop();
      expect(await store.stop(), 'the store saved to the folder').to.equal('saved');
    }

    bot = await startAt('2026-12-14T09:00:00Z'); // Monday 09:00: the first run after start sends it
    const started = Date.now();
    await waitUntil(
      () => reminders().length > 0,
      60_000,
      () => bot!.output,
    );
    expect(Date.now() - started).to.be.lessThan(60_000);
    expect(reminders().map((n) => n.body.phone_number)).to.deep.equal(['07700900601']);
    await waitUntil(
      () => /family reminders sent/.test(bot!.output),
      10_000,
      () => bot!.output,
    );
    await stop(bot);
    bot = undefined;
  });
});
