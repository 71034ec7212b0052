import { expect } from 'chai';
import { BotHarness } from '../support/botHarness.js';

/** Rotated chat ids (Web Chat makes one per visit) must not leave rows behind forever. */
describe('conversation rows (real Azurite)', () => {
  let bot: BotHarness;
  before(async () => (bot = await BotHarness.start()));
  after(async () => bot?.stop());

  it('removes failed-code rows after their window and bindings older than an invitation can live, and keeps the rest', async () => {
    const made = await bot.services.invitationService.invite('CV-1001', 'pc', 'test');
    if (made.kind !== 'created') throw new Error('no invitation');
    const guessers = Array.from({ length: 5 }, () => bot.user({ channelId: 'directline' }));
    for (const g of guessers) await g.say('ABCD-EFGH-23');
    const family = bot.user({ channelId: 'directline' });
    await family.say(made.code);
    const count = async () => {
      let n = 0;
      for await (const _ of (await bot.store.table('conversations')).listEntities()) n++;
      return n;
    };
    expect(await count()).to.equal(6);
    const opts = { failureWindowMs: 3_600_000, bindingMaxAgeMs: 61 * 86_400_000 };
    expect((await bot.stores.conversations.prune(bot.clock.now(), opts)).removed, 'nothing stale yet').to.equal(0);
    bot.clock.advanceMinutes(61);
    expect((await bot.stores.conversations.prune(bot.clock.now(), opts)).removed, 'the failed attempts').to.equal(5);
    expect(await bot.stores.conversations.boundCode(family.conversationId, { fresh: true })).to.equal(made.code);
    bot.clock.advanceDays(62);
    expect((await bot.stores.conversations.prune(bot.clock.now(), opts)).removed, 'the old binding').to.equal(1);
    expect(await count()).to.equal(0);
    bot.clock.set('2026-11-22');
  });
});
