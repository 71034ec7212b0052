import { expect } from 'chai';
import { sectionOrder } from '../../src/features/survey/domain/sections.js';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';

/**
 * Control characters (NUL and the rest of C0 but tab and newline) typed or pasted into a family's words
 * are dropped where the text enters: never stored, so never echoed on a card or the printable page.
 */
describe('control characters in what people send (HTTP endpoint, real Azurite)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const INVITER = 'dddddddd-0000-0000-0000-0000000000b1';
  let inviter: ChatUser;
  const TYPED = 'He likes\u0000 quiet\u0007 rooms\u001b[31m\tand\r\nroutine\u007f\u0008';
  const CLEAN = 'He likes quiet rooms[31m\tand\nroutine';
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

  before(async () => {
    bot = await BotHarness.start();
    await bot.stores.roles.set(INVITER, ['practitioner'], 'test');
    inviter = bot.user({ aadObjectId: INVITER });
    const invited = texts((await inviter.say('invite review AR-3042 parent')).activities).join('\n');
    const code = /code ([A-Z0-9-]{12})/.exec(invited)![1]!.replace(/-/g, '');
    const family = bot.user({ channelId: 'directline' });
    await family.say(code);
    for (const section of sectionOrder(bot.seeds.bank)) {
      const answers: Record<string, string> = {};
      if (section === 'text')
        for (const p of bot.seeds.bank.promptsFor('pc')) answers[p.id] = p.id === 'text.pc.1' ? TYPED : '';
      else for (const q of bot.seeds.bank.questionsFor(section, 'pc')) answers[q.id] = '4';
      await family.submit({
        verb: 'survey.saveSection',
        code: `${code}\u0000`,
        section,
        bankVersion: bot.seeds.bank.version,
        ...answers,
      });
    }
  });
  after(async () => bot?.stop());

  const allStrings = (node: unknown): string[] =>
    typeof node === 'string' ? [node] : node && typeof node === 'object' ? Object.values(node).flatMap(allStrings) : [];

  it('keeps the words without them, on the card and the printable page', async () => {
    const { activities } = await inviter.say('answers for AR-3042\u0000');
    const shown = cards(activities);
    expect(shown.length, texts(activities).join('\n')).to.be.greaterThan(1);
    const json = JSON.stringify(shown);
    expect(json).to.include('He likes quiet rooms');
    expect(allStrings(shown).join('\n')).not.to.match(CONTROL);
    const link = (shown[0] as any).actions.find((a: any) => a.type === 'Action.OpenUrl').url as string;
    const page = await (await fetch(link.replace(/^https?:\/\/[^/]+/, bot.baseUrl))).text();
    expect(page).to.include('He likes quiet rooms');
    expect(page).not.to.match(CONTROL);
    expect(page).not.to.match(/&#(0*[0-8]|0*1[1-9]|0*2[0-9]|0*3[01]|0*127);/);
    const words = /<p class="words">([\s\S]*?)<\/p>/
      .exec(page)![1]!
      .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(words).to.equal(CLEAN);
  });
});
