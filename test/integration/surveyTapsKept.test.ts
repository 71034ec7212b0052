import { expect } from 'chai';
import { odata } from '@azure/data-tables';
import { BotHarness, cardElements, cards, texts, type Activity, type ChatUser } from '../support/botHarness.js';
import { TABLES } from '../../src/storage/tableStore.js';

/**
 * A child's faces, one tap per question, through the bot's HTTP endpoint against real (in-memory) Azurite:
 * each tap is kept the moment it is made, old cards and double taps change nothing, and a typed message
 * is answered without losing the place.
 */
describe('a child survey keeps every face tapped (HTTP endpoint, real Azurite)', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  let practitioner: ChatUser;

  before(async () => {
    bot = await BotHarness.start();
    practitioner = bot.user({ aadObjectId: '22222222-1111-1111-1111-111111111111' });
    await bot.stores.roles.set('22222222-1111-1111-1111-111111111111', ['practitioner'], 'test');
  });
  after(async () => bot?.stop());

  async function invite(ref: string): Promise<string> {
    const { activities } = await practitioner.say(`invite review ${ref} child`);
    const code = /code ([A-Z0-9-]{12})/.exec(texts(activities).join('\n'))?.[1];
    expect(code).to.be.a('string');
    return code!.replace(/-/g, '');
  }

  /** The press of one face ('4' = Agree) or of "prefer not to say" ('skip') on a faces card. */
  function tap(card: Activity, answer: string): Activity {
    if (answer === 'skip') return card.actions[0].data;
    const faces = cardElements(card).filter((e) => e.type === 'Column' && e.selectAction);
    return faces[5 - Number(answer)].selectAction.data;
  }

  const questionLine = (card: Activity | undefined) =>
    cardElements(card ?? {}).find((e) => e.type === 'TextBlock' && /^Question \d+ of \d+$/.test(String(e.text)))?.text;

  async function kept(ref: string): Promise<Record<string, number> | undefined> {
    return (await bot.stores.respondents.read(ref, 'cyp'))?.partial?.voice?.values;
  }

  async function answerRows(ref: string): Promise<Activity[]> {
    const client = await bot.store.table(TABLES.answers);
    const rows: Activity[] = [];
    for await (const e of client.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${`${ref}~cyp`} and kind eq 'answer'` },
    }))
      rows.push(e);
    return rows;
  }

  async function start(ref: string): Promise<{ child: ChatUser; code: string; first: Activity }> {
    const code = await invite(ref);
    const child = bot.user({ channelId: 'directline' });
    const first = cards((await child.say(code)).activities).at(-1)!;
    expect(questionLine(first)).to.equal('Question 1 of 3');
    return { child, code, first };
  }

  it('keeps each tap at once as part of the section, writing no answer row until the section is saved', async () => {
    const { child, first } = await start('AR-5101');
    const second = cards((await child.submit(tap(first, '4'))).activities).at(-1)!;
    expect(questionLine(second)).to.equal('Question 2 of 3');
    expect(await kept('AR-5101')).to.deep.equal({ 'voice.cyp.1': 4 });
    expect(await answerRows('AR-5101'), 'nothing partial is an answer row').to.have.length(0);
    const third = cards((await child.submit(tap(second, 'skip'))).activities).at(-1)!;
    expect(await kept('AR-5101')).to.deep.equal({ 'voice.cyp.1': 4, 'voice.cyp.2': 0 });
    await child.submit(tap(third, '2'));
    const state = await bot.stores.respondents.read('AR-5101', 'cyp');
    expect(state?.partial, 'the kept taps became the saved section').to.equal(undefined);
    expect(state?.sections.voice.values).to.deep.equal({ 'voice.cyp.1': 4, 'voice.cyp.2': 0, 'voice.cyp.3': 2 });
    expect((await answerRows('AR-5101')).map((r) => [r.questionId, r.score ?? 'skip'])).to.have.deep.members([
      ['voice.cyp.1', 4],
      ['voice.cyp.2', 'skip'],
      ['voice.cyp.3', 2],
    ]);
  });

  it('treats a double tap as one answer and one next card, in Web Chat and in Teams', async () => {
    const { child, first } = await start('AR-5102');
    const both = await Promise.all([child.submit(tap(first, '5')), child.submit(tap(first, '5'))]);
    const next = both.flatMap((r) => cards(r.activities));
    expect(next.map(questionLine), 'one next card').to.deep.equal(['Question 2 of 3']);
    expect(
      both.flatMap((r) => texts(r.activities)).filter((t) => !/^Section/.test(t)),
      'nothing else said',
    ).to.deep.equal([]);
    expect(await kept('AR-5102')).to.deep.equal({ 'voice.cyp.1': 5 });

    // Teams re-sends a slow turn: the card is put in place again, unchanged.
    const teams = bot.user({ channelId: 'msteams' });
    const teamsCard = cards((await teams.say(await invite('AR-5103'))).activities).at(-1)!;
    const press = tap(teamsCard, '3');
    const firstTry = await teams.execute('survey.answer', press);
    const again = await teams.execute('survey.answer', press);
    const invokeCard = (r: { activities: Activity[] }) =>
      r.activities.find((a) => a.type === 'invokeResponse')?.value?.body?.value;
    expect(questionLine(invokeCard(firstTry))).to.equal('Question 2 of 3');
    expect(questionLine(invokeCard(again))).to.equal('Question 2 of 3');
    expect(texts(again.activities)).to.deep.equal([]);
    expect(await bot.stores.respondents.read('AR-5103', 'cyp').then((s) => s?.partial?.voice?.values)).to.deep.equal({
      'voice.cyp.1': 3,
    });
  });

  it('a double tap of a section’s last face saves it once and says nothing more', async () => {
    const { child, first } = await start('AR-5104');
    const second = cards((await child.submit(tap(first, '4'))).activities).at(-1)!;
    const third = cards((await child.submit(tap(second, '4'))).activities).at(-1)!;
    const once = await child.submit(tap(third, '4'));
    expect(cards(once.activities)).to.have.length(1);
    const twice = await child.submit(tap(third, '4'));
    expect(texts(twice.activities), 'no "Already saved", no second card').to.deep.equal([]);
    expect(await answerRows('AR-5104')).to.have.length(3);
  });

  it('an earlier card changes nothing and says so, naming the answer kept', async () => {
    const { child, first } = await start('AR-5105');
    const second = cards((await child.submit(tap(first, '4'))).activities).at(-1)!;
    bot.clock.advanceMinutes(1); // later, not a double tap
    const late = await child.submit(tap(first, '1'));
    expect(cards(late.activities), 'no new card').to.have.length(0);
    expect(texts(late.activities).join(' ')).to.match(
      /already answered that question.*you picked: Agree.*not changed anything/,
    );
    expect(texts(late.activities).join(' ')).to.match(/question 2 of 3/);
    expect(await kept('AR-5105'), 'unchanged').to.deep.equal({ 'voice.cyp.1': 4 });
    // The card of a question not yet reached does nothing either.
    const ahead = { ...tap(second, '5'), question: 'voice.cyp.3' };
    expect(texts((await child.submit(ahead)).activities).join(' ')).to.match(/not the current question/);
    expect(await kept('AR-5105')).to.deep.equal({ 'voice.cyp.1': 4 });
  });

  it('shows the faces already tapped on the numbers card, and keeps what is ticked there on the way back', async () => {
    const { child, first } = await start('AR-5106');
    const second = cards((await child.submit(tap(first, '2'))).activities).at(-1)!;
    const numbers = cards(
      (await child.submit(second.actions.find((a: { title: string }) => a.title === 'Use numbers 1–5 instead').data))
        .activities,
    ).at(-1)!;
    const inputs = cardElements(numbers).filter((e) => e.type === 'Input.ChoiceSet');
    expect(inputs.map((i) => i.value)).to.deep.equal(['2', '', '']);
    // Ticks question 2 on the numbers card, then goes back to faces: Action.Submit sends what is ticked.
    const back = cards(
      (await child.submit({ ...numbers.actions[1].data, 'voice.cyp.1': '2', 'voice.cyp.2': '5' })).activities,
    ).at(-1)!;
    expect(questionLine(back)).to.equal('Question 3 of 3');
    expect(await kept('AR-5106')).to.deep.equal({ 'voice.cyp.1': 2, 'voice.cyp.2': 5 });
  });

  it('answers what a family types mid-section without losing the place, and shows the card again on "carry on"', async () => {
    const { child, first } = await start('AR-5107');
    await child.submit(tap(first, '5'));
    const word = await child.say('what does EHCP mean?');
    expect(cards(word.activities)).to.have.length(0);
    expect(texts(word.activities).join(' ')).to.match(/Education, Health and Care plan.*question 2 of 3/);
    const stop = texts((await child.say('I want to stop')).activities).join(' ');
    expect(stop).to.match(/saved, including the faces you tapped/);
    expect(stop).to.match(/same link/);
    const hello = await child.say('hello');
    expect(cards(hello.activities)).to.have.length(0);
    expect(texts(hello.activities).join(' ')).to.match(/question 2 of 3/);
    const help = texts((await child.say('i dont get it')).activities).join(' ');
    expect(help).to.match(/Tap the face/);
    expect(help).to.match(/Need help now\?/);
    const again = cards((await child.say('carry on')).activities).at(-1)!;
    expect(questionLine(again)).to.equal('Question 2 of 3');
    expect(await kept('AR-5107')).to.deep.equal({ 'voice.cyp.1': 5 });
  });

  it('comes back to the tapped faces from another device, at the next question', async () => {
    const { child, code, first } = await start('AR-5108');
    const second = cards((await child.submit(tap(first, '1'))).activities).at(-1)!;
    await child.submit(tap(second, '3'));
    const laptop = bot.user({ channelId: 'directline' });
    const { activities } = await laptop.say(code);
    expect(texts(activities).join(' ')).to.match(/Welcome back/);
    const card = cards(activities).at(-1)!;
    expect(questionLine(card)).to.equal('Question 3 of 3');
    await laptop.submit(tap(card, '4'));
    expect((await answerRows('AR-5108')).map((r) => [r.questionId, r.score])).to.have.deep.members([
      ['voice.cyp.1', 1],
      ['voice.cyp.2', 3],
      ['voice.cyp.3', 4],
    ]);
  });

  it('leaves staff questions to staff routing in a chat that holds a survey', async () => {
    const code = await invite('AR-5109');
    await practitioner.say(code);
    const { activities } = await practitioner.say('help');
    expect(texts(activities).join(' ')).not.to.match(/You.re on question/);
  });
});
