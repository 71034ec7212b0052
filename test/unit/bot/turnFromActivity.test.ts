import { expect } from 'chai';
import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { toTurn } from '../../../src/bot/teamsTurn.js';

/** The channel-neutral Turn built from whatever a channel sent: nothing in the activity is trusted. */
describe('a turn read from an activity (unit)', () => {
  const turnOf = (extra: Record<string, unknown>) => {
    const activity = {
      type: 'message',
      id: 'a1',
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      from: { id: 'u1', aadObjectId: 'u1' },
      recipient: { id: 'bot' },
      conversation: { id: 'c1', conversationType: 'personal' },
      ...extra,
    } as unknown as Activity;
    return toTurn(new TurnContext(new TestAdapter(), activity), { roles: async () => [] });
  };
  const botMention = { type: 'mention', mentioned: { id: 'bot', name: 'Outcomes' }, text: '<at>Outcomes</at>' };

  describe('mentions', () => {
    it("removes the bot's own mention, past malformed entities", () => {
      const turn = turnOf({
        text: '<at>Outcomes</at> current wait for SALT',
        entities: [null, { type: 'mention' }, 'mention', { type: 'mention', mentioned: null }, botMention],
      });
      expect(turn.text).to.equal('current wait for SALT');
    });

    it("keeps someone else's mention, and a mention with no text removes nothing", () => {
      const turn = turnOf({
        text: 'ask <at>Sam</at> about undefined',
        entities: [
          { type: 'mention', mentioned: { id: 'sam' }, text: '<at>Sam</at>' },
          { type: 'mention', mentioned: { id: 'bot' } },
        ],
      });
      expect(turn.text).to.equal('ask <at>Sam</at> about undefined');
    });
  });
});
