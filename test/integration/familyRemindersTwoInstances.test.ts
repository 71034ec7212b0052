import { expect } from 'chai';
import { BotHarness, cardElements, cards, texts, type Activity, type ChatUser } from '../support/botHarness.js';
import { FakeNotify } from '../support/fakeNotify.js';
import { RecordingChannel } from '../support/recordingChannel.js';
import { notifyEnv, TEMPLATES } from '../support/notifyEnv.js';

/**
 * Two instances of the bot on one store (real Azurite), both running the reminder and notice jobs at the same
 * moments, as App Service runs them: each reminder reaches the fake Notify once, each notice the practitioner once.
 */
describe('reminders and notices with two instances (HTTP endpoint, real Azurite, fake Notify)', function () {
  this.timeout(180_000);
  const PRACTITIONER = '61111111-1111-1111-1111-111111111111';
  let notify: FakeNotify;
  let channel: RecordingChannel;
  let one: BotHarness;
  let two: BotHarness;
  let practitioner: ChatUser;

  before(async () => {
    notify = await FakeNotify.start();
    channel = await RecordingChannel.start();
    one = await BotHarness.start({ env: notifyEnv(notify), today: '2027-02-01' });
    two = await BotHarness.start({ env: notifyEnv(notify), today: '2027-02-01', azurite: one.azurite });
    await one.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
    practitioner = one.user({ aadObjectId: PRACTITIONER });
  });
  after(async () => {
    await two?.stop();
    await one?.stop();
    await notify?.stop();
    await channel?.close();
  });

  function clockAt(iso: string): void {
    for (const bot of [one, two]) {
      bot.clock.set(iso.slice(0, 10));
      bot.clock.advanceMinutes((Date.parse(iso) - Date.parse(`${iso.slice(0, 10)}T12:00:00Z`)) / 60_000);
    }
  }
  const say = async (text: string) =>
    texts(
      (
        await practitioner.say(text, {
          serviceUrl: channel.url,
          conversation: { id: practitioner.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
        })
      ).activities,
    ).join('\n');
  async function invite(text: string): Promise<string> {
    const reply = await say(text);
    const code = /code ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})/.exec(reply)?.[1]?.replace(/-/g, '');
    if (!code) throw new Error(`no invitation in: ${reply}`);
    return code;
  }
  async function complete(code: string): Promise<void> {
    const family = two.user({ channelId: 'directline' });
    let card: Activity = cards((await family.say(code)).activities).at(-1)!;
    for (let k = 0; k < 7; k++) {
      const inputs = cardElements(card).filter((e) => e.type === 'Input.ChoiceSet' || e.type === 'Input.Text');
      const answers = Object.fromEntries(inputs.map((i) => [i.id, i.type === 'Input.Text' ? '' : 'skip']));
      card = cards((await family.submit({ ...card.actions[0].data, ...answers })).activities).at(-1)!;
    }
  }

  it('sends each of 24 due reminders once when both instances run the job at the same moment', async () => {
    clockAt('2027-02-01T10:00:00Z'); // Monday
    for (let i = 0; i < 24; i++)
      await invite(
        `invite review AR-4${String(i).padStart(3, '0')} parent and text 07700 9004${String(i).padStart(2, '0')}`,
      );
    notify.reset();
    clockAt('2027-02-04T10:00:30Z'); // Thursday: day 3 of every one
    const [a, b] = await Promise.all([
      one.services.familyContacts.reminders!.run(),
      two.services.familyContacts.reminders!.run(),
    ]);
    expect(a.sent + b.sent).to.equal(24);
    expect(a.errors.concat(b.errors)).to.deep.equal([]);
    const reminders = notify.sent.filter((n) => n.body.template_id === TEMPLATES.NOTIFY_TEMPLATE_REMINDER_SMS);
    expect(reminders).to.have.length(24);
    expect(new Set(reminders.map((n) => n.body.phone_number)).size).to.equal(24);
    // And again, a minute later on both: nothing more.
    clockAt('2027-02-04T10:01:30Z');
    await Promise.all([one.services.familyContacts.reminders!.run(), two.services.familyContacts.reminders!.run()]);
    expect(notify.sent).to.have.length(24);
  });

  it('tells the practitioner two working days before the meeting, once, only of the family not finished; no reminder on the day', async () => {
    clockAt('2027-02-08T10:00:00Z'); // Monday
    await invite('invite review AR-4501 parent and text 07700 900501, review on Thursday 11 February');
    const finished = await invite('invite review AR-4502 parent, review on 11 February');
    await complete(finished);
    const notices = () =>
      channel.deliveredTo(practitioner.conversationId).filter((r) => /meeting is on/.test(String(r.body.text)));

    clockAt('2027-02-09T08:59:00Z'); // Tuesday before nine: not yet
    await Promise.all([one.services.staffNotices.run(), two.services.staffNotices.run()]);
    expect(notices()).to.deep.equal([]);
    clockAt('2027-02-09T09:00:30Z');
    await Promise.all([one.services.staffNotices.run(), two.services.staffNotices.run()]);
    expect(notices().map((r) => String(r.body.text))).to.deep.equal([
      "Review AR-4501's meeting is on Thursday 11 February 2027, and the parent carer has not started the survey. " +
        'Type "my invitations" to see where each family is up to, or to give them a new link.',
    ]);
    clockAt('2027-02-09T09:05:00Z');
    await Promise.all([one.services.staffNotices.run(), two.services.staffNotices.run()]);
    expect(notices()).to.have.length(1);

    notify.reset();
    clockAt('2027-02-11T10:00:30Z'); // the meeting day is day 3: no reminder
    await Promise.all([one.services.familyContacts.reminders!.run(), two.services.familyContacts.reminders!.run()]);
    expect(notify.sent.filter((n) => n.body.phone_number === '07700900501')).to.deep.equal([]);
  });
});
