import { expect } from 'chai';
import { sectionOrder, sectionQuestionIds } from '../../src/features/survey/domain/sections.js';
import { BotHarness, texts, type ChatUser } from '../support/botHarness.js';
import { RecordingChannel } from '../support/recordingChannel.js';

/**
 * A worry raises an alert only from a save that was accepted, and once: through the HTTP endpoint with
 * real Azurite and a recording Teams channel, a completed survey's free-text section sent again and again
 * (refused: complete), or a section another device saved (refused: saved elsewhere), raises nothing — not
 * to the practitioner, and not a working day later to the administrators — and a refused save with the
 * same words as an accepted one leaves the accepted alert alone.
 */
describe('worry alerts from refused saves (HTTP endpoint, real Azurite, recording channel)', function () {
  this.timeout(180_000);
  let bot: BotHarness;
  let channel: RecordingChannel;
  const PRACTITIONER = 'eeeeeeee-0000-0000-0000-000000000011';
  const ADMIN = 'eeeeeeee-0000-0000-0000-000000000012';
  let practitioner: ChatUser;
  let admin: ChatUser;
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
  const toAdmin = (ref: string) => aboutReview(ref).filter((r) => r.conversationId === admin.conversationId);
  const alertsOf = async (ref: string) => (await bot.stores.worryAlerts.open()).filter((a) => a.reviewRef === ref);

  /** What a later periodic run does: past the settling time of anything held, and past a working day. */
  async function laterRuns() {
    await bot.services.worries.idle();
    bot.clock.advanceMinutes(5);
    await bot.services.worries.run();
    bot.clock.advanceDays(2); // Tuesday to Thursday: a working day has passed
    await bot.services.worries.run();
    bot.clock.set('2026-11-24');
  }

  before(async () => {
    channel = await RecordingChannel.start();
    bot = await BotHarness.start({ today: '2026-11-24' }); // a Tuesday
    await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
    await bot.stores.roles.set(ADMIN, ['admin'], 'test');
    practitioner = bot.user({ aadObjectId: PRACTITIONER, name: 'Pat Practitioner' });
    admin = bot.user({ aadObjectId: ADMIN });
    await teams(admin, 'help');
  });
  after(async () => {
    await bot?.stop();
    await channel?.close();
  });

  it("a completed survey's free-text section sent again 20 times from the same chat raises no second alert, nor any to administrators", async () => {
    const code = await invite('AR-3001');
    const family = await familyChat(code);
    for (const section of sectionOrder(bot.seeds.bank)) {
      const answers =
        section === 'text'
          ? words({ 'text.cyp.5': WORRY })
          : Object.fromEntries(sectionQuestionIds(bot.seeds.bank, section, 'cyp').map((q) => [q, '4']));
      expect(await save(family, code, section, answers), section).to.match(/Saved|thank/i);
    }
    await bot.services.worries.idle();
    expect(toPractitioner('AR-3001')).to.have.length(1);
    const [alert] = await alertsOf('AR-3001');
    const pressed = await practitioner.execute('worry.acknowledge', { verb: 'worry.acknowledge', alertId: alert!.id });
    expect(JSON.stringify(pressed.activities)).to.include('Seen by Pat Practitioner');

    // Sent again: half with new worrying words, half with the same worry and another answer changed.
    for (let i = 0; i < 20; i++) {
      const again =
        i % 2 === 0
          ? words({ 'text.cyp.5': `${WORRY}, I said it ${i} times` })
          : words({ 'text.cyp.5': WORRY, 'text.cyp.1': `Football, try ${i}` });
      expect(await save(family, code, 'text', again)).to.match(/complete/i);
    }
    await laterRuns();

    expect(toPractitioner('AR-3001'), 'messages to the practitioner').to.have.length(1);
    expect(toAdmin('AR-3001'), 'messages to the administrator').to.have.length(0);
    const stored = await bot.stores.worryAlerts.get(alert!.id);
    expect(stored?.status, 'the accepted alert is kept, acknowledged').to.equal('acknowledged');
    expect(await alertsOf('AR-3001'), 'no other alert open').to.have.length(0);
  });

  it('a section another device saved, sent with different worrying words, raises no alert for those words', async () => {
    const code = await invite('AR-3002');
    const phone = await familyChat(code);
    expect(await save(phone, code, 'text', words({ 'text.cyp.5': WORRY }))).to.match(/Saved/);
    await bot.services.worries.idle();
    expect(toPractitioner('AR-3002')).to.have.length(1);

    const laptop = await familyChat(code);
    const other = 'My dad hits me when he is angry';
    expect(await save(laptop, code, 'text', words({ 'text.cyp.5': other }))).to.match(/another device/);
    await laterRuns();

    const sent = toPractitioner('AR-3002').map((r) => JSON.stringify(r.body));
    expect(sent, 'one message, for the saved words').to.have.length(1);
    expect(sent[0]).to.include('older boys');
    expect(sent.join('\n') + JSON.stringify(toAdmin('AR-3002'))).not.to.include('My dad');
    expect((await alertsOf('AR-3002')).map((a) => a.answer)).to.deep.equal([WORRY]);
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
