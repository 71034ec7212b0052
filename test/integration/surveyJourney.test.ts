import { expect } from 'chai';
import { odata } from '@azure/data-tables';
import { MISSING_ANSWER } from '../../src/features/survey/surveyCards.js';
import {
  BotHarness,
  cardElements,
  cardInputIds,
  cards,
  sectionLine,
  texts,
  type Activity,
  type ChatUser,
} from '../support/botHarness.js';
import { TABLES } from '../../src/storage/tableStore.js';
import { sectionOrder } from '../../src/features/survey/domain/sections.js';

/** The whole survey through the bot's HTTP endpoint against real (in-memory) Azurite. */
describe('survey journey (HTTP endpoint, real Azurite)', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  let practitioner: ChatUser;

  before(async () => {
    bot = await BotHarness.start();
    practitioner = bot.user({ aadObjectId: '11111111-1111-1111-1111-111111111111' });
    await bot.stores.roles.set('11111111-1111-1111-1111-111111111111', ['practitioner'], 'test');
  });
  after(async () => bot?.stop());

  async function invite(ref: string, who: 'parent' | 'child'): Promise<string> {
    const { activities } = await practitioner.say(`invite review ${ref} ${who}`);
    const text = texts(activities).join('\n');
    const code = /code ([A-Z0-9-]{12})/.exec(text)?.[1];
    expect(code, text).to.be.a('string');
    return code!.replace(/-/g, '');
  }

  async function answerRows(ref: string, role: string): Promise<Activity[]> {
    const client = await bot.store.table(TABLES.answers);
    const rows: Activity[] = [];
    for await (const e of client.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${`${ref}~${role}`} and kind eq 'answer'` },
    }))
      rows.push(e);
    return rows;
  }

  function sectionInputs(card: Activity): string[] {
    return cardInputIds(card);
  }

  /** Chosen answers for a section card: scores cycle 1..5 with one skip, free text for the first prompts. */
  function answersFor(card: Activity, seed: number): Record<string, string> {
    const answers: Record<string, string> = {};
    sectionInputs(card).forEach((id, i) => {
      if (id.startsWith('text.')) answers[id] = i < 2 ? `answer ${seed}-${i} <b>not html</b>` : '';
      else answers[id] = (seed + i) % 6 === 5 ? 'skip' : String(((seed + i) % 5) + 1);
    });
    return answers;
  }

  const isFacesCard = (card: Activity | undefined) =>
    cardElements(card ?? {}).some((e) => e.type === 'Column' && e.selectAction);

  /**
   * Answers one section card as a person would: a form at once, or (a child's faces) one tap per question,
   * each tap replacing the card until the last one saves the section. Returns every press sent.
   */
  async function answerSection(
    user: ChatUser,
    card: Activity,
    seed: number,
    via: 'submit' | 'execute',
  ): Promise<{ replies: Activity[]; presses: Activity[] }> {
    const press = async (data: Activity) =>
      (via === 'execute' ? await user.execute(String(data.verb), data) : await user.submit(data)).activities;
    if (!isFacesCard(card)) {
      const data = { ...card.actions[0].data, ...answersFor(card, seed) };
      return { replies: await press(data), presses: [data] };
    }
    const presses: Activity[] = [];
    let current = card;
    for (let i = 0; ; i++) {
      const faces = cardElements(current).filter((e) => e.type === 'Column' && e.selectAction);
      const choice = (seed + i) % 6;
      const data = choice === 5 ? current.actions[0].data : faces[choice].selectAction.data;
      presses.push(data);
      const replies = await press(data);
      const replaced =
        via === 'execute'
          ? replies.find((a) => a.type === 'invokeResponse')?.value?.body?.value
          : cards(replies).at(-1);
      if (!isFacesCard(replaced) || replaced.actions[0].data.section !== data.section) return { replies, presses };
      current = replaced;
    }
  }

  it('takes a parent carer from invitation to completion in Web Chat (Action.Submit), storing every answer exactly', async () => {
    const code = await invite('AR-1042', 'parent');
    const family = bot.user({ channelId: 'directline' });
    let replies = (await family.say(code)).activities;
    const given: Record<string, string> = {};
    for (const [k, section] of sectionOrder(bot.seeds.bank).entries()) {
      const card = cards(replies).at(-1)!;
      expect(sectionLine(card)).to.equal(`Section ${k + 1} of 7`);
      expect(card.actions[0].type).to.equal('Action.Submit');
      const answers = answersFor(card, k);
      Object.assign(given, answers);
      replies = (await family.submit({ ...card.actions[0].data, ...answers })).activities;
      expect(cards(replies)[0].body[0].text, section).to.match(/^✅ Saved/);
    }
    expect(texts(replies).join(' ')).to.match(/your survey is complete/i);
    const rows = await answerRows('AR-1042', 'pc');
    expect(rows).to.have.length(Object.keys(given).length);
    for (const row of rows) {
      const value = given[row.questionId];
      if (row.questionId.startsWith('text.')) {
        if (value) expect(row.text).to.equal(value);
        else expect(row.skipped).to.equal(true);
      } else if (value === 'skip') {
        expect(row.skipped).to.equal(true);
        expect(row.score).to.equal(undefined);
      } else {
        expect(row.score).to.equal(Number(value));
      }
      expect(row.term).to.equal('2026-27-autumn');
      expect(row.submittedOn).to.equal('2026-11-22');
    }
  });

  it('takes a child through every section in Teams (Action.Execute), replacing each card in place', async () => {
    const code = await invite('AR-2001', 'child');
    const child = bot.user({ channelId: 'msteams' });
    let replies = (await child.say(code)).activities;
    for (let k = 0; k < 7; k++) {
      const card = cards(replies).at(-1)!;
      expect(card.actions[0].type).to.equal('Action.Execute');
      expect(isFacesCard(card), `section ${k + 1} faces`).to.equal(k < 6);
      replies = (await answerSection(child, card, k + 10, 'execute')).replies;
      const invoke = replies.find((a) => a.type === 'invokeResponse');
      expect(invoke?.value?.body?.type).to.equal('application/vnd.microsoft.card.adaptive');
      expect(invoke?.value?.body?.value?.body?.[0]?.text).to.match(/^✅ Saved/);
    }
    expect(texts(replies).join(' ')).to.match(/complete/i);
    expect(await answerRows('AR-2001', 'cyp')).to.have.length(19 + 6);
  });

  it('lets a child tap faces one question at a time, stores each exactly, and remembers a switch to numbers', async () => {
    const code = await invite('AR-2101', 'child');
    const child = bot.user({ channelId: 'directline' });
    let card = cards((await child.say(code)).activities).at(-1)!;
    expect(isFacesCard(card)).to.equal(true);
    const { replies, presses } = await answerSection(child, card, 3, 'submit');
    expect(presses.map((p) => p.question)).to.deep.equal(['voice.cyp.1', 'voice.cyp.2', 'voice.cyp.3']);
    const rows = await answerRows('AR-2101', 'cyp');
    for (const p of presses) {
      const row = rows.find((r) => r.questionId === p.question)!;
      if (p.answer === 'skip') expect(row.skipped).to.equal(true);
      else expect(row.score, p.question).to.equal(Number(p.answer));
    }
    // Older young people may prefer numbers: the choice holds for the survey, on any device.
    card = cards(replies).at(-1)!;
    const switched = cards(
      (await child.submit(card.actions.find((a: Activity) => a.title === 'Use numbers 1–5 instead').data)).activities,
    ).at(-1)!;
    expect(isFacesCard(switched)).to.equal(false);
    expect(sectionLine(switched)).to.equal('Section 2 of 7');
    const elsewhere = cards((await bot.user({ channelId: 'msteams' }).say(code)).activities).at(-1)!;
    expect(isFacesCard(elsewhere)).to.equal(false);
    expect(elsewhere.actions.map((a: Activity) => a.title)).to.include('Use faces instead');
    const back = cards((await child.submit(switched.actions[1].data)).activities).at(-1)!;
    expect(isFacesCard(back)).to.equal(true);
  });

  it('resumes at the first unanswered section after the family leaves, from the code or the same chat', async () => {
    const code = await invite('AR-3003', 'parent');
    const family = bot.user({ channelId: 'directline' });
    let replies = (await family.say(code)).activities;
    for (let k = 0; k < 3; k++) {
      const card = cards(replies).at(-1)!;
      replies = (await family.submit({ ...card.actions[0].data, ...answersFor(card, k) })).activities;
    }
    // Same conversation: a message is answered where the family is (the card above stays the one to use)…
    replies = (await family.say('hello')).activities;
    expect(cards(replies)).to.have.length(0);
    expect(texts(replies).join(' ')).to.match(/section 4 of 7/);
    // …and "carry on" shows section 4 again.
    replies = (await family.say('carry on')).activities;
    expect(sectionLine(cards(replies).at(-1))).to.equal('Section 4 of 7');
    // A new device with the code: also section 4.
    replies = (await bot.user({ channelId: 'directline' }).say(code)).activities;
    expect(texts(replies).join(' ')).to.match(/welcome back/i);
    expect(sectionLine(cards(replies).at(-1))).to.equal('Section 4 of 7');
  });

  it('stores a replayed or double-clicked submission once, and replaces a changed answer', async () => {
    const code = await invite('AR-4004', 'parent');
    const family = bot.user({ channelId: 'msteams' });
    const card = cards((await family.say(code)).activities).at(-1)!;
    const answers = answersFor(card, 1);
    const data = { ...card.actions[0].data, ...answers };
    const seenBefore = (await bot.stores.counters.readTerm('2026-27-autumn')).get('pc~voice')?.seen ?? 0;
    const same = { id: 'activity-replayed' };
    await Promise.all([
      family.execute('survey.saveSection', data, same),
      family.execute('survey.saveSection', data, same),
      family.execute('survey.saveSection', data),
    ]);
    const rows = await answerRows('AR-4004', 'pc');
    expect(rows).to.have.length(3);
    const aggregates = await bot.stores.counters.readTerm('2026-27-autumn');
    expect(aggregates.get('pc~voice')?.seen).to.equal(seenBefore + 1);
    await family.execute('survey.saveSection', { ...data, 'voice.pc.1': '5' });
    const after = await answerRows('AR-4004', 'pc');
    expect(after).to.have.length(3);
    expect(after.find((r) => r.questionId === 'voice.pc.1')?.score).to.equal(5);
    expect((await bot.stores.counters.readTerm('2026-27-autumn')).get('pc~voice')?.seen).to.equal(seenBefore + 1);
  });

  it('refuses every kind of bad input with a clear message and stores nothing', async () => {
    const code = await invite('AR-5005', 'parent');
    const family = bot.user({ channelId: 'directline' });
    const card = cards((await family.say(code)).activities).at(-1)!;
    const good = { ...card.actions[0].data, ...answersFor(card, 2) };
    const bad: [string, Activity, RegExp][] = [
      ['unknown question id', { ...good, 'voice.pc.7': '3' }, /not part of your survey/],
      ['score outside 1–5', { ...good, 'voice.pc.1': '9' }, /could not read your answer/],
      [
        'text over 2,000 characters',
        { ...card.actions[0].data, section: 'text', 'text.pc.1': 'x'.repeat(2001) },
        /under 2,000 characters/,
      ],
      ['a section of another survey', { ...good, code: 'ZZZZZZZZ22' }, /different survey/],
      ['another edition of the survey', { ...good, bankVersion: '1999.1' }, /different survey/],
      ['a missing answer', { ...card.actions[0].data, 'voice.pc.1': '3' }, /choose an answer for questions 2, 3/],
    ];
    for (const [what, value, message] of bad) {
      const replies = (await family.submit(value)).activities;
      expect(texts(replies).join(' '), what).to.match(message);
      expect(JSON.stringify(replies), what).not.to.match(/stack|Error:|at .*\.ts/);
    }
    expect(await answerRows('AR-5005', 'pc'), 'nothing stored').to.have.length(0);
    expect(await bot.stores.respondents.read('AR-5005', 'pc').then((s) => Object.keys(s!.sections))).to.deep.equal([]);
  });

  it('names the questions still to answer and shows the card again with the given answers kept', async () => {
    const code = await invite('AR-5105', 'parent');
    for (const family of [bot.user({ channelId: 'directline' }), bot.user({ channelId: 'msteams' })]) {
      const card = cards((await family.say(code)).activities).at(-1)!;
      const replies = (await family.submit({ ...card.actions[0].data, 'voice.pc.2': '4' })).activities;
      expect(texts(replies).join(' ')).to.match(/choose an answer for questions 1, 3/);
      const again = cards(replies).at(-1)!;
      const inputs = cardElements(again).filter((e) => e.type === 'Input.ChoiceSet');
      expect(inputs.map((i) => i.value)).to.deep.equal(['', '4', '']);
      const notes = cardElements(again).filter((e) => e.type === 'TextBlock' && e.text === MISSING_ANSWER);
      expect(notes, 'a note beside each unanswered question').to.have.length(2);
      expect(again.actions[0].data).to.deep.equal(card.actions[0].data);
    }
    expect(await answerRows('AR-5105', 'pc'), 'nothing stored').to.have.length(0);
  });

  it('lets only the chat that saved a section change it; another device carries on with the rest', async () => {
    const code = await invite('AR-5205', 'parent');
    const phone = bot.user({ channelId: 'directline' });
    let replies = (await phone.say(code)).activities;
    const first = cards(replies).at(-1)!;
    replies = (await phone.submit({ ...first.actions[0].data, ...answersFor(first, 1) })).activities;
    const before = await answerRows('AR-5205', 'pc');

    const laptop = bot.user({ channelId: 'directline' });
    replies = (await laptop.say(code)).activities;
    expect(sectionLine(cards(replies).at(-1))).to.equal('Section 2 of 7');
    const overwrite = (await laptop.submit({ ...first.actions[0].data, ...answersFor(first, 3) })).activities;
    expect(texts(overwrite).join(' ')).to.match(/already saved from another device.*Section 2 is the next/);
    expect(await answerRows('AR-5205', 'pc')).to.deep.equal(before);
    // Through Teams' Action.Execute from a third chat, the same.
    await bot
      .user({ channelId: 'msteams' })
      .execute('survey.saveSection', { ...first.actions[0].data, ...answersFor(first, 4) });
    expect(await answerRows('AR-5205', 'pc')).to.deep.equal(before);

    // The laptop carries on with section 2; the phone may still change its own section 1.
    const second = cards(replies).at(-1)!;
    expect(
      texts((await laptop.submit({ ...second.actions[0].data, ...answersFor(second, 2) })).activities).join(' '),
    ).to.match(/Saved: Progress/);
    await phone.submit({ ...first.actions[0].data, ...answersFor(first, 3) });
    const changed = await answerRows('AR-5205', 'pc');
    expect(changed.find((r) => r.questionId === 'voice.pc.1')?.score).to.equal(
      Number(answersFor(first, 3)['voice.pc.1']),
    );
  });

  it('keeps a completed survey read-only: replaying any old card, from any chat, changes nothing', async () => {
    const code = await invite('AR-5305', 'child');
    const child = bot.user({ channelId: 'directline' });
    let replies = (await child.say(code)).activities;
    const presses: Activity[] = [];
    for (let k = 0; k < 7; k++) {
      const card = cards(replies).at(-1)!;
      const answered = await answerSection(child, card, k, 'submit');
      replies = answered.replies;
      presses.push(...answered.presses);
    }
    const before = await answerRows('AR-5305', 'cyp');
    expect(before).to.have.length(19 + 6);
    for (const [i, data] of presses.entries()) {
      const changed =
        data.verb === 'survey.answer'
          ? { ...data, answer: data.answer === '1' ? '2' : '1' }
          : { ...data, 'text.cyp.1': 'changed' };
      const verb = String(data.verb);
      for (const reply of [
        await child.submit(changed),
        await bot.user({ channelId: 'msteams' }).execute(verb, changed),
        await child.submit({ verb, code: data.code, section: data.section, bankVersion: data.bankVersion }),
      ]) {
        const all = texts(reply.activities).join(' ');
        expect(all, `press ${i + 1}`).to.match(/already complete, so your answers can no longer be changed/);
      }
    }
    // A double click on the last button is still just acknowledged.
    expect(texts((await child.submit(presses.at(-1)!)).activities).join(' ')).to.match(/Already saved/);
    expect(await answerRows('AR-5305', 'cyp')).to.deep.equal(before);
  });

  it('refuses expired, used and guessed codes, and stops guessing after 5 tries an hour', async () => {
    const expired = await invite('AR-6006', 'child');
    bot.clock.advanceDays(61);
    expect(texts((await bot.user().say(expired)).activities).join(' ')).to.match(/has expired/);
    bot.clock.set('2026-11-22');

    // AR-1042's parent carer completed the survey in the first test.
    const used = await invite('AR-1042', 'child');
    expect(used).to.be.a('string');
    const { activities } = await practitioner.say('invite review AR-1042 parent');
    expect(texts(activities).join(' ')).to.match(/already completed/);

    const guesser = bot.user({ channelId: 'directline' });
    for (let i = 0; i < 4; i++)
      expect(texts((await guesser.say('ABCD-EFGH-23')).activities).join(' ')).to.match(/don't recognise that code/);
    expect(texts((await guesser.say('ABCD-EFGH-24')).activities).join(' ')).to.match(/too many tries/);
    // Even the right code is refused while locked, and the lock lifts after an hour.
    const fresh = await invite('AR-7007', 'parent');
    expect(texts((await guesser.say(fresh)).activities).join(' ')).to.match(/too many tries/);
    bot.clock.advanceMinutes(61);
    expect(sectionLine(cards((await guesser.say(fresh)).activities).at(-1))).to.equal('Section 1 of 7');
    bot.clock.set('2026-11-22');
  });

  it('tells a family a completed survey is complete, kindly', async () => {
    const code = await invite('AR-8008', 'child');
    const child = bot.user({ channelId: 'directline' });
    let replies = (await child.say(code)).activities;
    for (let k = 0; k < 7; k++) replies = (await answerSection(child, cards(replies).at(-1)!, k, 'submit')).replies;
    expect(texts((await bot.user().say(code)).activities).join(' ')).to.match(/already been completed — thank you/);
  });

  it('lets a practitioner invite but not a family or an unknown user', async () => {
    const stranger = bot.user();
    const { activities } = await stranger.say('invite review AR-9009 parent');
    expect(texts(activities).join(' ')).to.match(/Only practitioners can invite/);
    const client = await bot.store.table(TABLES.invitations);
    for await (const e of client.listEntities<{ reviewRef: string }>()) expect(e.reviewRef).not.to.equal('AR-9009');
  });

  it('refuses a review reference that looks like a name or NHS number', async () => {
    const { activities } = await practitioner.say('invite review 4857773456 parent');
    expect(texts(activities).join(' ')).to.match(/not a review reference|which review/i);
  });

  it('answers "help" over the endpoint', async () => {
    const { status, activities } = await bot.user().say('help');
    expect(status).to.equal(200);
    expect(texts(activities).join(' ')).to.match(/annual-review survey/);
  });
});
