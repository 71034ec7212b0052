import { expect } from 'chai';
import { BotHarness, texts } from '../support/botHarness.js';
import { RecordingChannel } from '../support/recordingChannel.js';

const MANAGER = 'dddddddd-0000-0000-0000-000000000001';
const SUBSCRIBERS = 500;

/**
 * "confirm send digest" to 500 subscribers at the default pace (20 a second: 25 s of sending, past the
 * 15 s after which Teams re-sends a turn that has not been answered). The manager's turn must not wait
 * for the send, and Teams re-sending the same activity mid-send must not start a second job.
 */
describe('the digest to 500 subscribers (HTTP endpoint, recording channel, real Azurite)', function () {
  this.timeout(180_000);
  let bot: BotHarness;
  let channel: RecordingChannel;

  before(async () => {
    bot = await BotHarness.start({ today: '2026-11-22' });
    channel = await RecordingChannel.start({ perSecond: 25 });
    await bot.stores.roles.set(MANAGER, ['manager'], 'test');
    // Setting up the subscribers is not what is tested: straight into the stores.
    const at = bot.clock.now();
    for (let i = 0; i < SUBSCRIBERS; i++) {
      const conversationId = `a:subscriber-${String(i).padStart(3, '0')}`;
      await bot.stores.addresses.save(
        { conversationId, serviceUrl: channel.url, channelId: 'msteams', conversationType: 'personal', tenantId: 't1' },
        at,
      );
      await bot.stores.subscriptions.subscribe({
        conversationId,
        scope: 'personal',
        subscribedBy: `manager-${i}`,
        subscribedAt: at.toISOString(),
      });
    }
  });
  after(async () => {
    await bot?.stop();
    await channel?.close();
  });

  const delivered = () => channel.received.filter((r) => r.conversationId.startsWith('a:subscriber-')).length;

  it('answers at once, reports in the same chat when done, and a re-sent activity starts no second job', async () => {
    const manager = bot.user({ aadObjectId: MANAGER });
    const activity = {
      id: 'activity-teams-will-resend',
      serviceUrl: channel.url,
      conversation: { id: manager.conversationId, conversationType: 'personal', tenantId: 't1' },
    };
    const first = await manager.say('confirm send digest', activity);
    const digestsAtReply = delivered();
    expect(texts(first.activities).join(' ')).to.match(/I will tell you here when it is done/);
    expect(digestsAtReply, 'no digest had gone out when the manager was answered').to.equal(0);

    // Teams re-sends the same activity while the job runs (here, once 100 have gone).
    while (delivered() < 100) await new Promise((r) => setTimeout(r, 50));
    const again = await manager.say('confirm send digest', activity);
    expect(texts(again.activities).join(' ')).to.match(/already sending the digest you asked for/);

    const report = await channel.waitForText(manager.conversationId, /sent on request/, 120_000);
    expect(String(report.body.text)).to.match(/sent 500, blocked 0, failed 0/);
    const perSubscriber = new Map<string, number>();
    for (const r of channel.received.filter((x) => x.conversationId.startsWith('a:subscriber-')))
      perSubscriber.set(r.conversationId, (perSubscriber.get(r.conversationId) ?? 0) + 1);
    expect(perSubscriber.size, 'every subscriber').to.equal(SUBSCRIBERS);
    expect(
      [...perSubscriber.values()].every((n) => n === 1),
      'each once: one job',
    ).to.equal(true);
    const reports = channel.received.filter((r) => r.conversationId === manager.conversationId);
    expect(reports, 'one report, in the manager’s chat').to.have.length(1);
  });
});
