import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import getPort from 'get-port';
import { BotProcess, waitUntil } from '../support/botProcess.js';
import { FakeNotify } from '../support/fakeNotify.js';
import { notifyEnv, TEMPLATES } from '../support/notifyEnv.js';

/**
 * The real bot (`src/index.ts`, as `npm start` runs it) stopped and started again on one data folder, its clock
 * set by BOT_NOW each time: a reminder that fell due while it was stopped is not sent on a Saturday, and goes
 * within a minute of start-up on the Monday morning (the declared job's first run), once.
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
    return BotProcess.start(port, {
      ...notifyEnv(notify),
      DATA_DIR: dataDir,
      DEV_ROLES: 'practitioner',
      DEMO_DATA: 'false',
      BOT_NOW: now,
      LOG_LEVEL: 'debug',
    });
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
    bot = await startAt('2026-12-07T10:00:00Z'); // Monday: invited; day 3 is Thursday 10:00
    const made = await bot.post({
      type: 'message',
      text: 'invite review AR-5001 parent and text 07700 900601',
      channelId: 'msteams',
      from: { id: 'staff-1' },
      conversation: { id: 'staff-1', conversationType: 'personal' },
    });
    expect(JSON.stringify(made.activities)).to.include('I have sent the invitation by text');
    expect(notify.sent.map((n) => n.body.template_id)).to.deep.equal([TEMPLATES.NOTIFY_TEMPLATE_INVITE_SMS]);
    await stop(bot);

    bot = await startAt('2026-12-12T10:00:00Z'); // Saturday: due since Thursday, but not a sending day
    await waitUntil(
      () => /family reminder run done/.test(bot!.output),
      60_000,
      () => bot!.output,
    );
    expect(bot.output).to.match(/"quiet":true/);
    expect(reminders()).to.deep.equal([]);
    await stop(bot);

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
