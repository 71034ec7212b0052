import { expect } from 'chai';
import type { AskContext, ConversationBindings } from '../../src/features/survey/surveyStores.js';
import type { Understanding } from '../../src/understanding/types.js';
import { at, eachTestGets, type StoreFactory } from './support/contract.js';

// A Teams conversation id carries characters a table key may not (':', '@', ';', '/').
const CHAT = '19:abc/def@thread.v2;messageid=1?x#y';
const OTHER = 'a:1Xy-other';
const WINDOW = 15 * 60_000;

export function describeConversationBindingsContract(name: string, makeStore: StoreFactory<ConversationBindings>) {
  describe(`ConversationBindings contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('a chat is bound to no code until bound, then to the last code bound', async () => {
      expect(await store().boundCode(CHAT)).to.equal(undefined);
      await store().bind(CHAT, 'ABCD-EFGH-22', at(0));
      expect(await store().boundCode(CHAT)).to.equal('ABCD-EFGH-22');
      await store().bind(CHAT, 'WXYZ-EFGH-22', at(1));
      expect(await store().boundCode(CHAT)).to.equal('WXYZ-EFGH-22');
      expect(await store().boundCode(CHAT, { fresh: true })).to.equal('WXYZ-EFGH-22');
      expect(await store().boundCode(OTHER), 'another chat').to.equal(undefined);
    });

    it('counts failed attempts within the window, one chat at a time', async () => {
      expect(await store().recentFailures(CHAT, WINDOW, at(0))).to.deep.equal([]);
      expect(await store().recordFailure(CHAT, WINDOW, at(0))).to.equal(1);
      expect(await store().recordFailure(CHAT, WINDOW, at(5))).to.equal(2);
      expect(await store().recordFailure(OTHER, WINDOW, at(5))).to.equal(1);
      expect(await store().recentFailures(CHAT, WINDOW, at(6))).to.deep.equal([
        at(0).toISOString(),
        at(5).toISOString(),
      ]);
    });

    it('drops attempts once the window has passed (an attempt exactly a window old is out)', async () => {
      await store().recordFailure(CHAT, WINDOW, at(0));
      await store().recordFailure(CHAT, WINDOW, at(10));
      expect(await store().recentFailures(CHAT, WINDOW, at(15))).to.deep.equal([at(10).toISOString()]);
      expect(await store().recordFailure(CHAT, WINDOW, at(20))).to.equal(2);
      expect(await store().recentFailures(CHAT, WINDOW, at(40))).to.deep.equal([]);
    });

    it('counts every one of several attempts made at once', async () => {
      const counts = await Promise.all([0, 1, 2, 3, 4].map(() => store().recordFailure(CHAT, WINDOW, at(1))));
      expect([...counts].sort()).to.deep.equal([1, 2, 3, 4, 5]);
      expect(await store().recentFailures(CHAT, WINDOW, at(2))).to.have.length(5);
    });
  });
}

const WAITS: Understanding = { intent: 'waits', service: 'salt', allServices: false };
const SCORES: Understanding = { intent: 'scores', roles: ['pc'], terms: [], perQuestion: true };

export function describeAskContextContract(name: string, makeStore: StoreFactory<AskContext>) {
  describe(`AskContext contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('remembers the last question of a chat, asked at or after `since`', async () => {
      expect(await store().lastQuestion(CHAT, at(0))).to.equal(undefined);
      await store().rememberQuestion(CHAT, WAITS, at(10));
      expect(await store().lastQuestion(CHAT, at(10))).to.deep.equal(WAITS);
      expect(await store().lastQuestion(CHAT, at(5))).to.deep.equal(WAITS);
      expect(await store().lastQuestion(CHAT, new Date(at(10).getTime() + 1)), 'asked before since').to.equal(
        undefined,
      );
      expect(await store().lastQuestion(OTHER, at(0)), 'another chat').to.equal(undefined);
    });

    it('a different question replaces the last one, with its own time', async () => {
      await store().rememberQuestion(CHAT, WAITS, at(0));
      await store().rememberQuestion(CHAT, SCORES, at(0.5));
      expect(await store().lastQuestion(CHAT, at(0.25))).to.deep.equal(SCORES);
    });

    it('the same question asked again within a minute keeps its first time; a minute on, it is renewed', async () => {
      await store().rememberQuestion(CHAT, WAITS, at(0));
      await store().rememberQuestion(CHAT, WAITS, at(0.5));
      expect(await store().lastQuestion(CHAT, at(0.25)), 'within the minute: still its first time').to.equal(undefined);
      await store().rememberQuestion(CHAT, WAITS, at(1));
      expect(await store().lastQuestion(CHAT, at(0.75)), 'a minute on: renewed').to.deep.equal(WAITS);
    });
  });
}
