import { expect } from 'chai';
import type { StaffRole } from '../../src/domain/access/roles.js';
import type { QuestionLog, RoleStore, UnansweredQuestion } from '../../src/features/admin/adminStores.js';
import type { ReviewView, ReviewViewLog } from '../../src/features/reviews/reviewStores.js';
import type { YouSaidEntry } from '../../src/features/youSaid/domain/youSaidEntry.js';
import type { YouSaidStore } from '../../src/features/youSaid/youSaidStores.js';
import { eachTestGets, type MadeStore, type StoreFactory } from './support/contract.js';

/** The port has no way to give roles, so the suite is given a store already holding these. */
export type RoleStoreFactory = (roles: Record<string, StaffRole[]>) => Promise<MadeStore<RoleStore>>;

export function describeRoleStoreContract(name: string, makeStore: RoleStoreFactory) {
  describe(`RoleStore contract: ${name}`, function () {
    this.timeout(60_000); // its stores are made inside the tests: the first one may start Azurite
    let made: MadeStore<RoleStore> | undefined;
    const given = async (roles: Record<string, StaffRole[]>) => (made = await makeStore(roles)).store;
    afterEach(async () => {
      await made?.cleanup?.();
      made = undefined;
    });

    it("gives each person's roles, and none to someone without any", async () => {
      const store = await given({ '29:1abc/def?x': ['practitioner', 'manager'], 'user-2': ['admin'] });
      expect(await store.rolesOf('29:1abc/def?x')).to.have.members(['practitioner', 'manager']);
      expect(await store.rolesOf('user-2')).to.deep.equal(['admin']);
      expect(await store.rolesOf('stranger')).to.deep.equal([]);
    });

    it('lists everyone with a role, and nobody whose roles are none', async () => {
      const store = await given({ 'user-1': ['manager'], 'user-2': ['admin', 'practitioner'], 'user-3': [] });
      const listed = (await store.list())
        .map((p) => ({ userId: p.userId, roles: [...p.roles].sort() }))
        .sort((a, b) => a.userId.localeCompare(b.userId));
      expect(listed).to.deep.equal([
        { userId: 'user-1', roles: ['manager'] },
        { userId: 'user-2', roles: ['admin', 'practitioner'] },
      ]);
    });
  });
}

const question = (at: string, text = `asked at ${at}`): UnansweredQuestion => ({
  at,
  text,
  role: 'practitioner',
  reason: 'no intent',
});

export function describeQuestionLogContract(name: string, makeStore: StoreFactory<QuestionLog>) {
  describe(`QuestionLog contract: ${name}`, () => {
    const store = eachTestGets(makeStore);
    const NOW = new Date('2026-11-20T12:00:00.000Z');

    it('gives the most recent questions of this month and the last, newest first, as many as asked', async () => {
      expect(await store().recent(10, NOW)).to.deep.equal([]);
      const asked = [
        question('2026-11-03T10:00:00.000Z'),
        question('2026-10-02T10:00:00.000Z'),
        question('2026-11-15T10:00:00.000Z'),
        question('2026-09-30T10:00:00.000Z'), // two months back: not recent
        question('2026-10-28T10:00:00.000Z'),
      ];
      for (const q of asked) await store().record(q);
      expect(await store().recent(10, NOW)).to.deep.equal([asked[2], asked[0], asked[4], asked[1]]);
      expect(await store().recent(3, NOW)).to.deep.equal([asked[2], asked[0], asked[4]]);
      expect(await store().recent(1, NOW)).to.deep.equal([asked[2]]);
    });

    it('keeps the first 500 characters of a long question', async () => {
      const long = 'why '.repeat(200);
      await store().record(question('2026-11-03T10:00:00.000Z', long));
      expect((await store().recent(1, NOW))[0]?.text).to.equal(long.slice(0, 500));
    });
  });
}

const view = (reviewRef: string, at: string, viewer = 'staff-1', how: ReviewView['how'] = 'chat'): ReviewView => ({
  reviewRef,
  viewer,
  at,
  how,
});

export function describeReviewViewLogContract(name: string, makeStore: StoreFactory<ReviewViewLog>) {
  describe(`ReviewViewLog contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it("lists one review's views, newest first", async () => {
      expect(await store().list('AR-1042')).to.deep.equal([]);
      const views = [
        view('AR-1042', '2026-11-02T10:00:00.000Z'),
        view('AR-1042', '2026-11-04T10:00:00.000Z', 'staff-2', 'print'),
        view('AR-2', '2026-11-05T10:00:00.000Z'),
        view('AR-1042', '2026-11-03T10:00:00.000Z'),
      ];
      for (const v of views) await store().record(v);
      expect(await store().list('AR-1042')).to.deep.equal([views[1], views[3], views[0]]);
      expect(await store().list('AR-2')).to.deep.equal([views[2]]);
    });

    it('keeps every view, even two alike at the same moment', async () => {
      const same = view('AR-1042', '2026-11-02T10:00:00.000Z');
      await store().record(same);
      await store().record(same);
      expect(await store().list('AR-1042')).to.deep.equal([same, same]);
    });
  });
}

const entry = (id: string, createdAt: string, over: Partial<YouSaidEntry> = {}): YouSaidEntry => ({
  id,
  outcome: 'voice',
  youSaid: 'Meetings were at times we could not come to.',
  weDid: 'Reviews can now be held after school.',
  createdBy: 'manager-1',
  createdAt,
  ...over,
});

export function describeYouSaidStoreContract(name: string, makeStore: StoreFactory<YouSaidStore>) {
  describe(`YouSaidStore contract: ${name}`, () => {
    const store = eachTestGets(makeStore);

    it('gives back a saved entry, field for field; saved again, the new one', async () => {
      expect(await store().get('ys-1')).to.equal(undefined);
      const made = entry('ys-1', '2026-11-02T10:00:00.000Z');
      await store().save(made);
      expect(await store().get('ys-1')).to.deep.equal(made);
      const edited = {
        ...made,
        weDid: 'Evening reviews too.',
        updatedBy: 'manager-2',
        updatedAt: '2026-11-03T10:00:00.000Z',
      };
      await store().save(edited);
      expect(await store().get('ys-1')).to.deep.equal(edited);
    });

    it('lists the entries not removed, the most recently written first', async () => {
      const a = entry('ys-a', '2026-11-01T10:00:00.000Z');
      const b = entry('ys-b', '2026-11-02T10:00:00.000Z', { outcome: 'safe' });
      const c = entry('ys-c', '2026-10-01T10:00:00.000Z', { updatedBy: 'm', updatedAt: '2026-11-05T10:00:00.000Z' });
      const removed = entry('ys-d', '2026-11-06T10:00:00.000Z', {
        removedBy: 'manager-1',
        removedAt: '2026-11-07T10:00:00.000Z',
      });
      for (const e of [a, b, c, removed]) await store().save(e);
      expect(await store().current()).to.deep.equal([c, b, a]);
      expect(await store().get('ys-d'), 'a removed entry is kept').to.deep.equal(removed);
    });
  });
}
