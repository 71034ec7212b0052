import { expect } from 'chai';
import { TABLES } from '../../src/storage/tableStore.js';
import { BotHarness, cardElements, cards, texts, type Activity, type ChatUser } from '../support/botHarness.js';
import { FakeNotify, type ReceivedNotification } from '../support/fakeNotify.js';
import { CALLBACK_TOKEN, notifyEnv, TEMPLATES } from '../support/notifyEnv.js';
import { RecordingChannel } from '../support/recordingChannel.js';

/**
 * Reminders, as a family and a practitioner meet them: the bot over its HTTP endpoint with real Azurite, GOV.UK
 * Notify's official client pointed at the local fake (its JWT checked), and the clock moved to the hour. The
 * reminder run is the declared job's own work (`familyRemindersJob` runs `reminders.run()` every minute).
 */
const PRACTITIONER = '51111111-1111-1111-1111-111111111111';

describe('reminding families by text and email (HTTP endpoint, real Azurite, fake Notify)', function () {
  this.timeout(120_000);
  let notify: FakeNotify;
  let bot: BotHarness;
  let practitioner: ChatUser;
  let channel: RecordingChannel;

  before(async () => {
    channel = await RecordingChannel.start();
    notify = await FakeNotify.start();
    bot = await BotHarness.start({ env: notifyEnv(notify), today: '2026-12-07' });
    await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
    practitioner = bot.user({ aadObjectId: PRACTITIONER });
  });
  after(async () => {
    await bot?.stop();
    await notify?.stop();
    await channel?.close();
  });
  beforeEach(() => notify.reset());

  /** Moves the bot's clock to an instant (the test clock is noon UTC of a day, plus minutes). */
  function clockAt(iso: string): void {
    bot.clock.set(iso.slice(0, 10));
    bot.clock.advanceMinutes((Date.parse(iso) - Date.parse(`${iso.slice(0, 10)}T12:00:00Z`)) / 60_000);
  }
  /** Runs the reminder job at each instant, in order: which reminder template reached the fake then ('sms', 'email'). */
  async function runAt(instants: string[]): Promise<Record<string, string>> {
    const seen: Record<string, string> = {};
    for (const instant of instants) {
      clockAt(instant);
      const before = notify.sent.length;
      await bot.services.familyContacts.reminders!.run();
      seen[instant] = notify.sent
        .slice(before)
        .map((n) => (n.body.template_id === TEMPLATES.NOTIFY_TEMPLATE_REMINDER_SMS ? 'sms' : 'email'))
        .join(' ');
    }
    return seen;
  }
  const codeIn = (text: string) => /code ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})/.exec(text)?.[1]?.replace(/-/g, '');
  /** The practitioner speaks in their 1:1 chat in Teams (so the bot can reach them there later). */
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
    const code = codeIn(reply);
    if (!code) throw new Error(`no invitation in: ${reply}`);
    return code;
  }
  const to = (n: ReceivedNotification) => n.body.phone_number ?? n.body.email_address;

  it('sends the invitation and two reminders at the right times; an evening and a Saturday wait for 09:00', async () => {
    // Monday 7 December, 20:00: the practitioner invites in the evening.
    clockAt('2026-12-07T20:00:00Z');
    const evening = await invite('invite review AR-3101 parent and text 07700 900301');
    // Wednesday 9 December, noon.
    clockAt('2026-12-09T12:00:00Z');
    const saturday = await invite('invite review AR-3102 child and email sam@example.org');
    expect(notify.sent.map((n) => n.body.template_id)).to.deep.equal([
      TEMPLATES.NOTIFY_TEMPLATE_INVITE_SMS,
      TEMPLATES.NOTIFY_TEMPLATE_INVITE_EMAIL,
    ]);

    // Day 3 of the text is Thursday 20:00, of the email Saturday noon; day 7 Monday 20:00 and Wednesday noon.
    const timeline = await runAt([
      '2026-12-10T19:59:00Z', // Thursday: the text's first reminder is not yet due
      '2026-12-10T20:00:30Z', // due, but 20:00: not sent
      '2026-12-11T08:59:00Z', // Friday before nine: not sent
      '2026-12-11T09:00:30Z', // Friday 09:00: the text's first reminder
      '2026-12-12T12:00:30Z', // Saturday: the email's first is due, not sent
      '2026-12-13T12:00:30Z', // Sunday: not sent
      '2026-12-14T09:00:30Z', // Monday 09:00: the email's first
      '2026-12-14T20:00:30Z', // Monday 20:00: the text's second is due, not sent
      '2026-12-15T09:00:30Z', // Tuesday 09:00: the text's second
      '2026-12-16T12:00:30Z', // Wednesday noon: the email's second
      '2026-12-22T10:00:00Z', // and never a third
    ]);
    expect(timeline).to.deep.equal({
      '2026-12-10T19:59:00Z': '',
      '2026-12-10T20:00:30Z': '',
      '2026-12-11T08:59:00Z': '',
      '2026-12-11T09:00:30Z': 'sms',
      '2026-12-12T12:00:30Z': '',
      '2026-12-13T12:00:30Z': '',
      '2026-12-14T09:00:30Z': 'email',
      '2026-12-14T20:00:30Z': '',
      '2026-12-15T09:00:30Z': 'sms',
      '2026-12-16T12:00:30Z': 'email',
      '2026-12-22T10:00:00Z': '',
    });
    const reminders = notify.sent.slice(2);
    expect(reminders.map(to)).to.deep.equal(['07700900301', 'sam@example.org', '07700900301', 'sam@example.org']);
    expect(reminders[0]!.body.personalisation).to.deep.include({
      code: `${evening.slice(0, 4)}-${evening.slice(4, 8)}-${evening.slice(8)}`,
    });
    expect(reminders[0]!.body.reference).to.match(/^[0-9a-f-]{36}$/);

    // The ledger holds what was sent, never to whom.
    const rows: Record<string, unknown>[] = [];
    for await (const e of (await bot.store.table(TABLES.familyMessages)).listEntities()) rows.push(e);
    expect(rows.filter((r) => r.partitionKey === saturday).map((r) => r.rowKey)).to.deep.equal([
      'invitation',
      'reminder-1',
      'reminder-2',
    ]);
    expect(JSON.stringify(rows)).to.not.match(/07700|900301|sam@/);
  });

  it('sends no reminder after the family completes the survey, and their number is gone from the table', async () => {
    clockAt('2026-12-17T10:00:00Z');
    const code = await invite('invite review AR-3201 parent and text 07700 900302');
    const family = bot.user({ channelId: 'directline' });
    let card: Activity = cards((await family.say(code)).activities).at(-1)!;
    for (let k = 0; k < 7; k++) {
      const inputs = cardElements(card).filter((e) => e.type === 'Input.ChoiceSet' || e.type === 'Input.Text');
      const answers = Object.fromEntries(inputs.map((i) => [i.id, i.type === 'Input.Text' ? '' : 'skip']));
      card = cards((await family.submit({ ...card.actions[0].data, ...answers })).activities).at(-1)!;
    }
    expect((await bot.stores.respondents.read('AR-3201', 'pc'))?.completedAt).to.be.a('string');
    const contacts: Record<string, unknown>[] = [];
    for await (const e of (await bot.store.table(TABLES.contacts)).listEntities()) contacts.push(e);
    expect(contacts.map((r) => r.partitionKey)).to.not.include(code);
    notify.reset();
    await runAt(['2026-12-21T10:00:30Z', '2026-12-28T10:00:30Z']);
    expect(notify.sent.filter((n) => to(n) === '07700900302')).to.deep.equal([]);
  });

  it('tells the practitioner of a permanent failure, stops reminders to it, and shows sent, delivered and failed', async () => {
    const receipts = { url: `${bot.baseUrl}/api/notify/receipts`, token: CALLBACK_TOKEN };
    clockAt('2027-01-04T10:00:00Z'); // Monday
    const failed = await invite('invite review AR-3301 parent and text 07700 900303');
    const fine = await invite('invite review AR-3302 parent and email jo@example.org');
    const [sms, email] = notify.sent;
    expect(await notify.receipt(sms!, 'permanent-failure', receipts)).to.equal(200);
    expect(await notify.receipt(email!, 'delivered', receipts)).to.equal(200);
    // Notify may send a receipt again: the practitioner is still told once.
    expect(await notify.receipt(sms!, 'permanent-failure', receipts)).to.equal(200);
    await bot.services.staffNotices.idle();
    const told = await channel.waitForText(practitioner.conversationId, /could not deliver/);
    expect(String(told.body.text)).to.include('review AR-3301').and.include('I have deleted the mobile number');
    expect(
      channel.deliveredTo(practitioner.conversationId).filter((r) => /could not deliver/.test(String(r.body.text))),
    ).to.have.length(1);
    expect(JSON.stringify(channel.received)).to.not.include('900303');
    const contacts: Record<string, unknown>[] = [];
    for await (const e of (await bot.store.table(TABLES.contacts)).listEntities()) contacts.push(e);
    expect(contacts.map((r) => r.partitionKey)).to.not.include(failed);
    expect(contacts.map((r) => r.partitionKey)).to.include(fine);

    notify.reset();
    const timeline = await runAt(['2027-01-07T10:00:30Z']); // Thursday: day 3 of both
    expect(timeline).to.deep.equal({ '2027-01-07T10:00:30Z': 'email' });
    expect(notify.sent.map(to)).to.deep.equal(['jo@example.org']);

    const { activities } = await practitioner.say('my invitations');
    // The list's card, and its full text (what a screen reader or a client without cards is given).
    const mine = `${JSON.stringify(cards(activities))}\n${activities.map((a) => String(a.attachments?.[0]?.content?.fallbackText ?? '')).join('\n')}`;
    expect(mine).to.match(
      /AR-3301 \(parent carer\): made 2027-01-04, not opened\. By text: invitation failed \(not delivered/,
    );
    expect(mine).to.include(
      'AR-3302 (parent carer): made 2027-01-04, not opened. By email: invitation delivered, reminder 1 sent.',
    );
  });

  it('refuses receipts without the callback token', async () => {
    const res = await fetch(`${bot.baseUrl}/api/notify/receipts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-the-token-at-all-00' },
      body: JSON.stringify({
        id: 'x',
        reference: 'y',
        to: 'z',
        status: 'delivered',
        created_at: 'now',
        notification_type: 'sms',
      }),
    });
    expect(res.status).to.equal(403);
  });

  it('stops reminders with one press on the family page, without JavaScript, for that family only', async () => {
    clockAt('2027-01-11T10:00:00Z'); // Monday
    const stopping = await invite('invite review AR-3401 parent and text 07700 900304');
    const other = await invite('invite review AR-3402 parent and text 07700 900305');
    const page = await (await fetch(`${bot.baseUrl}/survey/${stopping}`)).text();
    const form = `<form class="stop-reminders" method="post" action="/survey/${stopping}/stop-reminders">`;
    expect(page).to.include(form);
    expect(page).to.match(/<button type="submit">Stop reminders<\/button><\/p><\/form>/);
    // A form's post as a browser without scripts sends it: same origin, an empty urlencoded body.
    const press = (code: string) =>
      fetch(`${bot.baseUrl}/survey/${code}/stop-reminders`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: bot.baseUrl },
        body: '',
      });
    const forged = await press('ABCDEFGH23'); // shaped like a code, but nobody's
    expect(forged.status).to.equal(404);
    const stopped = await press(stopping);
    expect(stopped.status).to.equal(200);
    const confirmation = await stopped.text();
    expect(confirmation).to.include('<h2>Reminders stopped</h2>');
    expect(confirmation).to.include('deleted the phone number or email address');
    expect(confirmation).to.include(`<a href="/survey/${stopping}">Back to the survey</a>`);
    expect(confirmation).to.not.include('<script');
    const again = await (await press(stopping)).text();
    expect(again).to.include('No reminders to stop');

    const contacts: Record<string, unknown>[] = [];
    for await (const e of (await bot.store.table(TABLES.contacts)).listEntities()) contacts.push(e);
    expect(contacts.map((r) => r.partitionKey)).to.not.include(stopping);
    expect(contacts.map((r) => r.partitionKey)).to.include(other);
    expect(await (await fetch(`${bot.baseUrl}/survey/${stopping}`)).text()).to.not.include('stop-reminders');

    notify.reset();
    await runAt(['2027-01-14T10:00:30Z']); // Thursday: day 3 of both
    const texted = notify.sent.map(to).filter((n) => n?.startsWith('07700'));
    expect(texted).to.deep.equal(['07700900305']);
    const { activities } = await practitioner.say('my invitations');
    const fallback = activities.map((a) => String(a.attachments?.[0]?.content?.fallbackText ?? '')).join('\n');
    expect(fallback).to.include(
      'AR-3401 (parent carer): made 2027-01-11, not opened. By text: invitation sent. The family stopped reminders.',
    );
  });
});
