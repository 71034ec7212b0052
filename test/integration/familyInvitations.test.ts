import { expect } from 'chai';
import { TABLES } from '../../src/storage/tableStore.js';
import { BotHarness, cardElements, cards, texts, type Activity, type ChatUser } from '../support/botHarness.js';
import { FAKE_NOTIFY_KEY, FakeNotify } from '../support/fakeNotify.js';

/**
 * Invitations sent to a family by text or email: the bot over its HTTP endpoint with real Azurite, GOV.UK
 * Notify's official client pointed (NOTIFY_BASE_URL) at a local fake that checks its JWT. Never the real service.
 */
const INVITE_SMS = 'f33517ff-2a88-4f6e-b855-c550268ce08a';
const INVITE_EMAIL = '0b2b7b1e-4f0e-4b6a-9c6e-8a2d3c1f5e70';
const CONTACT_KEY = Buffer.alloc(32, 7).toString('base64');
const PRACTITIONER = '41111111-1111-1111-1111-111111111111';

describe('inviting a family by text or email through GOV.UK Notify (HTTP endpoint, real Azurite, fake Notify)', function () {
  this.timeout(60_000);
  let notify: FakeNotify;
  let bot: BotHarness;
  let practitioner: ChatUser;

  before(async () => {
    notify = await FakeNotify.start();
    bot = await BotHarness.start({
      env: {
        NOTIFY_API_KEY: FAKE_NOTIFY_KEY,
        NOTIFY_BASE_URL: notify.baseUrl,
        NOTIFY_TEMPLATE_INVITE_SMS: INVITE_SMS,
        NOTIFY_TEMPLATE_INVITE_EMAIL: INVITE_EMAIL,
        CONTACT_ENCRYPTION_KEY: CONTACT_KEY,
      },
    });
    await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
    practitioner = bot.user({ aadObjectId: PRACTITIONER });
  });
  after(async () => {
    await bot?.stop();
    await notify?.stop();
  });
  beforeEach(() => notify.reset());

  async function say(text: string): Promise<string> {
    return texts((await practitioner.say(text)).activities).join('\n');
  }
  const codeIn = (text: string) => /code ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2})/.exec(text)?.[1];

  /** The contacts table as stored: what is really there, not what a repository says. */
  async function contactRows(): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    for await (const e of (await bot.store.table(TABLES.contacts)).listEntities()) rows.push(e);
    return rows;
  }

  it('texts the invitation with the SMS template and its personalisation, and holds the number sealed', async () => {
    const reply = await say('invite review AR-1042 parent and text 07700 900123');
    expect(reply).to.include(
      'I have sent the invitation by text to the mobile number ending 123 through GOV.UK Notify.',
    );
    const code = codeIn(reply)!;
    expect(notify.sent).to.have.length(1);
    const [sms] = notify.sent;
    expect(sms!.path).to.equal('/v2/notifications/sms');
    expect(sms!.body.template_id).to.equal(INVITE_SMS);
    expect(sms!.body.phone_number).to.equal('07700900123');
    expect(sms!.body.personalisation).to.deep.equal({
      link: `http://localhost:${new URL(bot.baseUrl).port}/survey/${code.replace(/-/g, '')}`,
      code,
      expires: '21 January 2027',
      area: 'the Example SEND and AP Partnership',
    });
    // The reference is opaque: a random id, nothing of the review, the code or the number.
    expect(sms!.body.reference).to.match(/^[0-9a-f-]{36}$/);
    expect(sms!.body.reference).to.not.include('1042');
    const rows = await contactRows();
    expect(rows).to.have.length(1);
    expect(JSON.stringify(rows[0])).to.not.match(/07700|900123|\+447700/);
    expect(rows[0]!.channel).to.equal('sms');
    expect(await bot.services.familyContacts.contactFor(code.replace(/-/g, ''))).to.equal('07700900123');
  });

  it('emails the invitation with the email template', async () => {
    const reply = await say('invite review AR-2042 child and email Jo.Bloggs@example.org');
    expect(reply).to.include('by email to j…@example.org through GOV.UK Notify');
    expect(notify.sent).to.have.length(1);
    expect(notify.sent[0]!.path).to.equal('/v2/notifications/email');
    expect(notify.sent[0]!.body.template_id).to.equal(INVITE_EMAIL);
    expect(notify.sent[0]!.body.email_address).to.equal('jo.bloggs@example.org');
    expect(notify.sent[0]!.body.personalisation?.code).to.equal(codeIn(reply));
    expect(JSON.stringify(await contactRows())).to.not.include('bloggs');
  });

  it('refuses a number that is not a UK mobile with a clear message: nothing sent, nothing stored', async () => {
    const before = (await contactRows()).length;
    const reply = await say('invite review AR-3042 parent and text 01632 960 00');
    expect(reply).to.include('does not look like a UK mobile number');
    expect(reply).to.include('07700 900123');
    expect(notify.received).to.deep.equal([]);
    expect((await contactRows()).length).to.equal(before);
    expect(await bot.stores.invitations.forReview('AR-3042')).to.deep.equal([]);
  });

  it('retries a 429 and sends once', async () => {
    notify.failNext(429);
    const reply = await say('invite review AR-4042 parent and text +44 7700 900456');
    expect(reply).to.include('I have sent the invitation by text');
    expect(notify.received.map((r) => r.status)).to.deep.equal([429, 201]);
    expect(notify.sent).to.have.length(1);
  });

  it('reports a 400 in plain words and keeps nothing: no invitation, no contact, no respondent', async () => {
    notify.failNext(400);
    const before = (await contactRows()).length;
    const reply = await say('invite review AR-5042 parent and text 07700 900789');
    expect(reply).to.include('GOV.UK Notify would not send to that mobile number');
    expect(reply).to.include('I have not made the invitation');
    expect(codeIn(reply)).to.equal(undefined);
    expect(notify.received.map((r) => r.status)).to.deep.equal([400]);
    expect((await contactRows()).length).to.equal(before);
    expect(await bot.stores.invitations.forReview('AR-5042')).to.deep.equal([]);
    expect(await bot.stores.respondents.read('AR-5042', 'pc')).to.equal(undefined);
  });

  it('reports a 403 as a set-up problem for the administrator, and gives up after bounded 5xx retries', async () => {
    notify.failNext(403);
    expect(await say('invite review AR-6042 parent and text 07700 900111')).to.include("did not accept this bot's key");
    notify.reset();
    notify.failNext(500, 500, 500, 500);
    expect(await say('invite review AR-6043 parent and text 07700 900112')).to.include('busy or not answering');
    expect(notify.received.map((r) => r.status)).to.deep.equal([500, 500, 500, 500]);
    expect(await bot.stores.invitations.forReview('AR-6043')).to.deep.equal([]);
  });

  it('deletes the contact when the family completes the survey (read from the table)', async () => {
    const reply = await say('invite review AR-7042 parent and text 07700 900222');
    const code = codeIn(reply)!.replace(/-/g, '');
    expect((await contactRows()).map((r) => r.partitionKey)).to.include(code);
    const family = bot.user({ channelId: 'directline' });
    let card: Activity = cards((await family.say(code)).activities).at(-1)!;
    for (let k = 0; k < 7; k++) {
      const inputs = cardElements(card).filter((e) => e.type === 'Input.ChoiceSet' || e.type === 'Input.Text');
      const answers = Object.fromEntries(inputs.map((i) => [i.id, i.type === 'Input.Text' ? '' : 'skip']));
      card = cards((await family.submit({ ...card.actions[0].data, ...answers })).activities).at(-1)!;
    }
    expect((await bot.stores.respondents.read('AR-7042', 'pc'))?.completedAt).to.be.a('string');
    expect((await contactRows()).map((r) => r.partitionKey)).to.not.include(code);
  });

  it('deletes the contact on erasure, and when a new link replaces the invitation', async () => {
    const a = codeIn(await say('invite review AR-8042 parent and text 07700 900333'))!.replace(/-/g, '');
    const b = codeIn(await say('invite review AR-8043 parent and email sam@example.org'))!.replace(/-/g, '');
    const report = await bot.services.erasure.erase('AR-8042');
    expect(report.contacts).to.equal(1);
    const renewed = await bot.services.invitationService.renew(b, { userId: PRACTITIONER, isAdmin: false });
    expect(renewed.kind).to.equal('created');
    const keys = (await contactRows()).map((r) => r.partitionKey);
    expect(keys).to.not.include(a);
    expect(keys).to.not.include(b);
  });

  it('deletes, in the sweep, the contact of an invitation that has expired', async () => {
    const code = codeIn(await say('invite review AR-9042 parent and text 07700 900444'))!.replace(/-/g, '');
    bot.clock.advanceDays(61);
    try {
      const { removed } = await bot.services.familyContacts.sweep();
      expect(removed).to.be.greaterThan(0);
      expect((await contactRows()).map((r) => r.partitionKey)).to.not.include(code);
    } finally {
      bot.clock.advanceDays(-61);
    }
  });
});

describe('the question log keeps a practitioner’s words, not a family’s number or email (Azurite)', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  before(async () => (bot = await BotHarness.start()));
  after(async () => bot?.stop());

  it('hides them before the row is written', async () => {
    const at = new Date('2026-11-22T10:00:00Z');
    await bot.stores.questionLog.record({
      at: at.toISOString(),
      text: 'invte AR-1042 parnt txt 07700 900555 or jo@example.org',
      role: 'practitioner',
      reason: 'unknown',
    });
    const rows = await bot.stores.questionLog.recent(10, at);
    expect(rows.map((r) => r.text)).to.deep.equal(['invte AR-1042 parnt txt [phone] or [email]']);
  });
});

describe('inviting with a number when GOV.UK Notify is not set up', function () {
  this.timeout(60_000);
  let bot: BotHarness;

  before(async () => {
    bot = await BotHarness.start();
    await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
  });
  after(async () => bot?.stop());

  it('says sending is not set up, shows the link as before, and keeps no number', async () => {
    const { activities } = await bot
      .user({ aadObjectId: PRACTITIONER })
      .say('invite review AR-1042 parent and text 07700 900123');
    const reply = texts(activities).join('\n');
    expect(reply).to.include('Sending texts and emails is not set up on this bot');
    expect(reply).to.match(/code [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}/);
    expect(JSON.stringify(cards(activities))).to.include('/survey/');
    const rows: unknown[] = [];
    for await (const e of (await bot.store.table(TABLES.contacts)).listEntities()) rows.push(e);
    expect(rows).to.deep.equal([]);
  });
});
