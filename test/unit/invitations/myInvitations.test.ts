import { expect } from 'chai';
import type { AdaptiveCardJson } from '../../../src/ports/messages.js';
import { cardElements } from '../../support/cardElements.js';
import {
  FakeTurn,
  FAMILY,
  fakeWorld,
  PRACTITIONER,
  routeMessage,
  type FakeWorld,
} from '../../support/fakes/fakeWorld.js';

/**
 * "my invitations" on the fakes (the product's router, invitation and survey services and card presenters
 * on in-memory stores): statuses through a journey (not opened, section 3 of 7, completed, expired at day
 * 61), newest first; nothing shown to another practitioner and a refusal for families; a fresh link that
 * replaces a lost one (the old code stops, answers are kept, only its maker may renew). Needs no storage
 * or HTTP: Teams and Web Chat turns are built as the channel layer builds them (FakeTurn).
 */
describe('my invitations (router and services on the fakes)', () => {
  const PAT = '21111111-1111-1111-1111-111111111111';
  const COLLEAGUE = '31111111-1111-1111-1111-111111111111';
  let w: FakeWorld;
  let chats = 0;
  beforeEach(() => {
    w = fakeWorld({ today: '2026-11-22' });
    chats = 0;
  });

  const say = async (userId: string, text: string) => {
    const turn = new FakeTurn(PRACTITIONER, { text, userId, conversationId: `${userId}-chat` });
    await w.router.routeText(turn);
    return turn;
  };
  const press = async (userId: string, value: Record<string, unknown>) => {
    const turn = new FakeTurn(PRACTITIONER, { value, userId, conversationId: `${userId}-chat` });
    const outcome = await w.router.routeCard(turn);
    return `${outcome?.replaceWith?.text ?? ''}\n${turn.all}`;
  };

  async function invite(userId: string, ref: string, who: 'parent' | 'child'): Promise<string> {
    return /code ([A-Z0-9-]{12})/.exec((await say(userId, `invite review ${ref} ${who}`)).all)![1]!.replace(/-/g, '');
  }

  /** A family's Web Chat: what it types goes to the survey first, as OutcomesBot routes it. */
  function familyChat() {
    const conversationId = `family-${chats++}`;
    const cardsOf = (turn: FakeTurn, replaced?: { card?: AdaptiveCardJson }) =>
      [replaced?.card, ...turn.said.map((r) => r.card)].filter((c): c is AdaptiveCardJson => c !== undefined);
    return {
      async say(text: string) {
        const turn = new FakeTurn(FAMILY, { text, conversationId, channel: 'directline' });
        await routeMessage(w, turn);
        return { text: turn.texts.join(' '), card: cardsOf(turn).at(-1) };
      },
      async submit(value: Record<string, unknown>) {
        const turn = new FakeTurn(FAMILY, { value, conversationId, channel: 'directline' });
        const outcome = await w.router.routeCard(turn);
        return cardsOf(turn, outcome?.replaceWith).at(-1);
      },
    };
  }
  type Family = ReturnType<typeof familyChat>;

  /** The rows of the "my invitations" card: "<ref> · <who>" → "Made <date> · <status>". */
  async function listed(userId: string, phrase = 'my invitations') {
    const turn = await say(userId, phrase);
    const card = turn.said
      .map((r) => r.card)
      .filter((c) => c !== undefined)
      .at(-1);
    const rows = new Map<string, string>();
    for (const c of cardElements(card ?? {}).filter((e) => e.type === 'Container'))
      rows.set(String(c.items[0].text), String(c.items[1].text));
    return { rows, card, text: turn.said.map((r) => r.text).join(' ') };
  }

  /** Skips through `n` sections from the card shown, as a family pressing "next" with nothing chosen would. */
  async function sections(family: Family, first: AdaptiveCardJson, n: number) {
    let card: any = first;
    for (let k = 0; k < n; k++) {
      const inputs = cardElements(card).filter((e) => e.type === 'Input.ChoiceSet' || e.type === 'Input.Text');
      const answers = Object.fromEntries(inputs.map((i) => [i.id, i.type === 'Input.Text' ? '' : 'skip']));
      card = await family.submit({ ...card.actions[0].data, ...answers });
    }
  }

  it('shows statuses through a journey — not opened, section 3 of 7, completed, expired at day 61 — newest first', async () => {
    const a = await invite(PAT, 'AR-7101', 'parent');
    w.clock.advanceMinutes(1);
    const b = await invite(PAT, 'AR-7102', 'parent');
    w.clock.advanceMinutes(1);
    await invite(PAT, 'AR-7103', 'parent');
    let { rows } = await listed(PAT);
    expect([...rows.keys()]).to.deep.equal([
      'AR-7103 · Parent carer',
      'AR-7102 · Parent carer',
      'AR-7101 · Parent carer',
    ]);
    expect([...rows.values()].every((v) => /^Made 2026-11-22 · not opened$/.test(v))).to.equal(true);

    const family = familyChat();
    const first = (await family.say(a)).card!;
    expect((await listed(PAT)).rows.get('AR-7101 · Parent carer')).to.match(/· section 1 of 7$/);
    await sections(family, first, 2);
    expect((await listed(PAT)).rows.get('AR-7101 · Parent carer')).to.match(/· section 3 of 7$/);

    const other = familyChat();
    await sections(other, (await other.say(b)).card!, 7);
    ({ rows } = await listed(PAT, "who hasn't finished their survey?"));
    expect(rows.get('AR-7102 · Parent carer')).to.match(/· completed$/);

    w.clock.advanceDays(61);
    ({ rows } = await listed(PAT, 'show the invitations I sent'));
    expect(rows.get('AR-7101 · Parent carer')).to.match(/· expired$/);
    expect(rows.get('AR-7102 · Parent carer'), 'completed stays completed').to.match(/· completed$/);
    expect(rows.get('AR-7103 · Parent carer')).to.match(/· expired$/);
  });

  it('shows another practitioner none of them, and refuses families', async () => {
    await invite(PAT, 'AR-7101', 'parent');
    const { rows, text } = await listed(COLLEAGUE);
    expect(rows.size).to.equal(0);
    expect(text).to.match(/have not made any survey invitations/);
    expect((await familyChat().say('my invitations')).text).to.match(/Only practitioners/);
  });

  it('gives a fresh link that replaces a lost one: the old code stops, answers are kept, and only its maker may renew', async () => {
    const old = await invite(PAT, 'AR-7201', 'parent');
    const family = familyChat();
    await sections(family, (await family.say(old)).card!, 1);
    const { card } = await listed(PAT);
    const renew = cardElements(card!).find((e) => e.type === 'ActionSet' && e.actions[0].data.code === old)!.actions[0];
    expect(renew.type).to.equal('Action.Execute');

    // Another practitioner pressing the same button (a forwarded card) learns nothing and changes nothing.
    expect(await press(COLLEAGUE, { ...renew.data, verb: renew.verb })).to.match(
      /could not find that invitation among yours/,
    );
    expect(await w.survey.checkLink(old)).to.equal('ok');

    w.clock.advanceMinutes(5);
    const made = await press(PAT, { ...renew.data, verb: renew.verb });
    expect(made).to.match(/A new link: the old one no longer works/);
    const fresh = /code ([A-Z0-9-]{12})/.exec(made)![1]!.replace(/-/g, '');
    expect(fresh).not.to.equal(old);
    expect(await w.survey.checkLink(old)).to.equal('replaced');
    expect((await familyChat().say(old)).text).to.match(/replaced by a newer one/);
    // The old chat's cards stop too.
    const stopped = await family.say('hello');
    expect(stopped.text + JSON.stringify(stopped.card ?? {})).not.to.match(/Section 2 of 7/);

    // The new code carries on from section 2; pressing the old button again makes nothing new.
    expect(JSON.stringify((await familyChat().say(fresh)).card)).to.include('Section 2 of 7');
    expect(await press(PAT, { ...renew.data, verb: renew.verb })).to.match(/already been replaced/);
    const { card: after } = await listed(PAT);
    const statuses = cardElements(after!)
      .filter((e) => e.type === 'Container' && String(e.items[0].text).startsWith('AR-7201'))
      .map((c) => String(c.items[1].text).replace(/^Made \S+ · /, ''));
    expect(statuses).to.deep.equal(['section 2 of 7', 'replaced by a newer link']);
  });
});
