import { expect } from 'chai';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';

/**
 * A review's answers go only to the asker's Teams 1:1 ("personal") chat. A conversation type Teams adds
 * later, or none at all, is not taken for a 1:1 chat: the answers are refused there, and no view recorded.
 */
describe("a review's answers only in a Teams 1:1 chat (HTTP endpoint, real Azurite)", function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const INVITER = 'dddddddd-0000-0000-0000-0000000000c1';
  let inviter: ChatUser;

  before(async () => {
    bot = await BotHarness.start();
    await bot.stores.roles.set(INVITER, ['practitioner'], 'test');
    inviter = bot.user({ aadObjectId: INVITER });
    expect(texts((await inviter.say('invite review AR-2042 parent')).activities).join('\n')).to.match(/code /);
  });
  after(async () => bot?.stop());

  for (const conversation of [
    { id: '19:meeting_abc@thread.v2', conversationType: 'meeting' },
    { id: '19:chat@thread.v2' },
    { id: 'a:1personal', conversationType: 'personal', isGroup: true },
  ])
    it(`refuses in a conversation ${JSON.stringify(conversation)}`, async () => {
      const { activities } = await inviter.say('answers for AR-2042', { conversation });
      expect(texts(activities).join('\n')).to.match(/only in your own 1:1 chat/);
      expect(cards(activities)).to.have.length(0);
      expect(await bot.stores.reviewViews.list('AR-2042')).to.have.length(0);
    });

  it('shows them in the 1:1 chat', async () => {
    const { activities } = await inviter.say('answers for AR-2042');
    expect(JSON.stringify(cards(activities))).to.include("Review AR-2042: the family's answers");
  });
});
