import { expect } from 'chai';
import { BotHarness, texts, type ChatUser } from '../support/botHarness.js';
import { RecordingChannel } from '../support/recordingChannel.js';

/**
 * A refused save never takes away an accepted worry alert, on real storage: through the HTTP endpoint with
 * real Azurite and a recording Teams channel, a save refused as "saved from another device" with the same
 * worrying words as an accepted one leaves the accepted alert sent and delivered once; and the Table
 * Storage rules that rests on (a pending alert is not open, and only an unchanged one, by its ETag, is
 * removed).
 *
 * Why this stays on Azurite: both rest on Table Storage's ETags and row layout (the refused attempt may
 * remove only the pending row it created), and a missed worry is the worst defect this product can have.
 * The other refused-save scenarios (a completed survey's section sent again 20 times; another device's
 * different words) and this one run on the fakes in test/unit/worries/worryAlertsRefused.test.ts.
 */
describe('worry alerts from refused saves (HTTP endpoint, real Azurite, recording channel)', function () {
  this.timeout(180_000);
  let bot: BotHarness;
  let channel: RecordingChannel;
  const PRACTITIONER = 'eeeeeeee-0000-0000-0000-000000000011';
  let practitioner: ChatUser;
  const WORRY = 'I am scared of the older boys and I want to run away';

  const teams = (user: ChatUser, text: string) =>
    user.say(text, {
      serviceUrl: channel.url,
      conversation: { id: user.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    });

  async function invite(ref: string): Promise<string> {
    const { activities } = await teams(practitioner, `invite review ${ref} child`);
    return /code ([A-Z0-9-]{12})/.exec(texts(activities).join('\n'))![1]!.replace(/-/g, '');
  }

  /** A family's chat (Web Chat, Action.Submit) that has typed the code. */
  async function familyChat(code: string): Promise<ChatUser> {
    const family = bot.user({ channelId: 'directline' });
    await family.say(code);
    return family;
  }

  async function save(family: ChatUser, code: string, section: string, answers: Record<string, string>) {
    const payload = { verb: 'survey.saveSection', code, section, bankVersion: bot.seeds.bank.version, ...answers };
    return texts((await family.submit(payload)).activities).join('\n');
  }

  const words = (texts: Record<string, string>) => ({
    ...Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`text.cyp.${n}`, ''])),
    ...texts,
  });
  const aboutReview = (ref: string) => channel.received.filter((r) => JSON.stringify(r.body).includes(`review ${ref}`));
  const toPractitioner = (ref: string) =>
    aboutReview(ref).filter((r) => r.conversationId === practitioner.conversationId);
  const alertsOf = async (ref: string) => (await bot.stores.worryAlerts.open()).filter((a) => a.reviewRef === ref);

  before(async () => {
    channel = await RecordingChannel.start();
    bot = await BotHarness.start({ today: '2026-11-24' }); // a Tuesday
    await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
    practitioner = bot.user({ aadObjectId: PRACTITIONER, name: 'Pat Practitioner' });
  });
  after(async () => {
    await bot?.stop();
    await channel?.close();
  });

  it('a refused save with the same worrying words as an accepted one leaves the accepted alert alone', async () => {
    const code = await invite('AR-3003');
    const phone = await familyChat(code);
    expect(await save(phone, code, 'text', words({ 'text.cyp.5': WORRY }))).to.match(/Saved/);
    await bot.services.worries.idle();
    const [accepted] = await alertsOf('AR-3003');
    expect(accepted?.status).to.equal('sent');

    const laptop = await familyChat(code);
    const same = words({ 'text.cyp.5': WORRY, 'text.cyp.1': 'Drawing' });
    expect(await save(laptop, code, 'text', same)).to.match(/another device/);
    await bot.services.worries.idle();
    bot.clock.advanceMinutes(5);
    await bot.services.worries.run();
    bot.clock.set('2026-11-24');

    const kept = await bot.stores.worryAlerts.get(accepted!.id);
    expect(kept?.status).to.equal('sent');
    expect(toPractitioner('AR-3003')).to.have.length(1);
  });

  it('in Table Storage a pending alert is not open, and only an unchanged one is removed', async () => {
    const store = bot.stores.worryAlerts;
    const pending = {
      id: 'pending-0001',
      reviewRef: 'AR-3004',
      role: 'cyp' as const,
      questionId: 'text.cyp.5',
      asked: 'I feel worried about…',
      answer: WORRY,
      reasons: ['"scared"'],
      raisedAt: '2026-11-24T12:00:00.000Z',
      status: 'pending' as const,
    };
    const etag = await store.create(pending);
    expect(etag).to.be.a('string');
    expect(await store.create(pending), 'already there').to.equal(undefined);
    expect((await store.open()).map((a) => a.id)).not.to.include(pending.id);
    expect((await store.pendingBefore('2026-11-24T12:00:00.000Z')).map((a) => a.id)).not.to.include(pending.id);
    expect((await store.pendingBefore('2026-11-24T12:02:00.000Z')).map((a) => a.id)).to.include(pending.id);

    const promoted = await store.replace({ ...pending, status: 'new' }, etag!);
    expect(await store.remove(pending.id, etag!), 'a stale ETag removes nothing').to.equal(false);
    expect((await store.open()).map((a) => a.id)).to.include(pending.id);
    expect(await store.remove(pending.id, promoted!)).to.equal(true);
    expect(await store.get(pending.id)).to.equal(undefined);
    expect(await store.replace(pending, promoted!), 'gone: changed, not an error').to.equal(undefined);
    expect(await store.remove(pending.id, promoted!)).to.equal(false);
  });
});
