import { expect } from 'chai';
import { BotHarness, cardElements, cards, texts, type Activity, type ChatUser } from '../support/botHarness.js';

/** "my invitations" through the HTTP endpoint with real Azurite: statuses through a journey, and a fresh link. */
describe('my invitations (HTTP endpoint, real Azurite)', () => {
  let bot: BotHarness;
  let practitioner: ChatUser;
  let colleague: ChatUser;
  const PRACTITIONER = '21111111-1111-1111-1111-111111111111';
  const COLLEAGUE = '31111111-1111-1111-1111-111111111111';

  before(async () => {
    bot = await BotHarness.start();
    await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
    await bot.stores.roles.set(COLLEAGUE, ['practitioner'], 'test');
    practitioner = bot.user({ aadObjectId: PRACTITIONER });
    colleague = bot.user({ aadObjectId: COLLEAGUE });
  });
  after(async () => bot?.stop());

  async function invite(user: ChatUser, ref: string, who: 'parent' | 'child'): Promise<string> {
    const text = texts((await user.say(`invite review ${ref} ${who}`)).activities).join('\n');
    return /code ([A-Z0-9-]{12})/.exec(text)![1].replace(/-/g, '');
  }

  /** The rows of the "my invitations" card: "<ref> · <who>" → "Made <date> · <status>". */
  async function listed(
    user: ChatUser,
    phrase = 'my invitations',
  ): Promise<{ rows: Map<string, string>; card: Activity | undefined; text: string }> {
    const { activities } = await user.say(phrase);
    const card = cards(activities).at(-1);
    const rows = new Map<string, string>();
    for (const c of cardElements(card ?? {}).filter((e) => e.type === 'Container'))
      rows.set(String(c.items[0].text), String(c.items[1].text));
    return { rows, card, text: texts(activities).join(' ') };
  }

  function sections(user: ChatUser, first: Activity, n: number) {
    let card = first;
    return (async () => {
      for (let k = 0; k < n; k++) {
        const inputs = cardElements(card).filter((e) => e.type === 'Input.ChoiceSet' || e.type === 'Input.Text');
        const answers = Object.fromEntries(inputs.map((i) => [i.id, i.type === 'Input.Text' ? '' : 'skip']));
        card = cards((await user.submit({ ...card.actions[0].data, ...answers })).activities).at(-1)!;
      }
    })();
  }

  it('shows statuses through a journey — not opened, section 3 of 7, completed, expired at day 61 — newest first', async () => {
    const a = await invite(practitioner, 'AR-7101', 'parent');
    bot.clock.advanceMinutes(1);
    const b = await invite(practitioner, 'AR-7102', 'parent');
    bot.clock.advanceMinutes(1);
    await invite(practitioner, 'AR-7103', 'parent');
    let { rows } = await listed(practitioner);
    expect([...rows.keys()]).to.deep.equal([
      'AR-7103 · Parent carer',
      'AR-7102 · Parent carer',
      'AR-7101 · Parent carer',
    ]);
    expect([...rows.values()].every((v) => /^Made 2026-11-22 · not opened$/.test(v))).to.equal(true);

    const family = bot.user({ channelId: 'directline' });
    const first = cards((await family.say(a)).activities).at(-1)!;
    expect((await listed(practitioner)).rows.get('AR-7101 · Parent carer')).to.match(/· section 1 of 7$/);
    await sections(family, first, 2);
    expect((await listed(practitioner)).rows.get('AR-7101 · Parent carer')).to.match(/· section 3 of 7$/);

    const other = bot.user({ channelId: 'directline' });
    await sections(other, cards((await other.say(b)).activities).at(-1)!, 7);
    ({ rows } = await listed(practitioner, "who hasn't finished their survey?"));
    expect(rows.get('AR-7102 · Parent carer')).to.match(/· completed$/);

    bot.clock.advanceDays(61);
    try {
      ({ rows } = await listed(practitioner, 'show the invitations I sent'));
      expect(rows.get('AR-7101 · Parent carer')).to.match(/· expired$/);
      expect(rows.get('AR-7102 · Parent carer'), 'completed stays completed').to.match(/· completed$/);
      expect(rows.get('AR-7103 · Parent carer')).to.match(/· expired$/);
    } finally {
      bot.clock.set('2026-11-22');
    }
  });

  it('shows another practitioner none of them, and refuses families', async () => {
    const { rows, text } = await listed(colleague);
    expect(rows.size).to.equal(0);
    expect(text).to.match(/have not made any survey invitations/);
    const family = await bot.user({ channelId: 'directline' }).say('my invitations');
    expect(texts(family.activities).join(' ')).to.match(/Only practitioners/);
  });

  it('gives a fresh link that replaces a lost one: the old code stops, answers are kept, and only its maker may renew', async () => {
    const old = await invite(practitioner, 'AR-7201', 'parent');
    const family = bot.user({ channelId: 'directline' });
    await sections(family, cards((await family.say(old)).activities).at(-1)!, 1);
    const { card } = await listed(practitioner);
    const renew = cardElements(card!).find((e) => e.type === 'ActionSet' && e.actions[0].data.code === old)!.actions[0];
    expect(renew.type).to.equal('Action.Execute');

    // Another practitioner pressing the same button (a forwarded card) learns nothing and changes nothing.
    const refused = await colleague.execute(renew.verb, renew.data);
    expect(texts(refused.activities).join(' ')).to.match(/could not find that invitation among yours/);
    expect(await bot.services.survey.checkLink(old)).to.equal('ok');

    bot.clock.advanceMinutes(5);
    const made = texts((await practitioner.execute(renew.verb, renew.data)).activities).join(' ');
    expect(made).to.match(/A new link: the old one no longer works/);
    const fresh = /code ([A-Z0-9-]{12})/.exec(made)![1].replace(/-/g, '');
    expect(fresh).not.to.equal(old);
    expect(await bot.services.survey.checkLink(old)).to.equal('replaced');
    expect(texts((await bot.user({ channelId: 'directline' }).say(old)).activities).join(' ')).to.match(
      /replaced by a newer one/,
    );
    // The old chat's cards stop too.
    expect(texts((await family.say('hello')).activities).join(' ')).not.to.match(/Section 2 of 7/);

    // The new code carries on from section 2; pressing the old button again makes nothing new.
    const next = cards((await bot.user({ channelId: 'directline' }).say(fresh)).activities).at(-1)!;
    expect(JSON.stringify(next)).to.include('Section 2 of 7');
    expect(texts((await practitioner.execute(renew.verb, renew.data)).activities).join(' ')).to.match(
      /already been replaced/,
    );
    const { card: after } = await listed(practitioner);
    const statuses = cardElements(after!)
      .filter((e) => e.type === 'Container' && String(e.items[0].text).startsWith('AR-7201'))
      .map((c) => String(c.items[1].text).replace(/^Made \S+ · /, ''));
    expect(statuses).to.deep.equal(['section 2 of 7', 'replaced by a newer link']);
  });
});
