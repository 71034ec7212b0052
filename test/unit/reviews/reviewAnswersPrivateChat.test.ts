import { expect } from 'chai';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { toTurn } from '../../../src/bot/teamsTurn.js';
import type { Reply } from '../../../src/ports/messages.js';
import { fakeWorld, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * A review's answers go only to the asker's Teams 1:1 ("personal") chat. A conversation type Teams adds
 * later, or none at all, is not taken for a 1:1 chat: the answers are refused there, and no view recorded.
 * On the fakes: each message is a Teams activity made into a turn by the channel layer's own toTurn (so the
 * conversation is read as the bot reads it), then routed by the product's router on in-memory stores.
 */
describe("a review's answers only in a Teams 1:1 chat (unit, on the fakes)", () => {
  const INVITER = 'dddddddd-0000-0000-0000-0000000000c1';
  let w: FakeWorld;

  /** A message from the inviter in Teams, in the conversation given, and what the bot said back. */
  const inviterSays = async (text: string, conversation: Record<string, unknown> = {}) => {
    const activity = {
      type: 'message',
      id: 'a1',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      from: { id: 'teams-user-1', aadObjectId: INVITER },
      recipient: { id: 'bot' },
      conversation: { id: 'a:1inviter', conversationType: 'personal', ...conversation },
      text,
    } as unknown as Activity;
    const said: Reply[] = [];
    const turn = toTurn(new TurnContext(new TestAdapter(), activity), { roles: async () => PRACTITIONER });
    await w.router.routeText({ ...turn, send: async (reply) => void said.push(reply) });
    return { text: said.map((r) => r.text).join('\n'), cards: said.filter((r) => r.card).map((r) => r.card!) };
  };

  beforeEach(async () => {
    w = fakeWorld();
    expect((await inviterSays('invite review AR-2042 parent')).text).to.match(/code /);
  });

  for (const conversation of [
    { id: '19:meeting_abc@thread.v2', conversationType: 'meeting' },
    { id: '19:chat@thread.v2', conversationType: undefined },
    { id: 'a:1personal', conversationType: 'personal', isGroup: true },
  ])
    it(`refuses in a conversation ${JSON.stringify(conversation)}`, async () => {
      const out = await inviterSays('answers for AR-2042', conversation);
      expect(out.text).to.match(/only in your own 1:1 chat/);
      expect(out.cards).to.have.length(0);
      expect(await w.reviewViews.list('AR-2042')).to.have.length(0);
    });

  it('shows them in the 1:1 chat', async () => {
    const out = await inviterSays('answers for AR-2042');
    expect(JSON.stringify(out.cards)).to.include("Review AR-2042: the family's answers");
    expect(await w.reviewViews.list('AR-2042')).to.have.length(1);
  });
});
