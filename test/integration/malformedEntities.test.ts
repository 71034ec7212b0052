import { expect } from 'chai';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';

/**
 * Teams removes nothing from a message's text itself: the bot strips its own @mention using the
 * activity's entities. Whatever those entities hold, the message is still answered.
 */
describe('messages with malformed entities (HTTP endpoint, real Azurite)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const STAFF = 'eeeeeeee-0000-0000-0000-0000000000e1';
  let staff: ChatUser;

  before(async () => {
    bot = await BotHarness.start();
    await bot.stores.roles.set(STAFF, ['practitioner'], 'test');
    staff = bot.user({ aadObjectId: STAFF });
  });
  after(async () => bot?.stop());

  const answered = async (text: string, entities: unknown) => {
    const { status, activities } = await staff.say(text, { entities });
    const said = texts(activities).join('\n');
    expect(status, JSON.stringify(entities)).to.be.lessThan(300);
    expect(said, JSON.stringify(entities)).not.to.match(/something went wrong/i);
    // "help" is answered with the help card: the message was understood, not just survived.
    expect(cards(activities).length, `${JSON.stringify(entities)}: ${said}`).to.be.greaterThan(0);
    return JSON.stringify(cards(activities));
  };

  for (const entities of [
    [null],
    [{ type: 'mention' }],
    [{ type: 'mention', mentioned: { id: 'bot', name: 'Outcomes' } }],
    [{ type: 'mention', mentioned: { id: 'bot' }, text: 42 }],
    [{ type: 'mention', mentioned: null, text: '<at>Outcomes</at>' }],
    [{ type: 'mention', mentioned: { id: 'bot' }, text: '' }],
    [{ type: 7 }, 'mention', 3, []],
    [{ text: '<at>Outcomes</at>' }],
  ])
    it(`answers "help" with entities ${JSON.stringify(entities)}`, async () => {
      await answered('help', entities);
    });

  it('answers a message whose entities is not a list', async () => {
    await answered('help', { type: 'mention' });
  });

  it('still removes a well-formed mention of the bot, wherever it is', async () => {
    await answered('<at>Outcomes</at> help', [
      null,
      { type: 'Mention', mentioned: { id: 'bot', name: 'Outcomes' }, text: '<at>Outcomes</at>' },
    ]);
  });
});
