import { expect } from 'chai';
import { BotHarness, texts, type ChatUser } from '../support/botHarness.js';
import { RecordingChannel } from '../support/recordingChannel.js';

/**
 * Worries reach a person the same day, through the HTTP endpoint with real Azurite and a recording Teams
 * channel: a worrying answer sends exactly one proactive message to the practitioner who made the
 * invitation, "I have seen this" (an Action.Execute invoke) records who and when, and an unacknowledged one
 * goes to the administrators after one working day (over a weekend), once.
 *
 * Why this stays on Azurite: a missed worry is the worst defect this product can have, so delivery and
 * escalation are proved end to end here, through the Table Storage alert rows (and their ETags), the real
 * proactive sender posting to a Teams-shaped channel, and the invoke response that replaces the card. The
 * same scenarios, with the harmless/negated answer that sends nothing and the erasure of a review's alerts,
 * run on the fakes in test/unit/worries/worryAlerts.test.ts.
 */
describe('worry alerts (HTTP endpoint, real Azurite, recording channel)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  let channel: RecordingChannel;
  const PRACTITIONER = 'eeeeeeee-0000-0000-0000-000000000001';
  const ADMIN = 'eeeeeeee-0000-0000-0000-000000000002';
  let practitioner: ChatUser;
  let admin: ChatUser;

  const teams = (user: ChatUser, text: string) =>
    user.say(text, {
      serviceUrl: channel.url,
      conversation: { id: user.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    });

  async function invite(ref: string, who: 'parent' | 'child'): Promise<string> {
    const { activities } = await teams(practitioner, `invite review ${ref} ${who}`);
    const text = texts(activities).join('\n');
    return /code ([A-Z0-9-]{12})/.exec(text)![1]!.replace(/-/g, '');
  }

  /** A family saves one section straight from its card's data (Web Chat sends Action.Submit). */
  async function save(code: string, section: string, answers: Record<string, string>) {
    const family = bot.user({ channelId: 'directline' });
    await family.say(code);
    const payload = { verb: 'survey.saveSection', code, section, bankVersion: bot.seeds.bank.version, ...answers };
    const { activities } = await family.submit(payload);
    return { family, payload, replies: texts(activities).join('\n') };
  }

  const toPractitioner = () => channel.received.filter((r) => r.conversationId === practitioner.conversationId);
  const toAdmin = () => channel.received.filter((r) => r.conversationId === admin.conversationId);
  const blankWords = (role: 'cyp' | 'pc') =>
    Object.fromEntries([1, 2, 3, 4, 5, 6].map((n) => [`text.${role}.${n}`, '']));

  before(async () => {
    channel = await RecordingChannel.start();
    // A Tuesday: alerts are raised at noon (the test clock's time of day).
    bot = await BotHarness.start({ today: '2026-11-24' });
    await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
    await bot.stores.roles.set(ADMIN, ['admin'], 'test');
    practitioner = bot.user({ aadObjectId: PRACTITIONER, name: 'Pat Practitioner' });
    admin = bot.user({ aadObjectId: ADMIN });
    // Each has spoken to the bot in their own 1:1 chat, so it can reach them there.
    await teams(admin, 'help');
  });
  after(async () => {
    await bot?.stop();
    await channel?.close();
  });

  it('sends a worrying answer once to the inviting practitioner, and "I have seen this" records who and when', async () => {
    const code = await invite('AR-2001', 'child');
    const words = { ...blankWords('cyp'), 'text.cyp.5': 'I am scared of the older boys and I *want* to run away' };
    const first = await save(code, 'text', words);
    expect(first.replies).to.match(/Saved/);
    await bot.services.worries.idle();
    expect(toPractitioner()).to.have.length(1);
    const card = toPractitioner()[0]!.body.attachments[0].content;
    const shown = JSON.stringify(card);
    expect(shown).to.include("A family's answer may need you today: review AR-2001");
    expect(shown).to.include('I feel worried about');
    expect(shown).to.include('\\\\*want\\\\*'); // escaped: shown as typed, not as emphasis
    expect(shown).to.include('I have seen this');
    // Saved again (a double click, a re-sent turn): no second alert.
    await first.family.submit(first.payload);
    await bot.services.worries.idle();
    await bot.services.worries.run();
    expect(toPractitioner()).to.have.length(1);

    const alertId = card.actions[0].data.alertId as string;
    const pressed = await practitioner.execute('worry.acknowledge', { verb: 'worry.acknowledge', alertId });
    const replaced = JSON.stringify(pressed.activities);
    expect(replaced).to.include('Seen by Pat Practitioner');
    expect(replaced).not.to.include('I have seen this');
    // Acknowledged: a working day later nothing goes to the administrators.
    bot.clock.advanceDays(2);
    try {
      expect((await bot.services.worries.run()).escalated).to.equal(0);
      expect(toAdmin()).to.have.length(0);
    } finally {
      bot.clock.set('2026-11-24');
    }
  });

  it('escalates an unacknowledged worry to the administrators after one working day, over a weekend, once', async () => {
    bot.clock.set('2026-11-27'); // a Friday
    try {
      const code = await invite('AR-2003', 'child');
      // "Strongly disagree" on feeling safe where they learn.
      await save(code, 'safe', { 'safe.cyp.1': '1', 'safe.cyp.2': '4', 'safe.cyp.3': '4', 'safe.cyp.4': '4' });
      await bot.services.worries.idle();
      const sent = toPractitioner().filter((r) => JSON.stringify(r.body).includes('AR-2003'));
      expect(sent).to.have.length(1);
      expect(JSON.stringify(sent[0]!.body)).to.include('strongly disagree');
      // Saturday and Sunday are not working days.
      for (const day of ['2026-11-28', '2026-11-29']) {
        bot.clock.set(day);
        expect((await bot.services.worries.run()).escalated, day).to.equal(0);
      }
      // Monday, one hour before the same time: still not due.
      bot.clock.set('2026-11-30');
      bot.clock.advanceMinutes(-60);
      expect((await bot.services.worries.run()).escalated).to.equal(0);
      expect(toAdmin()).to.have.length(0);
      // Monday at the same time: due; the administrator gets it once.
      bot.clock.set('2026-11-30');
      expect((await bot.services.worries.run()).escalated).to.equal(1);
      expect(toAdmin()).to.have.length(1);
      expect(JSON.stringify(toAdmin()[0]!.body)).to.include('Not yet seen: a worry in review AR-2003');
      bot.clock.advanceDays(1);
      await bot.services.worries.run();
      expect(toAdmin(), 'no repeat').to.have.length(1);
    } finally {
      bot.clock.set('2026-11-24');
    }
  });
});
