import { expect } from 'chai';
import { ActivityTypes, TestAdapter, type Activity } from 'botbuilder';
import { AddressCapture } from '../../../src/bot/addressCapture.js';
import { OutcomesBot } from '../../../src/bot/outcomesBot.js';
import { SAVE_SECTION_VERB } from '../../../src/features/survey/surveyCards.js';
import { sectionOrder, sectionQuestionIds } from '../../../src/features/survey/domain/sections.js';
import { fakeWorld } from '../../support/fakes/fakeWorld.js';

/** The bot class with botbuilder's TestAdapter: tenant check, message and card routing, address capture. */
describe('the bot class (unit, TestAdapter, in-memory stores)', () => {
  const TENANT = 'tenant-1';
  function setup() {
    const w = fakeWorld({ roles: { 'staff-1': ['manager'] } });
    const bot = new OutcomesBot(w.router, w.events, w.access, [TENANT]);
    const adapter = new TestAdapter(async (context) => bot.run(context));
    adapter.use(new AddressCapture(w.addressBook, w.access, [TENANT]));
    return { w, adapter, bot };
  }
  /** Runs one activity through the bot and returns everything it sent (invoke responses included). */
  async function repliesTo(
    adapter: TestAdapter,
    bot: OutcomesBot,
    activity: Partial<Activity>,
  ): Promise<Partial<Activity>[]> {
    const replies: Partial<Activity>[] = [];
    await adapter.processActivity(activity as Activity, async (context) => {
      context.onSendActivities(async (_c, activities, next) => {
        replies.push(...activities);
        return next();
      });
      await bot.run(context);
    });
    return replies;
  }
  const teams = (from: string, extra: Partial<Activity> = {}): Partial<Activity> => ({
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    from: { id: from, name: '', aadObjectId: from },
    conversation: { id: `conv-${from}`, tenantId: TENANT, conversationType: 'personal', isGroup: false, name: '' },
    ...extra,
  });

  it('answers a manager in Teams and keeps the conversation address for the digest', async () => {
    const { w, adapter } = setup();
    await adapter
      .send({ ...teams('staff-1'), type: ActivityTypes.Message, text: 'help' })
      .assertReply((a) => expect(a.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive'));
    expect([...w.addresses.rows.keys()]).to.deep.equal(['conv-staff-1']);
  });

  it("never keeps a family's conversation address", async () => {
    const { w, adapter } = setup();
    await adapter
      .send({ ...teams('family-1'), type: ActivityTypes.Message, text: 'hello' })
      .assertReply((a) => expect(a.text).to.match(/annual-review survey/));
    expect(w.addresses.rows.size).to.equal(0);
  });

  it('refuses another organisation, and keeps nothing of it', async () => {
    const { w, adapter } = setup();
    const other = teams('staff-1', {
      conversation: { id: 'x', tenantId: 'someone-else', conversationType: 'personal', isGroup: false, name: '' },
    });
    await adapter
      .send({ ...other, type: ActivityTypes.Message, text: 'help' })
      .assertReply('Sorry, this app is not available for your organisation.');
    expect(w.addresses.rows.size).to.equal(0);
  });

  it('marks a conversation gone when the app is uninstalled', async () => {
    const { w, adapter } = setup();
    await adapter.send({ ...teams('staff-1'), type: ActivityTypes.InstallationUpdate, action: 'add' }).startTest();
    expect(w.addresses.rows.get('conv-staff-1')?.status).to.equal('active');
    await adapter.send({ ...teams('staff-1'), type: ActivityTypes.InstallationUpdate, action: 'remove' }).startTest();
    expect(w.addresses.rows.get('conv-staff-1')?.status).to.equal('gone');
  });

  it("forgets a member of staff's own chat and display name when the app is removed from it; a team's removal forgets no one", async () => {
    const { w, adapter } = setup();
    const named = (id: string, conversation?: Partial<Activity['conversation']>) =>
      teams(id, {
        from: { id, name: 'Ada Lovelace', aadObjectId: id },
        ...(conversation ? { conversation: { ...teams(id).conversation!, ...conversation } } : {}),
      });
    await adapter.send({ ...named('staff-1'), type: ActivityTypes.Message, text: 'help' }).startTest();
    expect((await w.addressBook.staffNames(['staff-1']))('staff-1')).to.equal('Ada Lovelace');
    const team = named('staff-1', { id: 'team-conv', conversationType: 'channel', isGroup: true });
    await adapter.send({ ...team, type: ActivityTypes.InstallationUpdate, action: 'remove' }).startTest();
    expect(await w.addressBook.personalChat('staff-1'), 'removed from a team: their own chat stays').to.not.equal(
      undefined,
    );
    await adapter.send({ ...named('staff-1'), type: ActivityTypes.InstallationUpdate, action: 'remove' }).startTest();
    expect(await w.addressBook.personalChat('staff-1')).to.equal(undefined);
    expect((await w.addressBook.staffNames(['staff-1']))('staff-1')).to.equal('a member of staff');
  });

  it('sends a Web Chat card press (Action.Submit) to its route: the confirmation comes on top of the next section', async () => {
    const { w, adapter } = setup();
    const made = await w.invitationService.invite('BOT-101', 'pc', 'staff-1');
    if (made.kind !== 'created') throw new Error(made.kind);
    const web = {
      channelId: 'directline',
      from: { id: 'fam', name: '' },
      conversation: { id: 'web-1', isGroup: false, conversationType: 'personal', name: '' },
    };
    const section = sectionOrder(w.bank)[0]!;
    const value = {
      verb: SAVE_SECTION_VERB,
      code: made.code,
      section,
      bankVersion: w.bank.version,
      ...Object.fromEntries(sectionQuestionIds(w.bank, section, 'pc').map((q) => [q, '4'])),
    };
    await adapter
      .send({ ...web, type: ActivityTypes.Message, text: made.code })
      .assertReply((a) => expect(a.summary).to.match(/Hello, and thank you/))
      .send({ ...web, type: ActivityTypes.Message, value })
      .assertReply((a) => expect(a.summary).to.match(/^✅ Saved: .+ Section 2 of 7\.$/));
  });

  it('answers a Teams card press (Action.Execute invoke) with the replacement card in place', async () => {
    const { w, adapter, bot } = setup();
    const made = await w.invitationService.invite('BOT-102', 'pc', 'staff-1');
    if (made.kind !== 'created') throw new Error(made.kind);
    const section = sectionOrder(w.bank)[0]!;
    const data = {
      code: made.code,
      section,
      bankVersion: w.bank.version,
      ...Object.fromEntries(sectionQuestionIds(w.bank, section, 'pc').map((q) => [q, '4'])),
    };
    const family = teams('family-2');
    await repliesTo(adapter, bot, { ...family, type: ActivityTypes.Message, text: made.code });
    const replies = await repliesTo(adapter, bot, {
      ...family,
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: SAVE_SECTION_VERB, data }, trigger: 'manual' },
    });
    const invokeResponse = replies.find((r) => r.type === 'invokeResponse');
    expect((invokeResponse?.value as { body: { type: string } }).body.type).to.equal(
      'application/vnd.microsoft.card.adaptive',
    );
    expect(replies.some((r) => r.summary?.startsWith('Section 2 of 7'))).to.equal(true);
  });

  it('refuses a malformed card action with 400 and runs nothing', async () => {
    const { adapter, bot } = setup();
    const replies = await repliesTo(adapter, bot, {
      ...teams('staff-1'),
      type: ActivityTypes.Invoke,
      name: 'adaptiveCard/action',
      value: { action: 'not an object' },
    });
    expect(replies).to.have.length(1);
    expect((replies[0]?.value as { status: number }).status).to.equal(400);
  });
});
