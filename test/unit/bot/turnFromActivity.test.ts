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

  describe('which conversation it is', () => {
    const typeOf = (channelId: string, conversation: Record<string, unknown>) =>
      turnOf({ channelId, conversation: { id: 'c1', ...conversation } });

    it('counts only "personal" as a 1:1 chat in Teams: absent, unknown or odd types are shared chats', () => {
      expect(typeOf('msteams', { conversationType: 'personal' }).conversationType).to.equal('personal');
      for (const conversationType of [undefined, '', 'meeting', 'Personal', 'personal ', 42, null, {}])
        expect(typeOf('msteams', { conversationType }).conversationType, String(conversationType)).to.equal(
          'groupChat',
        );
      expect(typeOf('msteams', { conversationType: 'channel' }).conversationType).to.equal('channel');
      expect(typeOf('msteams', { conversationType: 'groupChat' }).conversationType).to.equal('groupChat');
      // A conversation that says it is a group is not one person's, whatever its type says.
      expect(typeOf('msteams', { conversationType: 'personal', isGroup: true }).conversationType).to.equal('groupChat');
      expect(typeOf('msteams', { conversationType: 'meeting' }).address.conversationType).to.equal('groupChat');
    });

    it("takes a Web Chat (Direct Line) conversation, which has no type, as the one person's", () => {
      expect(typeOf('directline', {}).conversationType).to.equal('personal');
      expect(typeOf('directline', { conversationType: 'meeting' }).conversationType).to.equal('groupChat');
    });
  });

  describe('control characters', () => {
    it('drops every control character but tab and newline from the text and from every string of card data', () => {
      const dirty = 'a\u0000b\u0007c\u001b[0m\td\r\ne\rf\u007fg\u0085h\u0008';
      const clean = 'abc[0m\td\ne\nfgh';
      const turn = toTurn(
        new TurnContext(new TestAdapter(), {
          type: 'message',
          channelId: 'directline',
          from: { id: 'u1' },
          conversation: { id: 'c1' },
          text: dirty,
          value: { verb: 'x', answer: dirty, list: [dirty, 3, null], nested: { deep: dirty } },
        } as unknown as Activity),
        { value: { verb: 'x', answer: dirty, list: [dirty, 3, null], nested: { deep: dirty } }, roles: async () => [] },
      );
      expect(turn.text).to.equal(clean);
      expect(turn.value).to.deep.equal({ verb: 'x', answer: clean, list: [clean, 3, null], nested: { deep: clean } });
    });
  });
});
