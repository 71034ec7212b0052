import { expect } from 'chai';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';

/**
 * A manager's "you said, we did" words containing `${…}`, through the HTTP endpoint with real Azurite:
 * published, then opened for editing with the words as saved; a refused save keeps the typed form.
 */
describe('"you said, we did" words that look like template bindings (HTTP endpoint, real Azurite)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const MANAGER = 'ffffffff-0000-0000-0000-0000000000a1';
  let manager: ChatUser;
  const YOU_SAID = 'Transport costs ${fares} went up, ${title} and ${';
  const WE_DID = 'We capped fares at ${5} a day';

  before(async () => {
    bot = await BotHarness.start();
    await bot.stores.roles.set(MANAGER, ['manager'], 'test');
    manager = bot.user({ aadObjectId: MANAGER });
  });
  after(async () => bot?.stop());

  const inputValues = (card: any) =>
    (card?.body ?? []).filter((e: any) => e.type === 'Input.Text').map((e: any) => e.value as string);

  it('publishes the entry and opens it for editing with the words exactly as saved', async () => {
    const saved = await manager.submit({
      verb: 'yousaid.save',
      id: '',
      outcome: 'support',
      youSaid: YOU_SAID,
      weDid: WE_DID,
    });
    expect(texts(saved.activities).join('\n')).to.include('Added. It is public now.');
    const [entry] = await bot.services.youSaid.current();
    expect(entry).to.deep.include({ youSaid: YOU_SAID, weDid: WE_DID });
    const edit = await manager.submit({ verb: 'yousaid.edit', id: entry!.id });
    expect(texts(edit.activities).join('\n')).not.to.match(/something went wrong/i);
    expect(inputValues(cards(edit.activities).at(-1))).to.deep.equal([YOU_SAID, WE_DID]);
  });

  it('keeps the typed form when a save is refused', async () => {
    const refused = await manager.submit({
      verb: 'yousaid.save',
      id: '',
      outcome: 'support',
      youSaid: `AR-1042 said ${YOU_SAID}`,
      weDid: WE_DID,
    });
    expect(texts(refused.activities).join('\n')).to.include('seems to contain a review reference');
    expect(inputValues(cards(refused.activities).at(-1))).to.deep.equal([`AR-1042 said ${YOU_SAID}`, WE_DID]);
  });
});
