import { expect } from 'chai';
import { sectionOrder } from '../../src/features/survey/domain/sections.js';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';

/**
 * "You said, we did" through the HTTP endpoint with real Azurite: a manager adds, changes and removes
 * entries from cards (who and when kept; personal data refused in words); the entries reach the termly
 * digest, the end card of a family who answered that outcome, and the public page.
 */
describe('"you said, we did" (HTTP endpoint, real Azurite)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const MANAGER = 'ffffffff-0000-0000-0000-000000000001';
  const PRACTITIONER = 'ffffffff-0000-0000-0000-000000000002';
  let manager: ChatUser;

  const cardOf = async (user: ChatUser, p: Promise<{ activities: any[] }>) => {
    const { activities } = await p;
    void user;
    return {
      text: texts(activities).join('\n'),
      card: cards(activities).at(-1) as any,
      all: JSON.stringify(activities),
    };
  };

  before(async () => {
    bot = await BotHarness.start();
    await bot.stores.roles.set(MANAGER, ['manager'], 'test');
    await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
    manager = bot.user({ aadObjectId: MANAGER, name: 'Mina Manager' });
  });
  after(async () => bot?.stop());

  it('lets a manager add an entry, refuses personal data in words, and keeps who and when', async () => {
    const list = await cardOf(manager, manager.say('you said, we did'));
    expect(list.all).to.include('No entries yet');
    const form = await cardOf(manager, manager.submit({ verb: 'yousaid.edit' }));
    expect(form.all).to.include('These entries are public');
    // A review reference: refused, with the form kept as typed.
    const refused = await cardOf(
      manager,
      manager.submit({
        verb: 'yousaid.save',
        id: '',
        outcome: 'support',
        youSaid: 'AR-1042 waited too long',
        weDid: 'We hired more therapists',
      }),
    );
    expect(refused.all).to.include('seems to contain a review reference');
    expect(refused.all).to.include('We hired more therapists');
    expect((await bot.services.youSaid.current()).length).to.equal(0);
    const saved = await cardOf(
      manager,
      manager.submit({
        verb: 'yousaid.save',
        id: '',
        outcome: 'support',
        youSaid: 'Waiting for speech and language therapy took too long',
        weDid: 'We funded two more therapists and a weekly drop-in',
      }),
    );
    expect(saved.all).to.include('Added. It is public now.');
    const [entry] = await bot.services.youSaid.current();
    expect(entry).to.deep.include({ outcome: 'support', createdBy: MANAGER });
    // Shown by the name Teams gave (kept with the manager's address), never by the id, which the entry keeps.
    expect(saved.all).to.include('Added by Mina Manager');
    expect(saved.all).not.to.include(`by ${MANAGER}`);
    // A practitioner cannot.
    const practitioner = bot.user({ aadObjectId: PRACTITIONER });
    expect((await cardOf(practitioner, practitioner.say('you said we did'))).text).to.match(/only managers/);
  });

  it('changes and removes an entry, keeping who did it', async () => {
    const extra = await bot.services.youSaid.save(
      { outcome: 'safe', youSaid: 'School transport felt unsafe', weDid: 'We added escorts on two routes' },
      MANAGER,
    );
    if (extra.kind !== 'saved') throw new Error('not saved');
    const changed = await cardOf(
      manager,
      manager.submit({
        verb: 'yousaid.save',
        id: extra.entry.id,
        outcome: 'safe',
        youSaid: 'School transport felt unsafe',
        weDid: 'We added trained escorts on three routes',
      }),
    );
    expect(changed.all).to.include('Changed.');
    expect((await bot.services.youSaid.get(extra.entry.id))!).to.deep.include({
      weDid: 'We added trained escorts on three routes',
      updatedBy: MANAGER,
    });
    const gone = await bot.services.youSaid.save(
      { outcome: 'voice', youSaid: 'Nobody asked our views', weDid: 'We started a parent panel' },
      MANAGER,
    );
    if (gone.kind !== 'saved') throw new Error('not saved');
    const removed = await cardOf(manager, manager.submit({ verb: 'yousaid.remove', id: gone.entry.id }));
    expect(removed.all).to.include('Removed.');
    expect(removed.all).not.to.include('Nobody asked our views');
    expect((await bot.services.youSaid.get(gone.entry.id))!.removedBy).to.equal(MANAGER);
  });

  it('shows the entries in the termly digest and on the end card of a family who answered that outcome', async () => {
    const { reply } = await bot.services.digests.build(bot.seeds.terms.termOf(bot.clock.today()));
    const digest = JSON.stringify(reply);
    expect(digest).to.include('You said, we did');
    expect(digest).to.include('Waiting for speech and language therapy took too long');
    expect(digest).not.to.include('Nobody asked our views');

    const { code } = await invite('AR-7001');
    const family = bot.user({ channelId: 'directline' });
    await family.say(code);
    let last = '';
    for (const section of sectionOrder(bot.seeds.bank)) {
      const answers: Record<string, string> = {};
      if (section === 'text') for (const p of bot.seeds.bank.promptsFor('pc')) answers[p.id] = '';
      else for (const q of bot.seeds.bank.questionsFor(section, 'pc')) answers[q.id] = '4';
      const { activities } = await family.submit({
        verb: 'survey.saveSection',
        code,
        section,
        bankVersion: bot.seeds.bank.version,
        ...answers,
      });
      last = JSON.stringify(cards(activities));
    }
    expect(last).to.include('Thank you');
    expect(last).to.include('You said: Waiting for speech and language therapy took too long');
    expect(last).to.include('We did: We added trained escorts on three routes');
    expect(last).not.to.include('Nobody asked our views');
  });

  async function invite(ref: string): Promise<{ code: string }> {
    const practitioner = bot.user({ aadObjectId: PRACTITIONER });
    const { activities } = await practitioner.say(`invite review ${ref} parent`);
    return { code: /code ([A-Z0-9-]{12})/.exec(texts(activities).join('\n'))![1]!.replace(/-/g, '') };
  }

  it('publishes a plain public page with no personal data', async () => {
    const page = await fetch(`${bot.baseUrl}/you-said-we-did`);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/text\/html/);
    const body = await page.text();
    expect(body).to.include('<h1>You said, we did</h1>');
    expect(body).to.include('Waiting for speech and language therapy took too long');
    expect(body).not.to.include('Nobody asked our views');
    expect(body).not.to.include(MANAGER);
    expect(body).not.to.match(/\bAR-\d+/);
    expect(body).not.to.include('<script');
  });
});
