import { expect } from 'chai';
import { sectionOrder } from '../../src/features/survey/domain/sections.js';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';

/**
 * A review whose own words are as heavy in bytes as a family can make them (emoji with skin tones, words
 * too long to wrap) still reaches the practitioner: every activity of the turn is under Teams' limit.
 */
describe("a review's heaviest answers, in activities Teams accepts (HTTP endpoint, real Azurite)", function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const INVITER = 'dddddddd-0000-0000-0000-0000000000d1';
  let inviter: ChatUser;
  const LIMIT = 27_000;
  const EMOJI = '👍🏽'.repeat(500);
  const LONG_WORD = 'Ünterstützungsbedürftigkeitsfeststellungsverfahren'.repeat(40);

  before(async () => {
    bot = await BotHarness.start();
    await bot.stores.roles.set(INVITER, ['practitioner'], 'test');
    inviter = bot.user({ aadObjectId: INVITER });
    for (const role of ['parent', 'child'] as const) {
      const invited = texts((await inviter.say(`invite review AR-4042 ${role}`)).activities).join('\n');
      const code = /code ([A-Z0-9-]{12})/.exec(invited)![1]!.replace(/-/g, '');
      const r = role === 'parent' ? 'pc' : 'cyp';
      const family = bot.user({ channelId: 'directline' });
      await family.say(code);
      for (const section of sectionOrder(bot.seeds.bank)) {
        const answers: Record<string, string> = {};
        if (section === 'text')
          for (const [i, p] of bot.seeds.bank.promptsFor(r).entries())
            answers[p.id] = i === 5 && r === 'cyp' ? LONG_WORD : EMOJI;
        else for (const q of bot.seeds.bank.questionsFor(section, r)) answers[q.id] = '4';
        await family.submit({
          verb: 'survey.saveSection',
          code,
          section,
          bankVersion: bot.seeds.bank.version,
          ...answers,
        });
      }
    }
  });
  after(async () => bot?.stop());

  it(`sends every card of "answers for" in an activity of at most ${LIMIT} bytes, with every word`, async () => {
    const { activities } = await inviter.say('answers for AR-4042');
    const shown = cards(activities);
    expect(shown.length, texts(activities).join('\n')).to.be.greaterThan(2);
    for (const a of activities) expect(Buffer.byteLength(JSON.stringify(a)), a.summary).to.be.at.most(LIMIT);
    const all = JSON.stringify(shown);
    // Twelve answers were given: none is missing.
    expect(all.split('👍🏽').length - 1).to.equal(500 * 11);
    expect(all.split('Ünterstützungsbedürftigkeitsfeststellungsverfahren').length - 1).to.be.at.least(39);
  });
});
